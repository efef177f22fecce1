"""复查: the hazards of a visit looked at again on site, by at least two officers with certificates valid that
day (`rules.check_officers`). Each hazard's conclusion takes the hazard's 复查 step: 合格 closes it (销号),
不合格 leaves it for a new deadline; the 整改复查意见书 names the officers (`services.site_documents`)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import Officer, User
from emgov.core.services import VIA_WEB
from emgov.enforcement import rules
from emgov.enforcement.models import Hazard, HazardStatus, Reinspection, ReinspectionFinding, Visit
from emgov.enforcement.services.fieldwork import photos_add


@dataclass(frozen=True)
class FindingEntry:
    hazard: Hazard
    passed: bool
    note: str = ""
    photos: tuple[UploadedFile, ...] = ()


def reviewable_hazards(visit: Visit):
    """The visit's live hazards waiting for their review (申请复查)."""
    return visit.hazards.filter(voided_at__isnull=True, status=HazardStatus.REVIEW_REQUESTED).order_by(
        "number"
    )


def _next_number(visit: Visit) -> str:
    taken = Reinspection.objects.filter(number__startswith=f"{visit.number}-FC").count()
    return f"{visit.number}-FC{taken + 1}"


@transaction.atomic
def reinspection_record(
    *,
    actor: User | None,
    visit: Visit,
    date: datetime.date,
    officers: Iterable[Officer],
    findings: Sequence[FindingEntry],
    opinion: str = "",
    via: str = VIA_WEB,
) -> Reinspection:
    """A re-inspection of `visit` with a conclusion per hazard; each conclusion takes the hazard's 复查."""
    from emgov.enforcement.procedures import HAZARD

    officers = list(officers)
    rules.check_officers(date=date, officers=officers, what=_("整改复查"))
    if not findings:
        raise ValidationError({"findings": _("请至少对一项隐患作出复查结论")}, code="no_findings")
    for entry in findings:
        if entry.hazard.visit_id != visit.pk:
            raise ValidationError(
                {"findings": _("隐患%(n)s不是本次检查发现的隐患") % {"n": entry.hazard.number}},
                code="other_visit",
            )
    reinspection = Reinspection(
        number=_next_number(visit), visit=visit, date=date, opinion=(opinion or "").strip()
    )
    if actor is not None and not reinspection.in_scope_of(actor):
        raise ValidationError(_("不能复查您负责的区划以外的企业。"), code="out_of_scope")
    reinspection = services.record_create(reinspection, actor=actor, via=via, m2m={"officers": officers})
    for entry in findings:
        finding = services.record_create(
            ReinspectionFinding(
                reinspection=reinspection, hazard=entry.hazard, passed=entry.passed, note=entry.note.strip()
            ),
            actor=actor,
            via=via,
        )
        photos_add(finding, entry.photos, actor=actor, via=via)
        try:
            HAZARD.take("review", entry.hazard, actor=actor, via=via, reviewed_on=date, passed=entry.passed)
        except ValidationError as exc:
            raise ValidationError(
                {
                    "findings": _("隐患%(n)s：%(why)s")
                    % {"n": entry.hazard.number, "why": "；".join(exc.messages)}
                },
                code="review_refused",
            ) from exc
    return reinspection
