from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel
from emgov.core.models.base import bureau_region_within
from emgov.core.models.fields import region_field
from emgov.core.models.places import InSubquery


class OperationKind(models.TextChoices):
    JOINT = "联合执法", _("联合执法")
    SUPERVISION = "督导检查", _("督导检查")
    CAMPAIGN = "专项整治", _("专项整治")
    REVISIT = "回头看", _("回头看")


class LeaderLevel(models.TextChoices):
    DISTRICT = "区领导", _("区领导")
    BUREAU = "局领导", _("局领导")
    SECTION = "科室负责人", _("科室负责人")


class Operation(DomainModel):
    """执法行动: a joint action, supervision trip, campaign or re-inspection round grouping visits."""

    number = models.CharField(_("行动编号"), max_length=50, unique=True)
    kind = models.CharField(_("行动类型"), max_length=4, choices=OperationKind.choices)
    name = models.CharField(_("行动名称"), max_length=200, blank=True)
    start_date = models.DateField(_("开始日期"), db_index=True)
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    lead_department = models.ForeignKey(
        Department,
        verbose_name=_("牵头部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    departments = models.ManyToManyField(Department, verbose_name=_("参与部门"), blank=True, related_name="+")
    leader_name = models.CharField(_("带队领导"), max_length=50, blank=True)
    leader_level = models.CharField(_("带队领导级别"), max_length=5, choices=LeaderLevel.choices, blank=True)
    unannounced = models.BooleanField(_("是否四不两直"), default=False)
    region = region_field()
    planned_enterprises = models.ManyToManyField(
        "enterprises.Enterprise",
        verbose_name=_("计划检查企业"),
        blank=True,
        related_name="planned_operations",
    )

    scope = ("region",)

    class Meta:
        verbose_name = _("执法行动")
        verbose_name_plural = _("执法行动")
        ordering = ["-start_date", "number"]

    def __str__(self) -> str:
        return self.name or self.number

    @classmethod
    def region_q(cls, path: str) -> Q:
        """In the region when one of its visits is; without visits, by its 区划代码, then the bureau's region."""
        from emgov.core.models import Region
        from emgov.enforcement.models.inspections import Visit

        live = Visit.objects.filter(voided_at__isnull=True)
        # The region's visits name the operations (driven from the region's enterprises, not from every
        # operation); the region's keys, not a join, place an operation without visits.
        in_region = live.filter(Visit.region_q(path), operation__isnull=False)
        without_visits = ~Q(Exists(live.filter(operation=OuterRef("pk"))))
        regions = Region.objects.filter(path__startswith=path).values("pk")
        # InSubquery: each branch an index lookup (the keys the subqueries give), none a filter on
        # every operation of the database.
        return (
            Q(InSubquery(F("pk"), in_region.values("operation").query))
            | (without_visits & Q(InSubquery(F("region_id"), regions.query)))
            | (without_visits & Q(region__isnull=True) & bureau_region_within(path))
        )

    def scope_path(self) -> str | None:
        return self.region.path if self.region_id else None

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("结束日期不能早于开始日期")}, code="end_before_start")
