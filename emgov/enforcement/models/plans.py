"""Inspection plans (检查计划), their targets, recusals (回避) and random draws (双随机)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel, Officer, Region
from emgov.core.models.fields import region_field
from emgov.enterprises.models import Enterprise, RiskLevel


class PlanPeriod(models.TextChoices):
    YEARLY = "年度", _("年度计划")
    MONTHLY = "月度", _("月度计划")


class InspectionPlan(DomainModel):
    """检查计划: how many enterprises of which towns, industries and risk levels to inspect in a year or month."""

    number = models.CharField(_("计划编号"), max_length=50, unique=True)
    name = models.CharField(_("计划名称"), max_length=200)
    period = models.CharField(_("计划类型"), max_length=2, choices=PlanPeriod.choices)
    year = models.PositiveIntegerField(_("年度"), db_index=True)
    month = models.PositiveSmallIntegerField(_("月份"), null=True, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("执行部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notes = models.TextField(_("说明"), blank=True)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("检查计划")
        verbose_name_plural = _("检查计划")
        ordering = ["-year", "-month", "number"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.year is not None and not 2000 <= self.year <= 2100:
            errors["year"] = _("年度应在2000至2100之间")
        if self.period == PlanPeriod.MONTHLY:
            if self.month is None:
                errors["month"] = _("月度计划必须填写月份")
            elif not 1 <= self.month <= 12:
                errors["month"] = _("月份应在1至12之间")
        elif self.period == PlanPeriod.YEARLY and self.month is not None:
            errors["month"] = _("年度计划不填写月份")
        if errors:
            raise ValidationError(errors, code="plan_period")


class PlanTarget(DomainModel):
    """计划指标: how many enterprises to inspect among those of a town, an industry and a risk level."""

    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("检查计划"), on_delete=models.PROTECT, related_name="targets"
    )
    town = models.ForeignKey(
        Region, verbose_name=_("镇街"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    industry = models.CharField(_("行业类别"), max_length=50, blank=True)
    risk_level = models.CharField(_("风险等级"), max_length=4, choices=RiskLevel.choices, blank=True)
    count = models.PositiveIntegerField(_("计划检查企业数"))

    scope = ("plan__region",)

    class Meta:
        verbose_name = _("计划指标")
        verbose_name_plural = _("计划指标")
        ordering = ["plan", "town__code", "industry", "risk_level", "pk"]

    def __str__(self) -> str:
        parts = [str(self.town) if self.town_id else "", self.industry, self.risk_level]
        label = " / ".join(p for p in parts if p) or str(_("全部企业"))
        return f"{label}：{self.count}"

    def clean(self) -> None:
        if self.count is not None and self.count < 1:
            raise ValidationError({"count": _("计划检查企业数至少为1")}, code="count_too_small")


class Recusal(DomainModel):
    """回避: an officer who must not inspect an enterprise (kinship, interest), with the reason."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("执法人员"), on_delete=models.PROTECT, related_name="recusals"
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="recusals"
    )
    reason = models.CharField(_("回避原因"), max_length=300)

    scope = ("enterprise__town",)

    class Meta:
        verbose_name = _("回避记录")
        verbose_name_plural = _("回避记录")
        ordering = ["officer__certificate_number", "enterprise__name"]

    def __str__(self) -> str:
        return f"{self.officer.name} — {self.enterprise.name}"


class Draw(DomainModel):
    """双随机抽查: enterprises and officer pairs drawn at random for a plan, with everything needed to redo it."""

    number = models.CharField(_("抽查编号"), max_length=50, unique=True)
    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("检查计划"), on_delete=models.PROTECT, related_name="draws"
    )
    drawn_on = models.DateField(_("抽取日期"))
    size = models.PositiveIntegerField(_("抽取企业数"))
    town = models.ForeignKey(
        Region, verbose_name=_("镇街"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    industry = models.CharField(_("行业类别"), max_length=50, blank=True)
    risk_level = models.CharField(_("风险等级"), max_length=4, choices=RiskLevel.choices, blank=True)
    seed = models.BigIntegerField(_("随机种子"), editable=False)
    candidate_ids = models.JSONField(_("候选企业"), default=list, editable=False)
    officer_ids = models.JSONField(_("候选执法人员"), default=list, editable=False)
    recusal_pairs = models.JSONField(_("回避关系"), default=list, editable=False)
    result = models.JSONField(_("抽取结果"), default=list, editable=False)
    published_on = models.DateField(_("公布日期"), null=True, blank=True, editable=False)

    scope = ("plan__region",)

    class Meta:
        verbose_name = _("双随机抽查")
        verbose_name_plural = _("双随机抽查")
        ordering = ["-drawn_on", "-number"]

    def __str__(self) -> str:
        return self.number
