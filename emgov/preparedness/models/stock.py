"""Team members and the stock movements of emergency materials (入库、出库、盘点) with a running balance."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel


class TeamMember(DomainModel):
    team = models.ForeignKey(
        "preparedness.RescueTeam",
        verbose_name=_("应急救援队伍"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    name = models.CharField(_("姓名"), max_length=50)
    position = models.CharField(_("职务"), max_length=50, blank=True)
    skills = models.CharField(_("专业技能"), max_length=200, blank=True)
    certificate = models.CharField(_("持证情况"), max_length=200, blank=True)
    certificate_valid_until = models.DateField(_("证书有效期至"), null=True, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)

    scope = ("team__town",)

    class Meta:
        verbose_name = _("队员")
        verbose_name_plural = _("队员")
        ordering = ["team", "pk"]

    def __str__(self) -> str:
        return self.name


class MovementKind(models.TextChoices):
    IN = "入库", _("入库")
    OUT = "出库", _("出库")
    COUNT = "盘点", _("盘点")


class StockMovement(DomainModel):
    material = models.ForeignKey(
        "preparedness.Material",
        verbose_name=_("应急物资"),
        on_delete=models.PROTECT,
        related_name="movements",
    )
    kind = models.CharField(_("类型"), max_length=4, choices=MovementKind.choices)
    date = models.DateField(_("日期"), db_index=True)
    quantity = models.DecimalField(_("数量"), max_digits=14, decimal_places=2)
    difference = models.DecimalField(_("盘点差异"), max_digits=14, decimal_places=2, null=True, blank=True)
    balance = models.DecimalField(_("结存"), max_digits=14, decimal_places=2)
    reference = models.CharField(_("单据或用途"), max_length=200, blank=True)

    scope = ("material__town",)

    class Meta:
        verbose_name = _("出入库记录")
        verbose_name_plural = _("出入库记录")
        ordering = ["material", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.date} {self.kind} {self.quantity}"

    def clean(self) -> None:
        if self.quantity is not None and self.quantity < 0:
            raise ValidationError({"quantity": _("数量不能为负数")}, code="movement_negative")
        if self.kind != MovementKind.COUNT and not self.quantity:
            raise ValidationError({"quantity": _("入库、出库数量须大于0")}, code="movement_zero")
