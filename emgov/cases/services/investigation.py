"""调查取证 and 告知 (行政处罚法 Arts. 44, 54–55, 63): the steps between filing and the party's statement.

Each step's `run` receives the case locked and checked by `cases.procedures.PENALTY_CASE` and returns
its changes; its `history` says what the case's history row records.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import Evidence, PenaltyCase
from emgov.cases.services.history import Entry, d, number_for, require_date
from emgov.cases.services.penalty import penalty_args, penalty_changes
from emgov.core import services
from emgov.core.models import User

NOTICE_DOC_TYPE = "行政处罚告知书"
HEARING_NOTICE_DOC_TYPE = "行政处罚听证告知书"


def case_investigate(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    """开始调查取证."""
    require_date(on, "on", _("办理日期"))
    return {}


def evidence_add(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    evidence_type: str,
    title: str,
    collected_on: datetime.date,
    collected_by: str = "",
    is_inquiry: bool = False,
    interviewee: str = "",
    description: str = "",
) -> dict[str, Any]:
    """调查取证: one item of the evidence list (an inquiry record names the person questioned)."""
    require_date(collected_on, "collected_on", _("取证日期"))
    if collected_on < case.filed_on:
        raise ValidationError(
            {"collected_on": _("取证日期不能早于立案日期（%(d)s）。") % {"d": d(case.filed_on)}},
            code="before_filing",
        )
    evidence = Evidence(
        case=case,
        evidence_type=evidence_type,
        title=title,
        collected_on=collected_on,
        collected_by=collected_by or "",
        is_inquiry=bool(is_inquiry),
        interviewee=interviewee or "",
        description=description or "",
    )
    evidence.full_clean()
    services.record_create(evidence, actor=actor, via=via)
    return {}


def evidence_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["collected_on"], note=f"{data['evidence_type']}：{data['title']}")]


def has_evidence(case: PenaltyCase) -> bool:
    return case.evidence.filter(voided_at__isnull=True).exists()


def case_notify(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    major_case: bool = False,
    review_required: bool = False,
    **penalty: Any,
) -> dict[str, Any]:
    """告知: the intended penalty (Art. 44), with the hearing-rights notice when Art. 63 applies."""
    require_date(on, "on", _("告知日期"))
    if on < case.filed_on:
        raise ValidationError(
            {"on": _("告知日期不能早于立案日期（%(d)s）。") % {"d": d(case.filed_on)}}, code="before_filing"
        )
    values = penalty_changes(case, **penalty_args(penalty))
    probe = PenaltyCase(party_type=case.party_type, **values)
    numbers = {"notice_number": number_for(NOTICE_DOC_TYPE, on.year, actor=actor, via=via)}
    if rules.hearing_applies(probe):
        numbers["hearing_notice_number"] = number_for(HEARING_NOTICE_DOC_TYPE, on.year, actor=actor, via=via)
    return {
        **values,
        **numbers,
        "major_case": bool(major_case),
        "review_required": bool(review_required),
        "notified_on": on,
        "statement_due_on": rules.statement_due(on),
    }


def notify_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["on"], document_number=case.notice_number)]
