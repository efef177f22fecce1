from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models.base import ReferenceModel


class HolidayOverride(ReferenceModel):
    """节假日调整: a date whose working-day status overrides the built-in holiday data."""

    date = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(_("是否工作日"))
    note = models.CharField(_("说明"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("节假日调整")
        verbose_name_plural = _("节假日调整")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {'工作日' if self.is_workday else '休息日'}"
