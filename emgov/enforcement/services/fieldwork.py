"""What a visit carries beyond its checklist: the 一般隐患 written on site with their photos, the signatures
on its 现场检查记录, and its voiding, which voids what hangs on it with the same reason.

Signatures come from the phone as images (a `data:image/png;base64,…` address drawn on a canvas); a party
who refuses to sign is recorded with the witness who saw it (安全生产法第六十八条: the refusal is put on
record)."""

from __future__ import annotations

import base64
import binascii
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import attachments, services
from emgov.core.models import Officer, User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import HazardGrade, OrderType, SignerRole, Visit, VisitSignature
from emgov.enforcement.models.fieldwork import SignatureFields
from emgov.enforcement.services.hazards import hazard_register

S = TypeVar("S", bound=SignatureFields)

# The record of a refusal to sign (安全生产法第六十八条).
REFUSAL_ARTICLE = "安全生产法第六十八条"
SIGNATURE_MAX_BYTES = 300 * 1024
DATA_URL = re.compile(r"^data:image/png;base64,(?P<data>[A-Za-z0-9+/=\s]+)$")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class GeneralHazard:
    """一般隐患 written on site: what, where, the rule it breaks, the suggested deadline, its photos."""

    description: str
    location: str = ""
    basis: str = ""
    deadline: datetime.date | None = None
    photos: tuple[UploadedFile, ...] = ()


@dataclass(frozen=True)
class SignatureEntry:
    role: str
    name: str
    image: bytes = b""
    officer: Officer | None = None
    refused: bool = False

    def record(self, model: type[S], n: int, **owner: Any) -> S:
        """The signature as an unsaved record of `model` (a visit's or a draft's), its image filed as the
        n-th signature."""
        signature = model(
            role=self.role, name=self.name.strip()[:50], officer=self.officer, refused=self.refused, **owner
        )
        if self.image:
            signature.image.save(f"signature-{n}.png", ContentFile(self.image), save=False)
        return signature


def signature_image(value: str, *, field: str, who: str) -> bytes:
    """The PNG drawn on the screen, from its `data:` address; "" gives b""."""
    value = (value or "").strip()
    if not value:
        return b""
    match = DATA_URL.match(value)
    try:
        data = base64.b64decode(match.group("data"), validate=False) if match else b""
    except (binascii.Error, ValueError):
        data = b""
    if not data.startswith(PNG_MAGIC) or len(data) > SIGNATURE_MAX_BYTES:
        raise ValidationError(
            {field: _("%(who)s的签名图像无效，请重新签名") % {"who": who}}, code="signature_invalid"
        )
    return data


def photos_add(target, photos: Sequence[UploadedFile], *, actor: User | None, via: str) -> None:
    for photo in photos:
        attachments.attachment_add(actor=actor, target=target, upload=photo, via=via)


def general_hazards_register(
    visit: Visit, hazards: Sequence[GeneralHazard], *, actor: User | None, via: str
) -> None:
    for entry in hazards:
        hazard = hazard_register(
            actor=actor,
            visit=visit,
            description=entry.description,
            grade=HazardGrade.GENERAL,
            basis=entry.basis,
            deadline=entry.deadline,
            location=entry.location,
            via=via,
        )
        photos_add(hazard, entry.photos, actor=actor, via=via)


def signatures_add(
    visit: Visit, entries: Sequence[SignatureEntry], *, actor: User | None, via: str
) -> list[VisitSignature]:
    """The signatures on the visit's 现场检查记录: each officer's drawn; the party's drawn, or its refusal
    with a witness who signs."""
    party = [e for e in entries if e.role == SignerRole.PARTY]
    if any(e.refused for e in party) and not any(e.role == SignerRole.WITNESS and e.image for e in entries):
        raise ValidationError(
            {
                "witness_name": _("被检查单位拒绝签名的，须由见证人签名证明，并将情况记录在案（%(article)s）")
                % {"article": REFUSAL_ARTICLE}
            },
            code="refusal_without_witness",
        )
    stored = []
    for n, entry in enumerate(entries, start=1):
        stored.append(
            services.record_create(entry.record(VisitSignature, n, visit=visit), actor=actor, via=via)
        )
    return stored


# Voiding a visit ------------------------------------------------------------------------------------


def _refusal(visit: Visit) -> str:
    """Why the visit may not be voided now, or ""."""
    cases = [c for c in visit.penalties.all() if c.voided_at is None]
    cases += [c for h in visit.hazards.all() for c in h.penalties.all() if c.voided_at is None]
    if cases:
        return _("已据此立案（%(cases)s），请先处理案件，再作废检查记录。") % {
            "cases": "、".join(sorted({str(c) for c in cases}))
        }
    for order in visit.orders.filter(voided_at__isnull=True):
        if order.doc_type == OrderType.SEIZE and not order.disposal:
            return _("查封扣押决定%(n)s尚在执行，须先作出处理决定（行政强制法第二十七条）。") % {
                "n": order.number
            }
        if order.doc_type == OrderType.SUSPEND and not order.resumed_on:
            return _("停产停业整顿%(n)s尚在执行，须先恢复生产经营或者另行处理。") % {"n": order.number}
    return ""


@transaction.atomic
def visit_void(visit: Visit, *, actor: User | None, reason: str, via: str = VIA_WEB) -> Visit:
    """Void a visit and, with the same reason, what hangs on it: its orders, hazards (with their
    re-inspection conclusions), checklist answers, signatures and re-inspections. Refused while a case is
    open on it or a seizure or suspension it ordered is in force."""
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    refusal = _refusal(current)
    if refusal:
        raise ValidationError(refusal, code="visit_in_use")
    live = {"voided_at__isnull": True}
    for reinspection in current.reinspections.filter(**live):
        for finding in reinspection.findings.filter(**live):
            services.record_void(finding, actor=actor, reason=reason, via=via)
        services.record_void(reinspection, actor=actor, reason=reason, via=via)
    for related in (current.orders, current.hazards, current.checklist_answers, current.signatures):
        for record in related.filter(**live):
            services.record_void(record, actor=actor, reason=reason, via=via)
    return services.record_void(current, actor=actor, reason=reason, via=via)
