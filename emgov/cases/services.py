"""Writes of penalty cases: 立案 (from a visit, a hazard or on its own) through the hearing.

The decision and execution steps are in `decisions` and `execution`; every step goes through
`stepping.run_step`, which checks the step is allowed and records who took it and when.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.hearing import case_statement, hearing_hold, hearing_notice, hearing_request
from emgov.cases.models import (
    DECISION_DOC_TYPE,
    CaseStage,
    DeadlineExtension,
    Evidence,
    PartyType,
    PenaltyCase,
    Procedure,
)
from emgov.cases.penalty import penalty_changes
from emgov.cases.stepping import d, number_for, record_step, require_date, require_scope, run_step
from emgov.cases.workflow import hearing_applies
from emgov.core import services
from emgov.core.models import Department, User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import Hazard, Visit

__all__ = ["case_statement", "hearing_hold", "hearing_notice", "hearing_request"]

FILING_DOC_TYPE = "立案审批表"
NOTICE_DOC_TYPE = "行政处罚告知书"
HEARING_NOTICE_DOC_TYPE = "行政处罚听证告知书"


def _party_from_enterprise(fields: dict[str, Any]) -> None:
    enterprise = fields.get("enterprise")
    if enterprise is None:
        return
    fields.setdefault("party_name", enterprise.name)
    fields.setdefault("party_type", PartyType.LEGAL_PERSON)
    fields.setdefault("party_credit_code", enterprise.credit_code)
    fields.setdefault("party_address", enterprise.address)


def _department(actor: User | None, visit: Visit | None) -> Department | None:
    if visit is not None:
        return visit.department
    if actor is not None and actor.department_id:
        return actor.department
    return Department.objects.filter(is_bureau=True).first()


@transaction.atomic
def case_open(
    *,
    actor: User | None,
    visit: Visit | None = None,
    hazard: Hazard | None = None,
    via: str = VIA_WEB,
    **fields: Any,
) -> PenaltyCase:
    """立案: a general-procedure case from a visit, a hazard, or on its own; numbered on its 立案审批表."""
    if hazard is not None:
        visit = visit or hazard.visit
        open_case = hazard.penalties.filter(voided_at__isnull=True).exclude(stage=CaseStage.ARCHIVED).first()
        if open_case is not None:
            raise ValidationError(
                _("隐患%(h)s已立案（%(case)s），不能重复立案。") % {"h": hazard.number, "case": open_case},
                code="hazard_case_exists",
            )
        fields.setdefault("violation", _("逾期未整改隐患：%(d)s") % {"d": hazard.description})
        fields.setdefault("legal_basis", hazard.basis)
    if visit is not None:
        fields.setdefault("enterprise", visit.enterprise)
    _party_from_enterprise(fields)
    fields.setdefault("department", _department(actor, visit))
    filed_on = fields.pop("filed_on", None) or timezone.localdate()
    require_date(filed_on, "filed_on", _("立案日期"))
    case = PenaltyCase(
        visit=visit,
        hazard=hazard,
        filed_on=filed_on,
        procedure=Procedure.GENERAL,
        stage=CaseStage.FILED,
        decision_due_on=rules.decision_limit(filed_on),
        **fields,
    )
    case.full_clean(exclude=["case_number"])
    require_scope(case, actor)
    case.case_number = number_for(FILING_DOC_TYPE, filed_on.year, actor=actor, via=via)
    case = services.record_create(case, actor=actor, via=via)
    record_step(case, actor=actor, action="open", on=filed_on, document_number=case.case_number, via=via)
    return case


@transaction.atomic
def case_summary_decide(*, actor: User | None, visit: Visit | None = None, via: str = VIA_WEB, **fields: Any):
    """简易程序: a warning or a small fine decided on the spot (Art. 51); refused beyond the limits."""
    if visit is not None:
        fields.setdefault("enterprise", visit.enterprise)
    _party_from_enterprise(fields)
    fields.setdefault("department", _department(actor, visit))
    decided_on = require_date(fields.pop("decided_on", None), "decided_on", _("决定日期"))
    case = PenaltyCase(
        visit=visit,
        filed_on=decided_on,
        decided_on=decided_on,
        procedure=Procedure.SUMMARY,
        stage=CaseStage.DECIDED,
        **fields,
    )
    case.full_clean(exclude=["decision_number"])
    require_scope(case, actor)
    case.decision_number = number_for(DECISION_DOC_TYPE, decided_on.year, actor=actor, via=via)
    case = services.record_create(case, actor=actor, via=via)
    record_step(
        case, actor=actor, action="summary", on=decided_on, document_number=case.decision_number, via=via
    )
    return case


def case_investigate(case: PenaltyCase, *, actor: User | None, on: datetime.date, via: str = VIA_WEB, **kw):
    require_date(on, "on", _("办理日期"))
    return run_step(case, actor=actor, action="investigate", on=on, changes={}, via=via, **kw)


@transaction.atomic
def evidence_add(case: PenaltyCase, *, actor: User | None, via: str = VIA_WEB, **fields: Any) -> Evidence:
    """调查取证: one item of the evidence list (an inquiry record names the person questioned)."""
    on = require_date(fields.get("collected_on"), "collected_on", _("取证日期"))
    if on < case.filed_on:
        raise ValidationError(
            {"collected_on": _("取证日期不能早于立案日期（%(d)s）。") % {"d": d(case.filed_on)}}
        )
    evidence = Evidence(case=case, **fields)
    evidence.full_clean()
    run_step(case, actor=actor, action="evidence", on=on, changes={}, note=str(evidence), via=via)
    return services.record_create(evidence, actor=actor, via=via)


@transaction.atomic
def case_extend(
    case: PenaltyCase,
    *,
    actor: User | None,
    approved_by: str,
    approved_on: datetime.date,
    reason: str,
    new_due_on: datetime.date,
    via: str = VIA_WEB,
) -> PenaltyCase:
    """案件延期: a recorded extension of the 90-day decision limit (approval, reason, new limit)."""
    require_date(approved_on, "approved_on", _("批准日期"))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("延长办案期限必须填写理由。")})
    if not (approved_by or "").strip():
        raise ValidationError({"approved_by": _("延长办案期限必须填写批准人。")})

    def check(current: PenaltyCase) -> None:
        if new_due_on is None or new_due_on <= current.decision_due_on:
            raise ValidationError(
                {
                    "new_due_on": _("延长后的期限必须晚于现在的决定期限（%(d)s）。")
                    % {"d": d(current.decision_due_on)}
                }
            )

    case = run_step(
        case,
        actor=actor,
        action="extend",
        on=approved_on,
        changes={"decision_due_on": new_due_on},
        check=check,
        note=_("%(by)s批准延长至%(due)s：%(reason)s")
        % {"by": approved_by, "due": d(new_due_on), "reason": reason},
        via=via,
    )
    extension = DeadlineExtension(
        case=case, approved_by=approved_by, approved_on=approved_on, reason=reason, new_due_on=new_due_on
    )
    services.record_create(extension, actor=actor, via=via)
    return case


def case_notify(
    case: PenaltyCase,
    *,
    actor: User | None,
    on: datetime.date,
    major_case: bool = False,
    review_required: bool = False,
    via: str = VIA_WEB,
    **penalty: Any,
) -> PenaltyCase:
    """告知: the intended penalty (Art. 44), with the hearing-rights notice when Art. 63 applies."""
    require_date(on, "on", _("告知日期"))

    def check(current: PenaltyCase) -> None:
        if on < current.filed_on:
            raise ValidationError(
                {"on": _("告知日期不能早于立案日期（%(d)s）。") % {"d": d(current.filed_on)}}
            )

    def changes(current: PenaltyCase) -> dict[str, Any]:
        values = penalty_changes(current, **penalty)
        probe = PenaltyCase(party_type=current.party_type, **values)
        numbers = {"notice_number": number_for(NOTICE_DOC_TYPE, on.year, actor=actor, via=via)}
        if hearing_applies(probe):
            numbers["hearing_notice_number"] = number_for(
                HEARING_NOTICE_DOC_TYPE, on.year, actor=actor, via=via
            )
        return {
            **values,
            **numbers,
            "major_case": major_case,
            "review_required": review_required,
            "notified_on": on,
            "statement_due_on": rules.statement_due(on),
        }

    return run_step(
        case,
        actor=actor,
        action="notify",
        on=on,
        changes=changes,
        check=check,
        document_number=lambda c: c.notice_number,
        via=via,
    )
