"""Attachments (附件) of any record: the checks an upload must pass, the write that stores it with a line
in the record's history, the upload form, and the download, served only to whoever may read the record.

The model is `core.models.Attachment`; a record that carries files declares
`attachments = GenericRelation("core.Attachment")`."""

from __future__ import annotations

import mimetypes
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import audit
from emgov.core.models import Attachment, AuditAction, User
from emgov.core.models.attachments import ATTACHMENT_EXTENSIONS
from emgov.core.services import VIA_WEB

# The first bytes of each accepted kind of file: an upload must be what its extension says.
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    # Recordings (执法记录仪 video, inquiry audio): MP4's "ftyp" box follows its 4-byte size.
    ".mp4": (b"ftyp",),
    ".mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
}
# Where a kind's signature starts, when not at the first byte.
SIGNATURE_OFFSETS = {".mp4": 4}


def check_upload(upload: UploadedFile) -> str:
    """Refuse an upload of a kind not accepted, over the size limit, or whose content is not what its
    extension says (`ValidationError` on `file`); return its name without any folder."""
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in ATTACHMENT_EXTENSIONS:
        _refuse(
            _("附件“%(name)s”的类型不允许上传，只接受%(kinds)s文件")
            % {"name": name, "kinds": "、".join(ATTACHMENT_EXTENSIONS)},
            "attachment_type",
        )
    limit = settings.EMGOV_UPLOAD_MAX_BYTES
    if upload.size > limit:
        _refuse(
            _("附件“%(name)s”大小为%(size)s，超过上限%(limit)s")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            "attachment_size",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head[SIGNATURE_OFFSETS.get(suffix, 0) :].startswith(SIGNATURES[suffix]):
        _refuse(
            _("附件“%(name)s”的内容与扩展名%(suffix)s不符") % {"name": name, "suffix": suffix},
            "attachment_content",
        )
    return name


def _refuse(message: str, code: str) -> None:
    """An error on the form's `file` field that keeps its code (a dict alone would drop it)."""
    raise ValidationError({"file": ValidationError(message, code=code)}, code=code)


@transaction.atomic
def attachment_add(
    *, actor: User | None, target: models.Model, upload: UploadedFile, via: str = VIA_WEB
) -> Attachment:
    """Attach a checked file (type, size, content) to a record; the record's history says so."""
    name = check_upload(upload)
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        original_name=name[:255],
        size=upload.size,
        mime_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        uploaded_by=actor if actor is not None and actor.pk else None,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit.record(
        target,
        action=AuditAction.CHANGE,
        actor=actor,
        via=via,
        changes={},
        reason=_("上传附件：%(name)s") % {"name": attachment.original_name},
    )
    return attachment


def download_url(attachment: Attachment) -> str:
    return reverse("core:attachment", kwargs={"pk": attachment.pk})


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("附件"),
        help_text=gettext_lazy("接受 %(kinds)s 文件") % {"kinds": "、".join(ATTACHMENT_EXTENSIONS)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ATTACHMENT_EXTENSIONS)}),
    )


@login_required
def attachment_view(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an attachment to whoever may see the record it belongs to; anyone else gets 404."""
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    model = ContentType.objects.get_for_id(attachment.content_type_id).model_class()
    if model is None or not model.objects.visible_to(request.user).filter(pk=attachment.object_id).exists():
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )
