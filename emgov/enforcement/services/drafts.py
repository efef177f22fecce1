"""Drafts of visits: what an officer has filled in on site so far, kept out of every count and ledger,
with the signatures already given on site (they become the visit's when the draft is submitted)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import attachments
from emgov.core.models import Officer, User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import SignerRole, VisitDraft, VisitDraftSignature
from emgov.enforcement.services.fieldwork import SignatureEntry


def _require_open(draft: VisitDraft, actor: User) -> None:
    if draft.owner_id != actor.pk:
        raise ValidationError(_("只能修改自己的草稿。"), code="not_owner")
    if draft.visit_id or draft.discarded_at:
        raise ValidationError(_("该草稿已提交或已放弃，不能再修改。"), code="draft_closed")


@transaction.atomic
def draft_save(
    *,
    actor: User,
    data: dict[str, Any],
    draft: VisitDraft | None = None,
    uploads: Sequence[UploadedFile] = (),
    signatures: Sequence[SignatureEntry] | None = None,
    via: str = VIA_WEB,
) -> VisitDraft:
    """Keep the form's data as it stands, with any files chosen and the signatures as they now are (None
    keeps those saved before); nothing is checked but the files and the signature images."""
    if draft is None:
        draft = VisitDraft.objects.create(owner=actor, data=data)
    else:
        draft = VisitDraft.objects.select_for_update().get(pk=draft.pk)
        _require_open(draft, actor)
        draft.data = data
        draft.save(update_fields=["data", "updated_at"])
    for upload in uploads:
        attachments.attachment_add(actor=actor, target=draft, upload=upload, via=via)
    if signatures is not None:
        draft_signatures_drop(draft)
        for n, entry in enumerate(signatures, start=1):
            entry.record(VisitDraftSignature, n, draft=draft).save()
    return draft


def draft_signature_entries(draft: VisitDraft, officers: Sequence[Officer]) -> list[SignatureEntry]:
    """The draft's signatures as they are given to the visit: an officer's only if they are among its
    officers."""
    chosen = {o.pk for o in officers}
    entries = []
    for signature in draft.signatures.select_related("officer"):
        if signature.role == SignerRole.OFFICER and signature.officer_id not in chosen:
            continue
        image = b""
        if signature.image:
            with signature.image.open("rb") as f:
                image = f.read()
        entries.append(
            SignatureEntry(signature.role, signature.name, image, signature.officer, signature.refused)
        )
    return entries


def draft_signatures_drop(draft: VisitDraft) -> None:
    """Remove the draft's signatures, their images once the transaction is committed."""
    stored = list(draft.signatures.all())
    VisitDraftSignature.objects.filter(pk__in=[s.pk for s in stored]).delete()
    for signature in stored:
        if signature.image:
            storage, name = signature.image.storage, signature.image.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


@transaction.atomic
def draft_discard(*, actor: User, draft: VisitDraft) -> VisitDraft:
    draft = VisitDraft.objects.select_for_update().get(pk=draft.pk)
    _require_open(draft, actor)
    draft.discarded_at = timezone.now()
    draft.save(update_fields=["discarded_at", "updated_at"])
    draft_signatures_drop(draft)
    return draft
