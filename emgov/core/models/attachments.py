"""附件: a file or photo attached to any record, readable by whoever may read that record."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".jpg", ".jpeg", ".png", ".mp4", ".mp3")


def attachment_path(instance: Attachment, filename: str) -> str:
    """attachments/<yyyy>/<mm>/<random name><extension>: the original name is kept in the record only."""
    now = timezone.localtime()
    return f"attachments/{now:%Y}/{now:%m}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Attachment(models.Model):
    """附件: a file attached to a record (a counsel opinion, a visit's photos …) through a generic key.

    Written only by `core.attachments.attachment_add`, which checks the upload. The table keeps the name
    it had when attachments belonged to the legal app."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("文件名"), max_length=255)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    mime_type = models.CharField(_("文件类型"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        db_table = "legal_attachment"
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="legal_attachment_target")]

    def __str__(self) -> str:
        return self.original_name
