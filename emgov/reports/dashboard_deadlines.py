"""What is overdue and what falls due within the week, for the leaders' dashboard.

Each kind of deadline is one queryset over the records of a region: hazards past their 整改期限,
decisions (penalty and licensing) not published 7 working days after the decision (双公示), and
依申请公开 requests past their 答复期限. Counts are SQL aggregates; the drill-down lists reuse the
same querysets.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, HolidayOverride, Region, User
from emgov.core.workdays import WorkdayCalendar
from emgov.enforcement.models import Hazard, HazardStatus
from emgov.licensing.models import LicensingCase, LicensingCategory, LicensingResult
from emgov.publicity.models import DisclosureRequest
from emgov.publicity.queries import penalties_awaiting
from emgov.publicity.rules import PENALTY_PUBLICATION_DAYS

# 双公示: a decision is published within the working days of the rule (7 today).
PUBLICATION_WORKDAYS = int(PENALTY_PUBLICATION_DAYS.default)
# "This week": today and the six days after it.
WEEK = datetime.timedelta(days=6)


@dataclass(frozen=True)
class Window:
    """Today, the last day of the week ahead, and the decision dates whose publication falls in them."""

    today: datetime.date
    week_end: datetime.date
    late_decided_until: datetime.date  # decided on or before: publication overdue
    due_decided_until: datetime.date  # decided after late_decided_until and up to this: due this week

    @classmethod
    def of(cls, today: datetime.date, calendar: WorkdayCalendar | None = None) -> Window:
        calendar = calendar or calendar_around(today)
        week_end = today + WEEK
        return cls(
            today=today,
            week_end=week_end,
            late_decided_until=_last_decided_before(calendar, today),
            due_decided_until=_last_decided_before(calendar, week_end + datetime.timedelta(days=1)),
        )


def calendar_around(today: datetime.date) -> WorkdayCalendar:
    """A calendar with the holiday overrides of last year, this year and next read in one query, so that
    the page's query count does not depend on whether the window crosses a new year."""
    years = range(today.year - 1, today.year + 2)
    overrides: dict[int, dict[datetime.date, bool]] = {year: {} for year in years}
    for date, is_workday in HolidayOverride.objects.filter(date__year__in=years).values_list(
        "date", "is_workday"
    ):
        overrides[date.year][date] = is_workday
    return WorkdayCalendar(_overrides=overrides)


def _last_decided_before(calendar: WorkdayCalendar, day: datetime.date) -> datetime.date:
    """The last decision date whose publication deadline is before `day` (the deadline only grows)."""
    decided = day - datetime.timedelta(days=PUBLICATION_WORKDAYS)
    while calendar.add_workdays(decided, PUBLICATION_WORKDAYS) >= day:
        decided -= datetime.timedelta(days=1)
    return decided


@dataclass(frozen=True)
class DeadlineKind:
    key: str
    title: str
    records: Callable[[User, Region, Department | None], QuerySet]
    # Q over those records: overdue, and due within the week (given the window).
    overdue: Callable[[Window], Q]
    due: Callable[[Window], Q]
    # The date both conditions compare: counting it rather than the key lets PostgreSQL count the open
    # hazards from their partial index alone.
    date_field: str
    detail_url: str
    columns: tuple[tuple[str, str], ...]


def open_hazards(user: User, region: Region, bureau: Department | None) -> QuerySet:
    return (
        Hazard.objects.visible_to(user)
        .live()
        .in_region(region)
        .filter(deadline__isnull=False)
        .exclude(status=HazardStatus.CLOSED)
        .select_related("visit__enterprise__town")
        .order_by("deadline", "number")
    )


def unpublished_penalties(user: User, region: Region, bureau: Department | None) -> QuerySet:
    """The decisions the 双公示 list waits for (`publicity.queries.penalties_awaiting`: one definition
    for the dashboard, the legal officer's to-do list and the 待公示 list)."""
    qs = penalties_awaiting(user).in_region(region)
    if bureau is not None:
        qs = qs.filter(department=bureau)
    return qs.order_by("decided_on", "pk")


def unpublished_licences(user: User, region: Region, bureau: Department | None) -> QuerySet:
    return (
        LicensingCase.objects.visible_to(user)
        .live()
        .in_region(region)
        .filter(result=LicensingResult.GRANTED, published_on__isnull=True, publication_due_on__isnull=False)
        .exclude(category=LicensingCategory.FILING)
        .order_by("publication_due_on", "number")
    )


def open_requests(user: User, region: Region, bureau: Department | None) -> QuerySet:
    return (
        DisclosureRequest.objects.visible_to(user)
        .live()
        .in_region(region)
        .filter(replied_on__isnull=True, due_on__isnull=False)
        .order_by("due_on", "number")
    )


KINDS: dict[str, DeadlineKind] = {
    kind.key: kind
    for kind in (
        DeadlineKind(
            "hazards",
            _("隐患整改"),
            open_hazards,
            overdue=lambda w: Q(deadline__lt=w.today),
            due=lambda w: Q(deadline__range=(w.today, w.week_end)),
            date_field="deadline",
            detail_url="enforcement:hazards-detail",
            columns=(
                ("number", _("隐患编号")),
                ("visit__enterprise__name", _("企业")),
                ("visit__enterprise__town__name", _("镇街")),
                ("grade", _("隐患等级")),
                ("deadline", _("整改期限")),
                ("status", _("状态")),
            ),
        ),
        DeadlineKind(
            "penalties",
            _("行政处罚决定公示"),
            unpublished_penalties,
            overdue=lambda w: Q(decided_on__lte=w.late_decided_until),
            due=lambda w: Q(decided_on__gt=w.late_decided_until, decided_on__lte=w.due_decided_until),
            date_field="decided_on",
            detail_url="cases:penalties-detail",
            columns=(
                ("decision_number", _("决定书文号")),
                ("party_name", _("当事人名称")),
                ("decided_on", _("决定日期")),
                ("fine_amount", _("罚款金额（元）")),
            ),
        ),
        DeadlineKind(
            "licences",
            _("行政许可决定公示"),
            unpublished_licences,
            overdue=lambda w: Q(publication_due_on__lt=w.today),
            due=lambda w: Q(publication_due_on__range=(w.today, w.week_end)),
            date_field="publication_due_on",
            detail_url="licensing:licensing-detail",
            columns=(
                ("number", _("受理编号")),
                ("item_name", _("事项名称")),
                ("applicant", _("申请人")),
                ("publication_due_on", _("公示期限")),
            ),
        ),
        DeadlineKind(
            "requests",
            _("依申请公开答复"),
            open_requests,
            overdue=lambda w: Q(due_on__lt=w.today),
            due=lambda w: Q(due_on__range=(w.today, w.week_end)),
            date_field="due_on",
            detail_url="publicity:requests-detail",
            columns=(
                ("number", _("申请编号")),
                ("applicant_name", _("申请人")),
                ("received_on", _("收到日期")),
                ("due_on", _("答复期限")),
                ("status", _("状态")),
            ),
        ),
    )
}

WHEN = ("overdue", "due")


def deadline_counts(
    user: User, region: Region, bureau: Department | None, window: Window
) -> dict[str, dict[str, int]]:
    """For each kind, how many are overdue and how many fall due this week: one aggregate query per kind."""
    return {
        key: kind.records(user, region, bureau)
        .order_by()
        .aggregate(
            overdue=Count(kind.date_field, filter=kind.overdue(window)),
            due=Count(kind.date_field, filter=kind.due(window)),
        )
        for key, kind in KINDS.items()
    }


def deadline_records(
    user: User, key: str, when: str, region: Region, bureau: Department | None, window: Window
) -> QuerySet:
    kind = KINDS[key]
    condition = kind.overdue(window) if when == "overdue" else kind.due(window)
    return kind.records(user, region, bureau).filter(condition)
