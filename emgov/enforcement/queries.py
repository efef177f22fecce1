"""Reads of the enforcement records that pages, the API and the report share."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils import timezone

from emgov.core.models import Region, RegionLevel, User
from emgov.core.models.regions import bureau_region
from emgov.enforcement.models import Operation, Visit

MIN_OPERATIONS_PER_MONTH = 2
MIN_ENTERPRISES_PER_OPERATION = 3


@dataclass(frozen=True)
class OperationReach:
    pk: int
    number: str
    name: str
    start_date: datetime.date
    enterprises: int

    def __str__(self) -> str:
        return self.name or self.number


@dataclass
class MonthStatus:
    """One month of the 四不两直 rule (≥ 2 operations, ≥ 3 enterprises each, every town), and what is missing."""

    month: int
    operations: list[OperationReach] = field(default_factory=list)
    towns: list[Region] = field(default_factory=list)
    visited_town_ids: set[int] = field(default_factory=set)

    @property
    def operation_count(self) -> int:
        return len(self.operations)

    @property
    def short_operations(self) -> list[OperationReach]:
        return [o for o in self.operations if o.enterprises < MIN_ENTERPRISES_PER_OPERATION]

    @property
    def missing_operations(self) -> int:
        return max(0, MIN_OPERATIONS_PER_MONTH - self.operation_count)

    @property
    def missing_towns(self) -> list[Region]:
        return [t for t in self.towns if t.pk not in self.visited_town_ids]

    @property
    def towns_visited(self) -> int:
        return len(self.towns) - len(self.missing_towns)

    @property
    def met(self) -> bool:
        return not self.missing_operations and not self.short_operations and not self.missing_towns


def unannounced_months(
    operations: QuerySet[Operation],
    visits: QuerySet[Visit],
    towns: QuerySet[Region],
    *,
    year: int,
    through: datetime.date | None = None,
) -> list[MonthStatus]:
    """The 四不两直 check of `year`, from January to the month of `through` (default: the whole year).

    `operations`, `visits` and `towns` are the caller's scope (a user's, or a report's region); only
    live 四不两直 operations starting in the year count, with the distinct enterprises of their live
    visits in `visits`, and a town is covered in the month an operation that visited it started.
    """
    through = through or datetime.date(year, 12, 31)
    ops = operations.filter(
        voided_at__isnull=True, unannounced=True, start_date__range=(datetime.date(year, 1, 1), through)
    )
    live_visits = visits.filter(voided_at__isnull=True)
    reach = (
        live_visits.filter(operation=OuterRef("pk"))
        .order_by()
        .values("operation")
        .annotate(n=Count("enterprise", distinct=True))
        .values("n")
    )
    months = {m: MonthStatus(month=m) for m in range(1, through.month + 1)}
    town_list = list(towns.filter(level=RegionLevel.TOWN).order_by("code"))
    for status in months.values():
        status.towns = town_list
    rows = (
        ops.annotate(reach=Coalesce(Subquery(reach), 0))
        .order_by("start_date", "number")
        .values_list("pk", "number", "name", "start_date", "reach")
    )
    for pk, number, name, start_date, n in rows:
        months[start_date.month].operations.append(OperationReach(pk, number, name, start_date, n))
    covered = (
        live_visits.filter(operation__in=ops.values("pk"))
        .order_by()
        .values_list(ExtractMonth("operation__start_date"), "enterprise__town_id")
        .distinct()
    )
    for month, town_id in covered:
        months[month].visited_town_ids.add(town_id)
    return list(months.values())


def user_towns(user: User) -> QuerySet[Region]:
    """The towns of a user's scope: their regions' towns; for those who see everything, the bureau's."""
    if user.sees_everything:
        region = bureau_region()
        paths = [region.path] if region else []
    else:
        paths = user.region_paths()
    if not paths:
        return Region.objects.none()
    qs = Region.objects.none()
    for path in paths:
        qs = qs | Region.objects.filter(level=RegionLevel.TOWN, path__startswith=path)
    return qs


def unannounced_months_for(user: User, year: int, *, today: datetime.date | None = None) -> list[MonthStatus]:
    """The 四不两直 check of a user's scope: the whole year, or up to this month for the current year."""
    today = today or timezone.localdate()
    if year > today.year:
        return []
    return unannounced_months(
        Operation.objects.visible_to(user),
        Visit.objects.visible_to(user),
        user_towns(user),
        year=year,
        through=today if year == today.year else None,
    )
