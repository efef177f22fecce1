"""规范性文件: normative documents, their validity and their evaluation and clean-up (清理)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field

# How long before 有效期至 a normative document is evaluated, and how early the reminder shows.
EVALUATION_LEAD_DAYS = 180
EVALUATION_REMINDER_DAYS = 30


class NormativeStatus(models.TextChoices):
    VALID = "有效", _("有效")
    EXPIRED = "失效", _("失效")
    REPEALED = "废止", _("废止")


class CleanupResult(models.TextChoices):
    RETAIN = "延期保留", _("延期保留")
    AMEND = "修改", _("修改")
    REPEAL = "废止", _("废止")


class NormativeDocument(DomainModel):
    """规范性文件: a normative document with its validity and clean-up (清理) result."""

    number = models.CharField(_("文号"), max_length=80, unique=True)
    title = models.CharField(_("名称"), max_length=300)
    effective_on = models.DateField(_("施行日期"))
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=2, choices=NormativeStatus.choices)
    cleanup_result = models.CharField(_("清理结果"), max_length=4, choices=CleanupResult.choices, blank=True)
    cleanup_on = models.DateField(_("清理日期"), null=True, blank=True)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("规范性文件")
        verbose_name_plural = _("规范性文件")
        ordering = ["-effective_on"]

    def __str__(self) -> str:
        return f"《{self.title}》"

    @property
    def evaluation_due(self) -> datetime.date | None:
        """评估期限: about six months before 有效期至."""
        if self.valid_until is None:
            return None
        return self.valid_until - datetime.timedelta(days=EVALUATION_LEAD_DAYS)

    @property
    def evaluation_reminder_from(self) -> datetime.date | None:
        due = self.evaluation_due
        return due - datetime.timedelta(days=EVALUATION_REMINDER_DAYS) if due else None

    def evaluation_pending(self, today: datetime.date) -> bool:
        """In force, inside the reminder window, and not yet cleaned up (清理) for this validity period."""
        start = self.evaluation_reminder_from
        if self.status != NormativeStatus.VALID or start is None or today < start:
            return False
        return not (self.cleanup_on and self.cleanup_on >= start)

    def clean(self) -> None:
        errors = {}
        if self.title and (self.title.startswith("《") or self.title.endswith("》")):
            errors["title"] = _("名称不带书名号《》")
        if self.valid_until and self.effective_on and self.valid_until < self.effective_on:
            errors["valid_until"] = _("有效期至不能早于施行日期")
        if self.cleanup_result and not self.cleanup_on:
            errors["cleanup_on"] = _("填写清理结果时必须填写清理日期")
        if errors:
            raise ValidationError(errors, code="normative_document_invalid")
