"""Drafts of visits: what an officer has filled in on site so far, kept out of every count and ledger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import attachments
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import VisitDraft


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
    via: str = VIA_WEB,
) -> VisitDraft:
    """Keep the form's data as it stands, with any files chosen; nothing is checked but the files."""
    if draft is None:
        draft = VisitDraft.objects.create(owner=actor, data=data)
    else:
        draft = VisitDraft.objects.select_for_update().get(pk=draft.pk)
        _require_open(draft, actor)
        draft.data = data
        draft.save(update_fields=["data", "updated_at"])
    for upload in uploads:
        attachments.attachment_add(actor=actor, target=draft, upload=upload, via=via)
    return draft


@transaction.atomic
def draft_discard(*, actor: User, draft: VisitDraft) -> VisitDraft:
    draft = VisitDraft.objects.select_for_update().get(pk=draft.pk)
    _require_open(draft, actor)
    draft.discarded_at = timezone.now()
    draft.save(update_fields=["discarded_at", "updated_at"])
    return draft
