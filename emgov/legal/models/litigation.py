"""行政诉讼与复议: lawsuits and reconsiderations against the bureau."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field


class LitigationKind(models.TextChoices):
    LAWSUIT = "行政诉讼", _("行政诉讼")
    RECONSIDERATION = "行政复议", _("行政复议")


class LitigationCase(DomainModel):
    """行政诉讼与复议: a lawsuit or administrative reconsideration against the bureau."""

    number = models.CharField(_("案号"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=4, choices=LitigationKind.choices)
    received_on = models.DateField(_("收案日期"), db_index=True)
    cause = models.CharField(_("案由"), max_length=300)
    counterparty = models.CharField(_("相对人"), max_length=200, blank=True)
    body = models.CharField(_("审理机关"), max_length=100, blank=True, help_text=_("人民法院或行政复议机关"))
    served_on = models.DateField(
        _("送达日期"), null=True, blank=True, help_text=_("起诉状或行政复议申请书副本送达本局的日期")
    )
    defence_due_on = models.DateField(_("答辩期限"), null=True, blank=True, editable=False, db_index=True)
    defence_filed_on = models.DateField(_("答辩提交日期"), null=True, blank=True)
    hearing_dates = models.JSONField(_("开庭日期"), default=list, blank=True)
    head_required = models.BooleanField(_("负责人应出庭"), default=False)
    head_appeared = models.BooleanField(_("负责人实际出庭"), default=False)
    staff_appeared = models.BooleanField(_("其他工作人员出庭"), default=False)
    appeared_name = models.CharField(_("出庭人员姓名"), max_length=50, blank=True)
    appeared_position = models.CharField(_("出庭人员职务"), max_length=100, blank=True)
    result = models.CharField(_("审理结果"), max_length=300, blank=True)
    result_on = models.DateField(_("结果日期"), null=True, blank=True)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("行政诉讼与复议")
        verbose_name_plural = _("行政诉讼与复议")
        ordering = ["-received_on", "-number"]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        if self.head_appeared and not self.head_required:
            raise ValidationError(
                {"head_appeared": _("只有负责人应出庭的案件才能填写负责人实际出庭")},
                code="appeared_not_required",
            )
        errors = {}
        if self.served_on and self.received_on and self.served_on < self.received_on:
            errors["served_on"] = _("送达日期不能早于收案日期")
        if self.defence_filed_on and self.served_on and self.defence_filed_on < self.served_on:
            errors["defence_filed_on"] = _("答辩提交日期不能早于送达日期")
        if self.result_on and self.received_on and self.result_on < self.received_on:
            errors["result_on"] = _("结果日期不能早于收案日期")
        if self.result_on and not self.result:
            errors["result"] = _("填写结果日期时必须填写审理结果")
        if errors:
            raise ValidationError(errors, code="litigation_invalid")

    @property
    def hearing_days(self) -> list[datetime.date]:
        return sorted(datetime.date.fromisoformat(d) for d in self.hearing_dates or [])
