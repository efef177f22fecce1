"""Visits being recorded: kept apart from the Visit table so that no figure, list or export counts them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.enforcement.models.fieldwork import SignatureFields
from emgov.enforcement.models.inspections import Visit


class VisitDraftQuerySet(models.QuerySet):
    def visible_to(self, user) -> VisitDraftQuerySet:
        """A draft is its author's own until it is submitted."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(owner=user)

    def open(self) -> VisitDraftQuerySet:
        return self.filter(visit__isnull=True, discarded_at__isnull=True)


class VisitDraft(models.Model):
    """检查记录草稿: what an officer has filled in so far on site, as the form's data."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("填写人"), on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(_("已填内容"), default=dict)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    visit = models.OneToOneField(
        Visit,
        verbose_name=_("提交后的检查记录"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="draft",
    )
    discarded_at = models.DateTimeField(_("放弃时间"), null=True, blank=True)
    attachments = GenericRelation("core.Attachment")

    objects = VisitDraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("检查记录草稿")
        verbose_name_plural = _("检查记录草稿")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        name = self.data.get("enterprise_name") or _("未选企业")
        return f"{name} · {self.updated_at:%Y-%m-%d %H:%M}" if self.updated_at else str(name)


def draft_signature_path(instance: VisitDraftSignature, filename: str) -> str:
    return f"signatures/drafts/{instance.draft_id}-{filename}"


class VisitDraftSignature(SignatureFields):
    """A signature given on site while the visit is a draft: it becomes the visit's when the draft is
    submitted, and goes with the draft when it is discarded."""

    draft = models.ForeignKey(
        VisitDraft, verbose_name=_("检查记录草稿"), on_delete=models.CASCADE, related_name="signatures"
    )
    image = models.FileField(_("签名"), upload_to=draft_signature_path, max_length=200, blank=True)

    class Meta:
        verbose_name = _("草稿中的现场签名")
        verbose_name_plural = _("草稿中的现场签名")
        ordering = ["draft", "pk"]
