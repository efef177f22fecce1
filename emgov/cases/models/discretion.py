"""裁量基准 (discretion benchmarks): violation → legal basis → graded circumstances → fine range, versioned.

A new version is a copy; cases keep pointing at the grade (and so the version) they were decided with.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import ReferenceModel


class Circumstance(models.TextChoices):
    MINOR = "轻微", _("轻微")
    GENERAL = "一般", _("一般")
    SERIOUS = "较重", _("较重")
    SEVERE = "严重", _("严重")


class DiscretionVersion(ReferenceModel):
    code = models.CharField(_("版本号"), max_length=30, unique=True)
    title = models.CharField(_("名称"), max_length=200)
    effective_from = models.DateField(_("施行日期"))

    class Meta:
        verbose_name = _("裁量基准版本")
        verbose_name_plural = _("裁量基准版本")
        ordering = ["-effective_from", "-code"]

    def __str__(self) -> str:
        return f"{self.title}（{self.code}）"


class DiscretionItem(ReferenceModel):
    version = models.ForeignKey(
        DiscretionVersion, verbose_name=_("版本"), on_delete=models.PROTECT, related_name="items"
    )
    code = models.CharField(_("违法行为编码"), max_length=30)
    violation = models.CharField(_("违法行为"), max_length=300)
    legal_basis = models.CharField(_("违反条款"), max_length=300)
    penalty_basis = models.CharField(_("处罚依据"), max_length=300)
    daily_continuous = models.BooleanField(_("可按日连续处罚（安全生产法第一百一十二条）"), default=False)

    class Meta:
        verbose_name = _("裁量基准事项")
        verbose_name_plural = _("裁量基准事项")
        ordering = ["version", "code"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="discretion_item_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.violation}"


class DiscretionGrade(ReferenceModel):
    item = models.ForeignKey(
        DiscretionItem, verbose_name=_("裁量事项"), on_delete=models.PROTECT, related_name="grades"
    )
    circumstance = models.CharField(_("违法情节"), max_length=2, choices=Circumstance.choices)
    description = models.CharField(_("情节描述"), max_length=300)
    fine_min = models.DecimalField(_("罚款下限（元）"), max_digits=14, decimal_places=2)
    fine_max = models.DecimalField(_("罚款上限（元）"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("裁量档次")
        verbose_name_plural = _("裁量档次")
        ordering = ["item", "fine_min"]

    def __str__(self) -> str:
        return _("%(item)s（%(c)s：%(lo)s–%(hi)s元，版本%(v)s）") % {
            "item": self.item.code,
            "c": self.circumstance,
            "lo": f"{self.fine_min:,.0f}",
            "hi": f"{self.fine_max:,.0f}",
            "v": self.item.version.code,
        }

    def clean(self) -> None:
        if self.fine_min is not None and self.fine_max is not None and self.fine_min > self.fine_max:
            raise ValidationError({"fine_max": _("罚款上限不能低于下限")}, code="fine_range_invalid")

    def contains(self, amount) -> bool:
        return self.fine_min <= amount <= self.fine_max
