"""Emergency preparedness: plans and warnings with their steps (`preparedness.procedures`), the warnings
as CAP 1.2, the intake of CAP 1.2 messages from other systems, and what is overdue."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from emgov.api.params import Pagination
from emgov.api.steps import steps_routes
from emgov.core import clock
from emgov.core.models import User
from emgov.core.permissions import WARNING_ISSUERS
from emgov.core.services import VIA_API
from emgov.preparedness import cap, queries
from emgov.preparedness.models import EarlyWarning, EmergencyPlan
from emgov.preparedness.procedures import PLAN, WARNING
from emgov.preparedness.services.warnings import warning_from_cap

router = Router(tags=["应急准备"])
MAX_CAP_BYTES = 512 * 1024


class PlanOut(Schema):
    id: int
    number: str
    name: str
    kind: str
    state: str
    published_on: datetime.date | None
    approved_on: datetime.date | None
    filed_on: datetime.date | None
    evaluated_on: datetime.date | None
    evaluation_due: datetime.date | None
    previous_id: int | None
    event_types: list[str]

    @staticmethod
    def resolve_state(obj: EmergencyPlan) -> str:
        return PLAN.state_label(obj)

    @staticmethod
    def resolve_evaluation_due(obj: EmergencyPlan) -> datetime.date | None:
        return queries.evaluation_due(obj, clock.today())

    @staticmethod
    def resolve_event_types(obj: EmergencyPlan) -> list[str]:
        return [e.name for e in obj.event_types.all()]


class WarningOut(Schema):
    id: int
    number: str
    headline: str
    level: str
    event_type: str
    area: str
    onset: datetime.datetime
    expires: datetime.datetime
    description: str
    measures: str
    status: str
    cap_identifier: str

    @staticmethod
    def resolve_event_type(obj: EarlyWarning) -> str:
        return obj.event_type.name

    @staticmethod
    def resolve_cap_identifier(obj: EarlyWarning) -> str:
        return cap.identifier(obj)


def plans(user: User):
    return EmergencyPlan.objects.visible_to(user).live().prefetch_related("event_types")


def warnings(user: User):
    return EarlyWarning.objects.visible_to(user).live().select_related("event_type")


@router.get("/plans", response=list[PlanOut], summary="应急预案列表")
@paginate(Pagination)
def plan_list(request: HttpRequest, overdue: bool = False):
    if overdue:
        return [
            d.record for d in queries.plans_to_evaluate(request.auth, clock.today(), datetime.timedelta(0))
        ]
    return plans(request.auth).order_by("number")


@router.get("/plans/{pk}", response=PlanOut, summary="应急预案")
def plan_detail(request: HttpRequest, pk: int):
    return get_object_or_404(plans(request.auth), pk=pk)


@router.get("/warnings", response=list[WarningOut], summary="预警信息列表")
@paginate(Pagination)
def warning_list(request: HttpRequest, in_force: bool = False):
    if in_force:
        return queries.warnings_in_force().filter(pk__in=warnings(request.auth).values("pk"))
    return warnings(request.auth).order_by("-onset", "-pk")


@router.get("/warnings/{pk}", response=WarningOut, summary="预警信息")
def warning_detail(request: HttpRequest, pk: int):
    return get_object_or_404(warnings(request.auth), pk=pk)


@router.get("/warnings/{pk}/cap", summary="预警信息的 CAP 1.2 消息", response={200: None})
def warning_cap(request: HttpRequest, pk: int):
    warning = get_object_or_404(warnings(request.auth), pk=pk)
    return HttpResponse(cap.build(warning), content_type=f"{cap.CONTENT_TYPE}; charset=utf-8")


@router.post("/cap", response={201: WarningOut}, summary="接收 CAP 1.2 预警消息（body：XML），生成预警草稿")
def warning_intake(request: HttpRequest):
    user = request.auth
    if not (user.sees_everything or user.role in WARNING_ISSUERS):
        raise HttpError(403, "您的角色不能导入预警消息")
    if len(request.body) > MAX_CAP_BYTES:
        raise HttpError(413, "CAP消息不能超过512KB")
    return 201, warning_from_cap(actor=user, xml=request.body, via=VIA_API)


steps_routes(router, "/plans", PLAN, plans, PlanOut)
steps_routes(router, "/warnings", WARNING, warnings, WarningOut)
