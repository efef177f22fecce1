"""立案 of a penalty case (from a visit, an overdue hazard or on its own) and the on-the-spot decision of
the summary procedure (简易程序). Both create the case; its later steps are those of `cases.procedures`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import DECISION_DOC_TYPE, CaseStage, PartyType, PenaltyCase, Procedure
from emgov.cases.services.history import number_for, record_step, require_date, require_scope
from emgov.core import clock, services
from emgov.core.models import Department, User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import Hazard, Visit

FILING_DOC_TYPE = "立案审批表"
# 行政处罚法第二十九条: one violation, one penalty; a hazard's overdue rectification is filed once.
HAZARD_CASE_ARTICLE = "行政处罚法第二十九条"


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


def hazard_case(hazard: Hazard) -> PenaltyCase | None:
    """The case already filed on the hazard and not voided, whatever its stage."""
    return hazard.penalties.filter(voided_at__isnull=True).order_by("pk").first()


def hazard_case_blocker(hazard: Hazard) -> str | None:
    """Why no case may be filed on `hazard` now (None: one may): a hazard is filed once; a voided case
    does not count, an archived one does (一事不再罚, 行政处罚法第二十九条)."""
    existing = hazard_case(hazard)
    if existing is None:
        return None
    return _("隐患%(h)s已立案（%(case)s），同一违法行为不能重复立案（%(article)s）。") % {
        "h": hazard.number,
        "case": existing,
        "article": HAZARD_CASE_ARTICLE,
    }


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
        # Two filings of one hazard wait for each other.
        hazard = services.record_lock(hazard, voided=_("该隐患已作废，不能立案。"))
        blocker = hazard_case_blocker(hazard)
        if blocker:
            raise ValidationError(blocker, code="hazard_case_exists")
        fields.setdefault("violation", _("逾期未整改隐患：%(d)s") % {"d": hazard.description})
        fields.setdefault("legal_basis", hazard.basis)
    if visit is not None:
        fields.setdefault("enterprise", visit.enterprise)
    _party_from_enterprise(fields)
    fields.setdefault("department", _department(actor, visit))
    filed_on = fields.pop("filed_on", None) or clock.today()
    require_date(filed_on, "filed_on", _("立案日期"))
    case = PenaltyCase(
        visit=visit,
        hazard=hazard,
        filed_on=filed_on,
        procedure=Procedure.GENERAL,
        stage=CaseStage.FILED,
        **fields,
    )
    case.decision_due_on = rules.decision_limit(case)
    case.full_clean(exclude=["case_number"])
    require_scope(case, actor)
    case.case_number = number_for(FILING_DOC_TYPE, filed_on.year, actor=actor, via=via)
    case = services.record_create(case, actor=actor, via=via)
    record_step(
        case,
        actor=actor,
        action="open",
        label=_("立案"),
        on=filed_on,
        document_number=case.case_number,
        via=via,
    )
    return case


@transaction.atomic
def case_summary_decide(
    *, actor: User | None, visit: Visit | None = None, via: str = VIA_WEB, **fields: Any
) -> PenaltyCase:
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
        case,
        actor=actor,
        action="summary",
        label=_("当场作出处罚决定（简易程序）"),
        on=decided_on,
        document_number=case.decision_number,
        via=via,
    )
    return case
