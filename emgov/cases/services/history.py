"""What every step of a case shares: its document numbers, its date checks and its row in the case's
history (`CaseStep`: who took which step, on what day, with which document), which the documents and
the history page and API read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases.models import CaseStep, PenaltyCase
from emgov.core import clock, services
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
    if on > clock.today():
        raise ValidationError({field: _("%(label)s不能晚于今天。") % {"label": label}}, code="future")
    return on


@dataclass(frozen=True)
class Entry:
    """A row of the case's history: the day, what was noted, the document it issued; the label
    is the step's when empty (a failed review or a late fee says so instead)."""

    on: datetime.date
    note: str = ""
    document_number: str = ""
    label: str = ""


def record_step(
    case: PenaltyCase,
    *,
    actor: User | None,
    action: str,
    label: str,
    on: datetime.date,
    note: str = "",
    document_number: str = "",
    via: str = VIA_WEB,
) -> CaseStep:
    step = CaseStep(
        case=case,
        action=action,
        label=label,
        stage=case.stage,
        done_on=on,
        actor=actor,
        note=note,
        document_number=document_number,
    )
    return services.record_create(step, actor=actor, via=via)
