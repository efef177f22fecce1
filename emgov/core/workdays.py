"""The working-day calendar (工作日): Chinese statutory holidays and adjusted working days.

A date is a working day when the bureau's override table says so; otherwise by the State Council's
holiday notices (the chinesecalendar data); for a year that data does not cover, Monday to Friday.
Such a year is "covered" only once the administrator marks it complete (`HolidayYear`), having
entered the year's holidays from the State Council's notice; until then every deadline in it warns.
When an override changes, `core.services` has every app recompute the due dates it stores
(`core.hooks.recompute_due_dates`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import chinese_calendar
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core.models import HolidayOverride, HolidayYear

SOURCE_STATUTORY = "国务院节假日安排"
SOURCE_OVERRIDE = "本系统节假日调整"
SOURCE_WEEKDAYS = "周一至周五（无节假日数据）"
# The dates a deadline is computed from or falls on: a date outside (a mistyped year such as 9999) is
# refused with a message rather than overflowing the calendar.
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2199, 12, 31)


def require_computable(day: datetime.date) -> datetime.date:
    """`day`, when deadlines can be computed from it; else a ValidationError naming the range."""
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("日期%(day)s超出系统可计算期限的范围（%(first)s至%(last)s），请核对年份。")
            % {"day": day.isoformat(), "first": EARLIEST.isoformat(), "last": LATEST.isoformat()},
            code="date_out_of_range",
        )
    return day


def builtin_covers(year: int) -> bool:
    """True when the built-in statutory holiday data (the State Council's notices) covers the year."""
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def year_is_covered(year: int) -> bool:
    """True when the year's holidays are known: built in, or marked complete by the administrator."""
    return builtin_covers(year) or HolidayYear.objects.filter(year=year, complete=True).exists()


def coverage_warning(year: int) -> str | None:
    """The warning every deadline in `year` carries until the year is covered, else None."""
    if year_is_covered(year):
        return None
    entered = HolidayOverride.objects.filter(date__year=year).count()
    if not entered:
        return _(
            "系统未收录%(year)s年的法定节假日安排，该年按周一至周五计算工作日，期限可能不准确。"
            "请系统管理员按国务院办公厅的放假通知在“节假日调整”中录入该年的放假和调休日期，"
            "并在“节假日年度”中标记该年已完整录入。"
        ) % {"year": year}
    return _(
        "%(year)s年的法定节假日安排尚未标记为已完整录入（已录入%(n)d天调整），未录入的日期按周一至周五"
        "计算工作日，期限可能不准确。请系统管理员核对国务院办公厅的放假通知，录入全部放假和调休日期后，"
        "在“节假日年度”中标记该年已完整录入。"
    ) % {"year": year, "n": entered}


def coverage_warnings(*days: datetime.date | None) -> list[str]:
    """The warnings of the years of `days` (a record's start and due dates), in year order."""
    years = sorted({day.year for day in days if day is not None})
    return [w for w in (coverage_warning(y) for y in years) if w]


@dataclass
class WorkdayCalendar:
    """Answers is-working-day questions, reading each year's overrides from the database once."""

    _overrides: dict[int, dict[datetime.date, bool]] = field(default_factory=dict)
    # Each day's answer and where it came from, once: deadlines of nearby days walk the same days.
    _days: dict[datetime.date, tuple[bool, str]] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)

    def _year_overrides(self, year: int) -> dict[datetime.date, bool]:
        if year not in self._overrides:
            self._overrides[year] = dict(
                HolidayOverride.objects.filter(date__year=year).values_list("date", "is_workday")
            )
        return self._overrides[year]

    def is_workday(self, day: datetime.date) -> bool:
        known = self._days.get(day)
        if known is None:
            known = self._days[day] = self._classify(day)
        result, source = known
        self.sources.add(source)
        return result

    def _classify(self, day: datetime.date) -> tuple[bool, str]:
        overrides = self._year_overrides(day.year)
        if day in overrides:
            return overrides[day], SOURCE_OVERRIDE
        try:
            return chinese_calendar.is_workday(day), SOURCE_STATUTORY
        except NotImplementedError:
            return day.weekday() < 5, SOURCE_WEEKDAYS

    def add_workdays(self, start: datetime.date, n: int) -> datetime.date:
        """The n-th working day after `start` (the start day itself is not counted); n ≥ 0.

        With n = 0, `start` itself when it is a working day, else the next working day.
        """
        if n < 0:
            raise ValueError("n must not be negative")
        day = require_computable(start)
        if n == 0:
            while not self.is_workday(day):
                day = require_computable(day + datetime.timedelta(days=1))
            return day
        counted = 0
        while counted < n:
            day = require_computable(day + datetime.timedelta(days=1))
            if self.is_workday(day):
                counted += 1
        return day

    def workdays_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end`."""
        count = 0
        day = require_computable(start)
        require_computable(end)
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_workday(day)
        return count


def is_workday(day: datetime.date) -> bool:
    return WorkdayCalendar().is_workday(day)


def add_workdays(start: datetime.date, n: int) -> datetime.date:
    return WorkdayCalendar().add_workdays(start, n)


def add_days(start: datetime.date, n: int) -> datetime.date:
    """Calendar days (自然日): the n-th day after `start`."""
    require_computable(start)
    try:
        end = start + datetime.timedelta(days=n)
    except OverflowError:
        end = datetime.date.max
    return require_computable(end)


def calendar_period_end(
    start: datetime.date, n: int, calendar: WorkdayCalendar | None = None
) -> datetime.date:
    """The last day of a period of `n` calendar days after `start` (the start day not counted): when it
    is a statutory holiday or a rest day, the next working day (民事诉讼法第八十五条, which 行政诉讼法
    第一百零一条 applies and 行政处罚法、行政强制法 follow for their periods in days)."""
    return (calendar or WorkdayCalendar()).add_workdays(add_days(start, n), 0)
