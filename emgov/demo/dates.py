"""The demo's calendar: the reported year up to the as-of date, the rest of December, a slice of 2022."""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass
from functools import cached_property

from emgov.core.workdays import WorkdayCalendar
from emgov.demo.targets import AS_OF, YEAR

DAY = datetime.timedelta(days=1)
YEAR_START = datetime.date(YEAR, 1, 1)
YEAR_END = datetime.date(YEAR, 12, 31)

# Enforcement intensity per working day: the Spring Festival (春节) slows January and February,
# the Safety Production Month (安全生产月) fills June, the National Day week thins October.
INTENSITY = {
    1: 0.7,
    2: 0.8,
    3: 1.0,
    4: 1.0,
    5: 1.0,
    6: 1.35,
    7: 1.0,
    8: 0.95,
    9: 1.05,
    10: 0.9,
    11: 1.1,
    12: 1.0,
}


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def clamp(self, day: datetime.date) -> datetime.date:
        return min(max(day, self.start), self.end)


REPORTED = Period(YEAR_START, AS_OF)
AFTER_AS_OF = Period(AS_OF + DAY, YEAR_END)
LAST_YEAR = Period(datetime.date(YEAR - 1, 10, 1), datetime.date(YEAR - 1, 12, 31))


def month_period(month: int, *, year: int = YEAR) -> Period:
    first = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return Period(first, following - DAY)


class Calendar:
    """Working days (the State Council's holidays and adjusted days) and weighted draws of dates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._workdays = WorkdayCalendar()

    @cached_property
    def _all_workdays(self) -> list[datetime.date]:
        day, end, days = LAST_YEAR.start - 120 * DAY, YEAR_END + 200 * DAY, []
        while day <= end:
            if self._workdays.is_workday(day):
                days.append(day)
            day += DAY
        return days

    def workdays(self, period: Period) -> list[datetime.date]:
        days = self._all_workdays
        return days[bisect.bisect_left(days, period.start) : bisect.bisect_right(days, period.end)]

    def add_workdays(self, day: datetime.date, n: int) -> datetime.date:
        """The n-th working day after `day` (n ≥ 1), as the deadline rules count them."""
        days = self._all_workdays
        return days[bisect.bisect_right(days, day) + n - 1]

    def on_or_after(self, day: datetime.date) -> datetime.date:
        days = self._all_workdays
        return days[bisect.bisect_left(days, day)]

    def on_or_before(self, day: datetime.date) -> datetime.date:
        days = self._all_workdays
        return days[bisect.bisect_right(days, day) - 1]

    def draw(self, period: Period, n: int) -> list[datetime.date]:
        """n working days of the period, more in busy months; sorted."""
        days = self.workdays(period)
        if not days or n <= 0:
            return []
        cumulative = list(itertools.accumulate(INTENSITY[d.month] for d in days))
        return sorted(self.rng.choices(days, cum_weights=cumulative, k=n))

    def one(self, period: Period) -> datetime.date:
        return self.draw(period, 1)[0]
