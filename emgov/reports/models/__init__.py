from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import ReferenceModel, Region
from emgov.reports.models.tallies import MonthTally, TallyAxis, TallyChange, TallyEpoch, TallySumChange
from emgov.reports.narrative import placeholder_errors


class ReportNarrative(ReferenceModel):
    """年度报告文稿: the words of one year's report for one region, with the figures as placeholders."""

    year = models.PositiveIntegerField(_("年度"))
    region = models.ForeignKey(Region, verbose_name=_("区划"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"))

    scope = ("region",)
    scope_falls_back_to_bureau = False

    class Meta:
        verbose_name = _("年度报告文稿")
        verbose_name_plural = _("年度报告文稿")
        ordering = ["region__path", "-year"]
        constraints = [models.UniqueConstraint(fields=["year", "region"], name="narrative_year_region")]

    def __str__(self) -> str:
        return f"{self.region}{self.year}年"

    def clean(self) -> None:
        errors = {}
        for name in ("title", "body"):
            problems = placeholder_errors(getattr(self, name) or "")
            if problems:
                errors[name] = problems
        if self.year and not 2000 <= self.year <= 2100:
            errors["year"] = _("年度应在2000至2100之间")
        if errors:
            raise ValidationError(errors, code="report_invalid")


__all__ = ["MonthTally", "ReportNarrative", "TallyAxis", "TallyChange", "TallyEpoch", "TallySumChange"]
