"""Reads of the hazard loop: which hazards are overdue, which major hazards are under supervision.

A hazard is overdue from the day after its deadline (整改期限). When the deadline falls on a rest day
(a weekend or a statutory holiday), the last day is the next working day (民法典第二百零三条), so the
hazard is overdue only from the day after that working day.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from emgov.core.workdays import WorkdayCalendar
from emgov.enforcement.models import Hazard, HazardGrade, HazardStatus

S = HazardStatus
# States in which the rectification is still owed by the enterprise (a review request stops the clock).
OWED_STATES = (S.REGISTERED, S.ORDERED, S.RECTIFYING, S.FAILED)


def overdue_cutoff(
    today: datetime.date | None = None, calendar: WorkdayCalendar | None = None
) -> datetime.date:
    """The latest deadline that is overdue on `today`: the last working day before today."""
    today = today or timezone.localdate()
    calendar = calendar or WorkdayCalendar()
    day = today - datetime.timedelta(days=1)
    for _ in range(60):
        if calendar.is_workday(day):
            return day
        day -= datetime.timedelta(days=1)
    return day


def last_day(deadline: datetime.date, calendar: WorkdayCalendar | None = None) -> datetime.date:
    """The last day to rectify: the deadline, or the next working day when it falls on a rest day."""
    return (calendar or WorkdayCalendar()).add_workdays(deadline, 0)


def overdue_q(today: datetime.date | None = None) -> Q:
    return Q(status__in=OWED_STATES, deadline__lte=overdue_cutoff(today), voided_at__isnull=True)


def overdue(qs: QuerySet[Hazard], today: datetime.date | None = None) -> QuerySet[Hazard]:
    return qs.filter(overdue_q(today))


def is_overdue(hazard: Hazard, today: datetime.date | None = None) -> bool:
    return bool(
        hazard.voided_at is None
        and hazard.status in OWED_STATES
        and hazard.deadline
        and hazard.deadline <= overdue_cutoff(today)
    )


def supervised(qs: QuerySet[Hazard]) -> QuerySet[Hazard]:
    """Major hazards on the supervised list (挂牌督办) that are not closed yet."""
    return qs.filter(grade=HazardGrade.MAJOR, supervised_on__isnull=False, voided_at__isnull=True).exclude(
        status=S.CLOSED
    )


def due_within(qs: QuerySet[Hazard], days: int, today: datetime.date | None = None) -> QuerySet[Hazard]:
    """Hazards still owed whose deadline falls from today to `days` days ahead."""
    today = today or timezone.localdate()
    return qs.filter(
        status__in=OWED_STATES,
        voided_at__isnull=True,
        deadline__gte=today,
        deadline__lte=today + datetime.timedelta(days=days),
    )
