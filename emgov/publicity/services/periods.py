"""How long a penalty decision stays published (公示期), from the period rules of `publicity.rules`.

A decision involves 一般失信 or 严重失信 (`is_serious`); its shortest and longest periods run from the
decision day, each read in the version in force on that day (`core.rules`, national versions only). On
the day its longest period ends (公示截止期, the last day it is shown: 民法典第二百零二条, the period ends
on the corresponding day of the last month) it is still shown; from the next day it leaves the public
pages and the cf_ export by itself (`on_display`).

The rule versions of the four periods are read once (`PeriodRules.load`), so that a page or an export of
any length asks the database for them once.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from emgov.cases.models import PenaltyCase, PenaltyKind
from emgov.core import clock
from emgov.core.models import RuleVersion
from emgov.core.rules import Rule
from emgov.publicity.rules import (
    PENALTY_GENERAL_MAX_MONTHS,
    PENALTY_GENERAL_MIN_MONTHS,
    PENALTY_SERIOUS_MAX_MONTHS,
    PENALTY_SERIOUS_MIN_MONTHS,
    PENALTY_WORK_SAFETY_MIN_MONTHS,
)

# 严重失信: the system's reading, until the deciding department records its own 认定. A decision that
# imposes a heavy penalty (those of 行政处罚法第六十三条 that give the right to a hearing, and detention)
# or that was decided as a major case by collective discussion (行政处罚法第五十七条第二款).
SERIOUS_KINDS = frozenset(
    {
        PenaltyKind.DOWNGRADE,
        PenaltyKind.REVOKE_LICENCE,
        PenaltyKind.RESTRICT_BUSINESS,
        PenaltyKind.SUSPEND_BUSINESS,
        PenaltyKind.CLOSE,
        PenaltyKind.BAN_PRACTICE,
        PenaltyKind.DETENTION,
    }
)
GENERAL = _("涉及一般失信行为")
SERIOUS = _("涉及严重失信行为")


def is_serious(kinds: list[str] | None, major_case: bool) -> bool:
    return bool(major_case) or bool(SERIOUS_KINDS.intersection(kinds or []))


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The corresponding day `months` later; the month's last day where it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def earliest_decided(today: datetime.date, months: int) -> datetime.date:
    """The first decision day whose period of `months` still reaches `today`."""
    day = add_months(today, -months)
    while add_months(day, months) < today:
        day += datetime.timedelta(days=1)
    while add_months(day - datetime.timedelta(days=1), months) >= today:
        day -= datetime.timedelta(days=1)
    return day


@dataclass(frozen=True)
class DisplayPeriod:
    """The periods of one decision: shown until `until` (公示截止期); repairable after `min_until`."""

    serious: bool
    min_months: int
    max_months: int
    min_until: datetime.date
    until: datetime.date

    @property
    def severity(self) -> str:
        return str(SERIOUS if self.serious else GENERAL)

    def shown_on(self, day: datetime.date) -> bool:
        return day <= self.until


@dataclass
class PeriodRules:
    """The versions of the period rules (`publicity.rules`), read once: each key's (effective day, value)."""

    versions: dict[str, list[tuple[datetime.date, Decimal]]] = field(default_factory=dict)

    KEYS = tuple(
        rule.key
        for rule in (
            PENALTY_GENERAL_MIN_MONTHS,
            PENALTY_GENERAL_MAX_MONTHS,
            PENALTY_SERIOUS_MIN_MONTHS,
            PENALTY_SERIOUS_MAX_MONTHS,
            PENALTY_WORK_SAFETY_MIN_MONTHS,
        )
    )

    @classmethod
    def load(cls) -> PeriodRules:
        """The live national versions (one a day per key: `RuleVersion`'s constraint), as `core.rules`
        reads them for a record with no region."""
        found: dict[str, list[tuple[datetime.date, Decimal]]] = {key: [] for key in cls.KEYS}
        live = RuleVersion.objects.filter(key__in=cls.KEYS, region__isnull=True, voided_at__isnull=True)
        for key, day, value in live.order_by("effective_from").values_list("key", "effective_from", "value"):
            found[key].append((day, value))
        return cls(found)

    def months(self, rule: Rule, on: datetime.date) -> int:
        """The rule's number of months in force on `on`."""
        value = rule.default
        for day, version in self.versions.get(rule.key, []):
            if day <= on:
                value = version
        return int(value)

    def period(self, decided_on: datetime.date | None, kinds: list[str] | None, major_case: bool):
        """The decision's `DisplayPeriod`, or None before it is decided."""
        if decided_on is None:
            return None
        serious = is_serious(kinds, major_case)
        if serious:
            shortest = self.months(PENALTY_SERIOUS_MIN_MONTHS, decided_on)
            longest = self.months(PENALTY_SERIOUS_MAX_MONTHS, decided_on)
        else:
            shortest = self.months(PENALTY_GENERAL_MIN_MONTHS, decided_on)
            longest = self.months(PENALTY_GENERAL_MAX_MONTHS, decided_on)
        # 安全生产、消防: a longer shortest period, never past the longest.
        shortest = min(max(shortest, self.months(PENALTY_WORK_SAFETY_MIN_MONTHS, decided_on)), longest)
        return DisplayPeriod(
            serious, shortest, longest, add_months(decided_on, shortest), add_months(decided_on, longest)
        )

    def of(self, case: PenaltyCase) -> DisplayPeriod | None:
        return self.period(case.decided_on, list(case.penalty_kinds or []), case.major_case)

    def reaching(self, rule: Rule, today: datetime.date) -> Q:
        """Decision days whose period under `rule` (its version on that day) reaches `today`."""
        starts = [None, *(day for day, _value in self.versions.get(rule.key, []))]
        clauses = []
        for index, start in enumerate(starts):
            on = start or datetime.date.min
            lower = earliest_decided(today, self.months(rule, on))
            if start is not None:
                lower = max(lower, start)
            clause = Q(decided_on__gte=lower)
            if index + 1 < len(starts):
                clause &= Q(decided_on__lt=starts[index + 1])
            clauses.append(clause)
        return reduce(or_, clauses)


def on_display(
    queryset: QuerySet[PenaltyCase], today: datetime.date | None = None, periods: PeriodRules | None = None
) -> QuerySet[PenaltyCase]:
    """The decisions of `queryset` whose longest period has not ended on `today`.

    Where the general and the serious periods agree, SQL decides; the decisions between the two (shown
    for one severity only) are read once, light, and judged here.
    """
    today = today or clock.today()
    periods = periods or PeriodRules.load()
    general = periods.reaching(PENALTY_GENERAL_MAX_MONTHS, today)
    serious = periods.reaching(PENALTY_SERIOUS_MAX_MONTHS, today)
    band = queryset.filter((general & ~serious) | (serious & ~general)).order_by()
    shown = [
        pk
        for pk, decided_on, kinds, major in band.values_list(
            "pk", "decided_on", "penalty_kinds", "major_case"
        )
        if periods.period(decided_on, kinds, major).shown_on(today)
    ]
    return queryset.filter((general & serious) | Q(pk__in=shown))
