"""The one way a case moves: lock it, check the step is allowed, update it and record the step."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.cases.models import CaseStep, PenaltyCase
from emgov.cases.workflow import ACTIONS, allowed_codes
from emgov.core import services
from emgov.core.models import DocumentNumberTemplate, User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB

# Templates used when the administrator has not set one for a case document.
DEFAULT_TEMPLATES = {
    "立案审批表": "应急立〔{year}〕{n}号",
    "行政处罚告知书": "应急罚告〔{year}〕{n}号",
    "行政处罚听证告知书": "应急听告〔{year}〕{n}号",
    "结案审批表": "应急结〔{year}〕{n}号",
    "案卷首页": "应急案〔{year}〕{n}号",
}


def d(day: datetime.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def number_for(doc_type: str, year: int, *, actor: User | None, via: str = VIA_WEB) -> str:
    """The next 文号 of a case document, creating the default template the first time it is needed."""
    if (
        doc_type in DEFAULT_TEMPLATES
        and not DocumentNumberTemplate.objects.filter(doc_type=doc_type).exists()
    ):
        services.record_create(
            DocumentNumberTemplate(doc_type=doc_type, template=DEFAULT_TEMPLATES[doc_type]),
            actor=actor,
            via=via,
        )
    return number_take(doc_type, year=year)


def require_scope(case: PenaltyCase, actor: User | None) -> None:
    services.require_scope(case, actor, _("不能办理您负责的区划以外的案件。"))


def require_date(on: datetime.date | None, field: str, label: str) -> datetime.date:
    if on is None:
        raise ValidationError({field: _("必须填写%(label)s。") % {"label": label}}, code="required")
    if on > timezone.localdate():
        raise ValidationError({field: _("%(label)s不能晚于今天。") % {"label": label}}, code="future")
    return on


def record_step(
    case: PenaltyCase,
    *,
    actor: User | None,
    action: str,
    on: datetime.date,
    note: str = "",
    document_number: str = "",
    via: str = VIA_WEB,
    label: str | None = None,
) -> CaseStep:
    step = CaseStep(
        case=case,
        action=action,
        label=label or str(ACTIONS[action].label),
        stage=case.stage,
        done_on=on,
        actor=actor,
        note=note,
        document_number=document_number,
    )
    return services.record_create(step, actor=actor, via=via)


@transaction.atomic
def run_step(
    case: PenaltyCase,
    *,
    actor: User | None,
    action: str,
    on: datetime.date,
    changes: dict[str, Any] | Callable[[PenaltyCase], dict[str, Any]],
    check: Callable[[PenaltyCase], None] | None = None,
    note: str = "",
    document_number: str | Callable[[PenaltyCase], str] = "",
    expected_version: int | None = None,
    via: str = VIA_WEB,
    stage: str | None = None,
    label: str | None = None,
) -> PenaltyCase:
    """Take step `action` on `on`: its own checks first (clear reasons), then the stage rule."""
    current = services.record_lock(
        case, expected_version=expected_version, voided=_("该案件已作废，不能办理。")
    )
    require_scope(current, actor)
    if check is not None:
        check(current)
    if action not in allowed_codes(current):
        raise ValidationError(
            _("案件当前处于“%(stage)s”阶段，不能办理“%(step)s”。")
            % {"stage": current.get_stage_display(), "step": ACTIONS[action].label},
            code="step_not_allowed",
        )
    if callable(changes):
        changes = changes(current)
    number = document_number(current) if callable(document_number) else document_number
    new_stage = ACTIONS[action].stage if stage is None else stage
    if new_stage:
        changes = {**changes, "stage": new_stage}
    updated = services.record_update(current, actor=actor, changes=changes, via=via, reason=note)
    record_step(
        updated, actor=actor, action=action, on=on, note=note, document_number=number, via=via, label=label
    )
    return updated
