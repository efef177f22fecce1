"""The month lines of the tallies counted from the records, with the figures' own conditions: the bureau's
inspections (their officers, the enterprises first inspected, the live hazards found on them), the hazards
closed, the assistance visits, the bureau's penalty decisions and publications, and the visits of
联合执法 operations by operation and town. The same counting
serves the tallies of changed places (every date) and a region's days that the tallies cannot answer.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import ExtractMonth, ExtractYear, TruncYear

from emgov.cases.models import PenaltyCase
from emgov.core.models import Department
from emgov.enforcement.models import Hazard, HazardStatus, Order, OrderType, Visit
from emgov.reports import figures
from emgov.reports.models import TallyAxis

COUNTS = (
    "visits",
    "unrecorded",
    "officers",
    "enterprises",
    "hazards",
    "closed",
    "assistance",
    "decisions",
    "published",
    "joint",
    "suspended",
)
MEASURES = (*COUNTS, "fines")
Line = tuple[int | None, int, int, str, str]  # place, year, month, axis, key


def closed_hazard_q(bureau: Department | None) -> Q:
    """A hazard closed (销号) on a live inspection of the bureau, counted in the month of its review."""
    return Q(
        visit__voided_at__isnull=True,
        visit__department=bureau,
        visit__nature=figures.VisitNature.ENFORCEMENT,
        status=HazardStatus.CLOSED,
        reviewed_on__isnull=False,
    )


def first_of_year_q(bureau: Department | None) -> Q:
    """A bureau inspection that is its enterprise's first of the year (the earliest, then the lowest key):
    counting these up to a day counts the enterprises inspected up to that day, in whichever months."""
    year_start = TruncYear(ExpressionWrapper(OuterRef("date"), output_field=DateField()))
    earlier = Visit.objects.live().filter(
        figures.bureau_inspection_q(bureau),
        Q(date__lt=OuterRef("date")) | Q(date=OuterRef("date"), pk__lt=OuterRef("pk")),
        enterprise=OuterRef("enterprise"),
        date__gte=year_start,
    )
    return Q(enterprise__isnull=False) & ~Exists(earlier)


def first_suspension_q() -> Q:
    """A 责令停产停业 order that is its enterprise's first of the year on a live 联合执法 visit (by the
    operation's start date, then the lowest key): counted up to a day, the enterprises ordered up to it."""
    start = "visit__operation__start_date"
    year_start = TruncYear(ExpressionWrapper(OuterRef(start), output_field=DateField()))
    earlier = Order.objects.live().filter(
        Q(**{f"{start}__lt": OuterRef(start)}) | Q(**{start: OuterRef(start), "pk__lt": OuterRef("pk")}),
        doc_type=OrderType.SUSPEND,
        visit__in=Visit.objects.live().filter(figures.JOINT_VISIT).values("pk"),
        visit__enterprise=OuterRef("visit__enterprise"),
        **{f"{start}__gte": year_start},
    )
    return Q(doc_type=OrderType.SUSPEND, visit__enterprise__isnull=False) & ~Exists(earlier)


@dataclass(frozen=True)
class Sources:
    """Where to count: `within` narrows a model's live records (to some places, or to a region), `dates`
    to a stretch of days (None: every day)."""

    bureau: Department | None
    within: Callable[[QuerySet], QuerySet]
    dates: tuple[datetime.date, datetime.date] | None = None

    def records(self, qs: QuerySet, date_field: str) -> QuerySet:
        days = {f"{date_field}__range": self.dates} if self.dates else {f"{date_field}__isnull": False}
        return self.within(qs).filter(**days).order_by()


class Lines(defaultdict):
    """Line → its measures and the latest date it counts."""

    def __init__(self) -> None:
        super().__init__(lambda: dict.fromkeys(COUNTS, 0) | {"fines": Decimal(0), "last_date": None})

    def at(self, place: int | None, y: int, m: int, axis: TallyAxis, key: Any = "") -> dict[str, Any]:
        return self[(place, int(y), int(m), axis.value, "" if key is None else str(key))]

    def seen(self, place: int | None, y: int, m: int, last: datetime.date | None) -> None:
        counts = self.at(place, y, m, TallyAxis.MONTH)
        if last and (counts["last_date"] is None or last > counts["last_date"]):
            counts["last_date"] = last


def by_month(field: str, place: str = "place_id") -> tuple[Any, ...]:
    return (place, ExtractYear(field), ExtractMonth(field))


def count_lines(src: Sources) -> Lines:
    """Every line of the sources: eleven grouped statements."""
    lines = Lines()
    visits = src.records(Visit.objects.live().filter(figures.bureau_inspection_q(src.bureau)), "date")
    groups = visits.values_list(*by_month("date"), "enterprise__town_id", "enterprise__industry").annotate(
        n=Count("pk"), unrecorded=Count("pk", filter=Q(av_recorded=False)), last=Max("date")
    )
    for place, y, m, town, industry, n, unrecorded, last in groups:
        for axis, key in ((TallyAxis.MONTH, ""), (TallyAxis.TOWN, town), (TallyAxis.INDUSTRY, industry)):
            lines.at(place, y, m, axis, key)["visits"] += n
        lines.at(place, y, m, TallyAxis.MONTH)["unrecorded"] += unrecorded
        lines.seen(place, y, m, last)
    officers = visits.values_list(*by_month("date")).annotate(
        n=Count("officers", filter=figures.valid_officer_q())
    )
    for place, y, m, n in officers:
        lines.at(place, y, m, TallyAxis.MONTH)["officers"] += n
    for place, y, m, n in (
        visits.filter(first_of_year_q(src.bureau)).values_list(*by_month("date")).annotate(n=Count("pk"))
    ):
        lines.at(place, y, m, TallyAxis.MONTH)["enterprises"] += n
    _hazards_found(lines, visits)
    _joint(lines, src)
    monthly = (
        ("closed", Hazard.objects.live().filter(closed_hazard_q(src.bureau)), "reviewed_on"),
        ("assistance", Visit.objects.live().filter(figures.ASSISTANCE), "date"),
        (
            "published",
            PenaltyCase.objects.live().filter(figures.bureau_penalty_q(src.bureau)),
            "published_on",
        ),
    )
    for measure, qs, field in monthly:
        rows = src.records(qs, field).values_list(*by_month(field)).annotate(n=Count("pk"), last=Max(field))
        for place, y, m, n, last in rows:
            lines.at(place, y, m, TallyAxis.MONTH)[measure] += n
            lines.seen(place, y, m, last)
    decided = src.records(
        PenaltyCase.objects.live().filter(figures.bureau_penalty_q(src.bureau)), "decided_on"
    ).values_list(*by_month("decided_on"))
    for place, y, m, n, fines, last in decided.annotate(
        n=Count("pk"), fines=Sum("fine_amount"), last=Max("decided_on")
    ):
        counts = lines.at(place, y, m, TallyAxis.MONTH)
        counts["decisions"] += n
        counts["fines"] += fines or 0
        lines.seen(place, y, m, last)
    return lines


def _hazards_found(lines: Lines, visits: QuerySet) -> None:
    """The live hazards found on `visits`, by the visit's month, town and industry, and by grade and status."""
    found = (
        Hazard.objects.live()
        .filter(visit__in=visits.values("pk"))
        .order_by()
        .values_list(
            *by_month("visit__date", place="visit__place_id"),
            "visit__enterprise__town_id",
            "visit__enterprise__industry",
            "grade",
            "status",
        )
        .annotate(n=Count("pk"))
    )
    for place, y, m, town, industry, grade, status, n in found:
        for axis, key in (
            (TallyAxis.MONTH, ""),
            (TallyAxis.TOWN, town),
            (TallyAxis.INDUSTRY, industry),
            (TallyAxis.STATE, f"{grade}|{status}"),
        ):
            lines.at(place, y, m, axis, key)["hazards"] += n


def _joint(lines: Lines, src: Sources) -> None:
    """The visits of live 联合执法 operations, by the month the operation starts, per operation and per
    town, industry and department they reach, and the live hazards found on them per operation: a
    region's operations, towns, industries and departments are then counted once however many places
    they reach. The enterprises ordered to suspend (责令停产停业) on them are counted at their first such
    order of the year (`first_suspension_q`)."""
    start = "operation__start_date"
    visits = src.records(Visit.objects.live().filter(figures.JOINT_VISIT), start)
    rows = visits.values_list(
        *by_month(start), "operation_id", "enterprise__town_id", "enterprise__industry", "department_id"
    )
    reached = ((TallyAxis.JOINT_TOWN, 0), (TallyAxis.JOINT_INDUSTRY, 1), (TallyAxis.JOINT_DEPARTMENT, 2))
    for place, y, m, operation, *keys, n, last in rows.annotate(n=Count("pk"), last=Max(start)):
        lines.at(place, y, m, TallyAxis.OPERATION, operation)["joint"] += n
        for axis, i in reached:
            if keys[i] is not None:
                lines.at(place, y, m, axis, keys[i])["joint"] += n
        lines.seen(place, y, m, last)
    found = (
        Hazard.objects.live()
        .filter(visit__in=visits.values("pk"))
        .order_by()
        .values_list(*by_month(f"visit__{start}", place="visit__place_id"), "visit__operation_id")
        .annotate(n=Count("pk"))
    )
    for place, y, m, operation, n in found:
        lines.at(place, y, m, TallyAxis.OPERATION, operation)["hazards"] += n
    suspended = (
        src.within(Order.objects.live())
        .filter(first_suspension_q(), visit__in=visits.values("pk"))
        .values_list(*by_month(f"visit__{start}", place="visit__place_id"))
        .annotate(n=Count("pk"))
    )
    for place, y, m, n in suspended:
        lines.at(place, y, m, TallyAxis.MONTH)["suspended"] += n
