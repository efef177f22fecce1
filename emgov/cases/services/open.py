"""立案 of a penalty case (from a visit, an overdue hazard or on its own) and the on-the-spot decision of
the summary procedure (简易程序). Both create the case; its later steps are those of `cases.procedures`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import (
    DECISION_DOC_TYPE,
    CaseStage,
    Evidence,
    EvidenceType,
    PartyType,
    PenaltyCase,
    Procedure,
)
from emgov.cases.services.history import number_for, record_step, require_date, require_scope
from emgov.cases.services.investigation import check_collected_on
from emgov.core import attachments, clock, services
from emgov.core.models import Attachment, Department, User
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


@dataclass(frozen=True)
class SitePhoto:
    """A photo taken at the inspection a case is filed on, and the evidence item it becomes."""

    attachment: Attachment
    visit: Visit
    hazard: Hazard | None

    @property
    def title(self) -> str:
        subject = self.hazard.description if self.hazard else _("检查记录%(n)s") % {"n": self.visit.number}
        return (_("现场照片：%(s)s") % {"s": " ".join(subject.split())})[:200]

    @property
    def present(self) -> bool:
        """Whether the photo's file is still in storage (a file lost from it cannot become evidence)."""
        file = self.attachment.file
        return bool(file.name) and file.storage.exists(file.name)

    @property
    def source(self) -> str:
        source = _("检查记录%(v)s（%(d)s）") % {"v": self.visit.number, "d": self.visit.date.isoformat()}
        if self.hazard:
            source += _("，隐患%(h)s") % {"h": self.hazard.number}
        return _("来源：%(s)s；原文件：%(f)s") % {"s": source, "f": self.attachment.original_name}


def _photos(target: Visit | Hazard) -> list[Attachment]:
    return [a for a in target.attachments.all() if a.mime_type.startswith("image/")]


def site_photos(visit: Visit | None, hazard: Hazard | None = None) -> list[SitePhoto]:
    """The photos a case filed on `visit` (or on `hazard`) carries as evidence: the visit's own and those
    of its hazards not voided; a case filed on a hazard carries that hazard's."""
    if hazard is not None:
        return [SitePhoto(a, hazard.visit, hazard) for a in _photos(hazard)]
    if visit is None:
        return []
    found = [SitePhoto(a, visit, None) for a in _photos(visit)]
    for h in visit.hazards.filter(voided_at__isnull=True).order_by("number").prefetch_related("attachments"):
        found += [SitePhoto(a, visit, h) for a in _photos(h)]
    return found


def _carry_site_photos(case: PenaltyCase, *, actor: User | None, via: str) -> None:
    """Each photo of the inspection becomes an item of the case's evidence list (视听资料, taken on the
    visit's day) with a copy of its file; the visit's or hazard's own file stays where it was."""
    officers: dict[int, str] = {}  # the officers of each visit, read once
    for photo in site_photos(case.visit, case.hazard):
        if not photo.present:
            continue  # named to the officer on the 立案 form and after filing (views.cases)
        if photo.visit.pk not in officers:
            officers[photo.visit.pk] = "、".join(o.name for o in photo.visit.officers.all())[:100]
        try:
            handle = photo.attachment.file.open("rb")
        except FileNotFoundError:
            continue
        with handle:
            check_collected_on(case, EvidenceType.AUDIO_VISUAL, photo.visit.date)
            evidence = Evidence(
                case=case,
                evidence_type=EvidenceType.AUDIO_VISUAL,
                title=photo.title,
                collected_on=photo.visit.date,
                collected_by=officers[photo.visit.pk],
                description=photo.source,
            )
            evidence.full_clean()
            services.record_create(evidence, actor=actor, via=via)
            copy = File(handle, name=photo.attachment.original_name)
            attachments.attachment_add(actor=actor, target=evidence, upload=copy, via=via)


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
    _carry_site_photos(case, actor=actor, via=via)
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
