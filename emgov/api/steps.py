"""The API of a procedure's steps, read from its declaration (`core.workflow.Procedure`).

`steps_routes` adds to a router, for the records at `prefix`:
- `GET {prefix}/{pk}/steps`: the record's state, the steps the caller may take now, and those a rule
  refuses with the reason;
- `POST {prefix}/{pk}/steps/{step}`: take a step. The body is the step's form fields as JSON, with
  `version`, the record version the caller last read (a stale step is refused like a stale edit).

The form of the step's page validates the body, so the page and the API accept the same data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import models
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import ConfigDict

from emgov.core.models import User
from emgov.core.services import VIA_API
from emgov.core.workflow import Procedure


class StepField(Schema):
    name: str
    label: str
    required: bool


class StepOption(Schema):
    name: str
    label: str
    target: str | None = None
    available: bool
    reason: str | None = None
    fields: list[StepField]


class StepsOut(Schema):
    state: str
    state_label: str
    version: int
    steps: list[StepOption]


class StepIn(Schema):
    """The step's form fields, and `version`: the record version the caller last read."""

    model_config = ConfigDict(extra="allow")
    version: int | None = None


def _fields(procedure: Procedure, step, record) -> list[dict[str, Any]]:
    form = procedure.form(step, record)
    return [{"name": n, "label": str(f.label or n), "required": f.required} for n, f in form.fields.items()]


def steps_of(procedure: Procedure, record: Any, user: User) -> dict[str, Any]:
    return {
        "state": procedure.state(record),
        "state_label": procedure.state_label(record),
        "version": record.version,
        "steps": [
            {
                "name": o.step.name,
                "label": str(o.step.label),
                "target": o.step.target,
                "available": o.available,
                "reason": o.refusal,
                "fields": _fields(procedure, o.step, record) if o.available else [],
            }
            for o in procedure.options(record, user)
        ],
    }


def take_step(
    request: HttpRequest,
    procedure: Procedure,
    record: Any,
    name: str,
    body: dict[str, Any],
    *,
    version_required: bool = False,
) -> Any:
    """Take step `name` on `record` for the API caller, `body` validated by the step's form:
    404 for an unknown step, 403 for a role that may not take it, 422 naming the field or the rule.
    The steps path requires `version`; the earlier per-step paths accept a body without it."""
    step = procedure.step(name)
    if step is None:
        raise Http404
    if not procedure.permits(request.auth, step):
        raise HttpError(403, f"您的角色不能办理“{step.label}”。")
    body = dict(body)
    version = body.pop("version", None)
    if (version is None and version_required) or not (version is None or type(version) is int):
        raise HttpError(
            422, "version：请提供该记录的版本号（整数，即最近一次读取时的 version），以免覆盖他人的办理。"
        )
    form = procedure.form(step, record, {k: v for k, v in body.items() if v is not None})
    if not form.is_valid():
        raise HttpError(422, "；".join(f"{_label(form, k)}：{'、'.join(v)}" for k, v in form.errors.items()))
    return procedure.take(
        name, record, actor=request.auth, expected_version=version, via=VIA_API, **form.cleaned_data
    )


def _body(request: HttpRequest) -> dict[str, Any]:
    """The posted JSON object (the schema above only documents it: its fields are the step's)."""
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise HttpError(422, "请求体须为 JSON 对象：该环节的表单字段及 version。")
    return body


def _label(form, name: str) -> str:
    field = form.fields.get(name)
    return str(field.label or name) if field else "表单"


def steps_routes(
    router: Router,
    prefix: str,
    procedure: Procedure,
    queryset: Callable[[User], models.QuerySet],
    out: type[Schema],
    *,
    legacy: bool = False,
    version_required: bool = True,
) -> None:
    """Add `GET {prefix}/{pk}/steps` and `POST {prefix}/{pk}/steps/{step}` for `procedure`; with
    `legacy`, also the earlier `POST {prefix}/{pk}/{step}`, which integrators still call. The steps
    path requires `version`, except where it existed before with the version optional
    (`version_required=False`), so that integrators' calls keep working."""

    def record(request: HttpRequest, pk: int) -> Any:
        return get_object_or_404(queryset(request.auth), pk=pk)

    @router.get(
        f"{prefix}/{{pk}}/steps",
        response=StepsOut,
        summary="可办理的环节",
        operation_id=f"{procedure.name}_steps",
    )
    def steps(request: HttpRequest, pk: int):
        return steps_of(procedure, record(request, pk), request.auth)

    @router.post(
        f"{prefix}/{{pk}}/steps/{{step}}",
        response=out,
        summary="办理环节（body：该环节表单字段及 version）",
        operation_id=f"{procedure.name}_take_step",
    )
    def take(request: HttpRequest, pk: int, step: str, payload: StepIn):
        return take_step(
            request, procedure, record(request, pk), step, _body(request), version_required=version_required
        )

    if legacy:

        @router.post(
            f"{prefix}/{{pk}}/{{step}}",
            response=out,
            summary="办理环节（旧路径，请改用 …/steps/{step}）",
            operation_id=f"{procedure.name}_take_step_legacy",
            deprecated=True,
        )
        def take_legacy(request: HttpRequest, pk: int, step: str, payload: StepIn):
            return take_step(request, procedure, record(request, pk), step, _body(request))
