"""法律顾问: the counsel's opinions and contract reviews."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel
from emgov.core.models.fields import region_field


class CounselKind(models.TextChoices):
    OPINION = "法律意见", _("法律意见")
    CONTRACT = "合同审查", _("合同审查")


class CounselMatter(models.TextChoices):
    DECISION = "重大决策", _("重大决策")
    CASE = "重要案件", _("重要案件")
    NORMATIVE = "规范性文件合法性审查", _("规范性文件合法性审查")
    CONTRACT = "合同审查", _("合同审查")
    DISPUTE = "信访/复议诉讼", _("信访/复议诉讼")
    OTHER = "其他", _("其他")


class CounselRecord(DomainModel):
    """法律顾问: a legal opinion or a contract review by the bureau's counsel."""

    number = models.CharField(_("编号"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=4, choices=CounselKind.choices)
    date = models.DateField(_("日期"), db_index=True)
    subject = models.CharField(_("事项"), max_length=300)
    matter = models.CharField(_("事项类别"), max_length=12, choices=CounselMatter.choices, blank=True)
    requesting_department = models.ForeignKey(
        Department,
        verbose_name=_("提出部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requester = models.CharField(_("提出人"), max_length=50, blank=True)
    requested_on = models.DateField(_("提出日期"), null=True, blank=True)
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    adviser = models.CharField(_("承办法律顾问"), max_length=100, blank=True)
    opinion = models.TextField(_("意见内容"), blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    region = region_field()
    attachments = GenericRelation("core.Attachment")

    scope = ("region",)

    class Meta:
        verbose_name = _("法律顾问")
        verbose_name_plural = _("法律顾问")
        ordering = ["-date", "-number"]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    def clean(self) -> None:
        errors = {}
        if self.due_on and self.requested_on and self.due_on < self.requested_on:
            errors["due_on"] = _("答复期限不能早于提出日期")
        if self.answered_on and self.requested_on and self.answered_on < self.requested_on:
            errors["answered_on"] = _("答复日期不能早于提出日期")
        if self.answered_on and not self.opinion.strip():
            errors["opinion"] = _("填写答复日期时必须填写意见内容")
        if errors:
            raise ValidationError(errors, code="counsel_invalid")

    def is_open(self) -> bool:
        return self.answered_on is None

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open() and self.due_on is not None and self.due_on < today
