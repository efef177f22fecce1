"""The dashboard's and the report's enforcement counts, summed per place and month (`reports.tallies`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models.base import DomainQuerySet, ScopedMixin


class TallyAxis(models.TextChoices):
    MONTH = "month", _("月份")
    TOWN = "town", _("镇街")
    INDUSTRY = "industry", _("行业")
    STATE = "state", _("隐患等级与状态")
    OPERATION = "operation", _("联合执法行动")
    JOINT_TOWN = "joint_town", _("联合执法镇街")
    JOINT_INDUSTRY = "joint_ind", _("联合执法行业")
    JOINT_DEPARTMENT = "joint_dept", _("联合执法部门")


class MonthTally(ScopedMixin, models.Model):
    """One line of a place's month: the month itself, or one of its towns, industries, hazard grades and
    statuses, 联合执法 operations (by the month they start, with the hazards found on their visits) or the
    towns, industries and departments (keys) their visits reach (`key`), with the counts that line carries. Derived from the records, never edited: the
    changed places are recomputed (`tallies.refresh`) before they are read."""

    place = models.ForeignKey(
        "core.Region", verbose_name=_("所属区划"), null=True, on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    month = models.PositiveSmallIntegerField(_("月份"))
    axis = models.CharField(_("维度"), max_length=10, choices=TallyAxis.choices)
    key = models.CharField(_("分组"), max_length=80, blank=True)
    # A line of a district, a city or the province summing the lines of the places within it
    # (`tally_sums`); the other lines are a place's own.
    summed = models.BooleanField(_("汇总行"), default=False)
    visits = models.PositiveIntegerField(_("检查"), default=0)
    unrecorded = models.PositiveIntegerField(_("未留存音像记录的检查"), default=0)
    officers = models.PositiveIntegerField(_("出动执法人员"), default=0)
    # Enterprises whose first inspection of the year falls in the month (`tally_lines.first_of_year_q`).
    enterprises = models.PositiveIntegerField(_("首次检查企业"), default=0)
    hazards = models.PositiveIntegerField(_("发现隐患"), default=0)
    closed = models.PositiveIntegerField(_("隐患销号"), default=0)
    assistance = models.PositiveIntegerField(_("帮扶指导"), default=0)
    decisions = models.PositiveIntegerField(_("处罚决定"), default=0)
    fines = models.DecimalField(_("罚款金额（元）"), max_digits=16, decimal_places=2, default=0)
    published = models.PositiveIntegerField(_("处罚公示"), default=0)
    joint = models.PositiveIntegerField(_("联合执法检查"), default=0)
    # Enterprises whose first 责令停产停业 of the year on a 联合执法 visit is in the month of the operation's
    # start (`tally_lines.first_suspension_q`).
    suspended = models.PositiveIntegerField(_("联合执法责令停产停业企业"), default=0)
    # The latest date counted in the line: a read as of an earlier date cannot use the line.
    last_date = models.DateField(_("最后日期"), null=True)

    scope = ("place",)
    # Filtered by its key like the records it sums (`region_q`); not a PlaceField: nothing re-places it.
    place_field = "place"

    objects = DomainQuerySet.as_manager()

    class Meta:
        verbose_name = _("月度汇总")
        verbose_name_plural = _("月度汇总")
        indexes = [models.Index(fields=["year", "place"], name="tally_year_place")]

    def __str__(self) -> str:
        return f"{self.place_id or '-'} {self.year}-{self.month} {self.axis} {self.key}"


class TallyChange(models.Model):
    """A place whose records changed since its tallies were computed (0: records without a place).
    Written by database triggers on the counted tables, so that no write path can miss it."""

    place_key = models.BigIntegerField(primary_key=True)

    class Meta:
        verbose_name = _("待重算的区划")
        verbose_name_plural = _("待重算的区划")

    def __str__(self) -> str:
        return str(self.place_key)


class TallySumChange(models.Model):
    """A district, a city or the province whose summed lines are to be recomputed at its next read, a
    place within it having been recounted (`tally_sums`)."""

    region_key = models.BigIntegerField(primary_key=True)

    class Meta:
        verbose_name = _("待重算的汇总区划")
        verbose_name_plural = _("待重算的汇总区划")

    def __str__(self) -> str:
        return str(self.region_key)


class TallyEpoch(models.Model):
    """One row: a token drawn anew whenever the tallies are recomputed (`tallies.refresh`), so that what
    was counted from the same records (an as-of month's days, `tallies.as_of_month`) can be kept until then."""

    token = models.CharField(_("版本"), max_length=32)

    class Meta:
        verbose_name = _("汇总版本")
        verbose_name_plural = _("汇总版本")

    def __str__(self) -> str:
        return self.token
