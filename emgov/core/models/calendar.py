from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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


class HolidayYear(ReferenceModel):
    """节假日年度: the administrator's statement that a year's holidays and adjusted working days are
    all entered, from the State Council's notice. Until a year the built-in data does not cover is
    marked complete, every deadline in it carries a warning (`core.workdays.coverage_warning`)."""

    year = models.PositiveSmallIntegerField(
        _("年度"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    complete = models.BooleanField(
        _("已完整录入"),
        default=False,
        help_text=_("该年全部放假和调休日期已按国务院办公厅通知录入“节假日调整”后勾选。"),
    )
    notice = models.CharField(
        _("国务院办公厅通知"),
        max_length=200,
        blank=True,
        help_text=_("例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）"),
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("节假日年度")
        verbose_name_plural = _("节假日年度")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年{'（已完整录入）' if self.complete else '（未完整录入）'}"

    def clean(self) -> None:
        if self.complete and not (self.notice or "").strip():
            raise ValidationError(
                {"notice": _("标记已完整录入时，请填写所依据的国务院办公厅放假通知。")},
                code="holiday_notice_required",
            )


class BusinessDate(models.Model):
    """业务日期: the day the system runs as of, when it is not the calendar's (the demo runs as of
    2023-12-04). One row at most; `core.clock.today()` reads it."""

    on = models.DateField(_("业务日期"))
    note = models.CharField(_("说明"), max_length=200, blank=True)
    set_at = models.DateTimeField(_("设置时间"), auto_now=True)

    class Meta:
        verbose_name = _("业务日期")
        verbose_name_plural = _("业务日期")

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d}"
