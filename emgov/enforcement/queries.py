"""Reads of the enforcement records that pages, the API and the report share.

Operations: the 四不两直 monthly check. Hazards: which are overdue, which major hazards are under
supervision. A hazard is overdue from the day after its deadline (整改期限). When the deadline falls on a
rest day (a weekend or a statutory holiday), the last day is the next working day (民法典第二百零三条), so
the hazard is overdue only from the day after that working day. A major hazard awaits 挂牌督办 until it is
on the supervised list, and one that cannot be kept safe until removed awaits its suspension. Orders:
the hazards a suspension covers; seizures awaiting their disposal decision.
Visits: the enterprises a visit may be recorded at, the enterprises a 回头看 round goes back to.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractMonth

from emgov.core import clock
from emgov.core.models import Region, RegionLevel, User
from emgov.core.models.regions import bureau_region
from emgov.core.workdays import WorkdayCalendar
from emgov.enforcement.models import Hazard, HazardGrade, HazardStatus, Operation, Order, OrderType, Visit
from emgov.enterprises.models import Enterprise

MIN_OPERATIONS_PER_MONTH = 2
MIN_ENTERPRISES_PER_OPERATION = 3
S = HazardStatus
# States in which the rectification is still owed by the enterprise (a review request stops the clock).
OWED_STATES = (S.REGISTERED, S.ORDERED, S.RECTIFYING, S.FAILED)
ENTERPRISE_SEARCH_LIMIT = 10
DEFAULT_REVISIT_INDUSTRY = "村级工业园"


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
    today = today or clock.today()
    if year > today.year:
        return []
    return unannounced_months(
        Operation.objects.visible_to(user),
        Visit.objects.visible_to(user),
        user_towns(user),
        year=year,
        through=today if year == today.year else None,
    )


# Hazards -------------------------------------------------------------------------------------------


def overdue_cutoff(
    today: datetime.date | None = None, calendar: WorkdayCalendar | None = None
) -> datetime.date:
    """The latest deadline that is overdue on `today`: the last working day before today."""
    today = today or clock.today()
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


def unsafe_until_removed(hazard: Hazard) -> bool:
    """A major hazard that cannot be kept safe until removed (安全生产法第六十五条第一款第三项)."""
    return hazard.grade == HazardGrade.MAJOR and hazard.unsafe_until_removed


def may_be_suspended(hazard: Hazard, today: datetime.date | None = None) -> bool:
    """责令停产停业: an overdue hazard (第一百零二条), or a major hazard that cannot be kept safe until
    removed, before its deadline (第六十五条第一款第三项)."""
    return is_overdue(hazard, today) or (hazard.voided_at is None and unsafe_until_removed(hazard))


def awaiting_supervision(qs: QuerySet[Hazard]) -> QuerySet[Hazard]:
    """Major hazards not closed that are not on the supervised list yet (挂牌督办, 安全生产法第四十一条第三款)."""
    return qs.filter(grade=HazardGrade.MAJOR, supervised_on__isnull=True, voided_at__isnull=True).exclude(
        status=S.CLOSED
    )


def unsafe_unsuspended(qs: QuerySet[Hazard]) -> QuerySet[Hazard]:
    """Major hazards that cannot be kept safe until removed, still owed, with no live suspension yet."""
    suspended = Order.objects.filter(
        doc_type=OrderType.SUSPEND, voided_at__isnull=True, hazards__isnull=False
    ).values("hazards")
    return qs.filter(
        grade=HazardGrade.MAJOR, unsafe_until_removed=True, status__in=OWED_STATES, voided_at__isnull=True
    ).exclude(pk__in=suspended)


def supervised(qs: QuerySet[Hazard]) -> QuerySet[Hazard]:
    """Major hazards on the supervised list (挂牌督办) that are not closed yet."""
    return qs.filter(grade=HazardGrade.MAJOR, supervised_on__isnull=False, voided_at__isnull=True).exclude(
        status=S.CLOSED
    )


def due_within(qs: QuerySet[Hazard], days: int, today: datetime.date | None = None) -> QuerySet[Hazard]:
    """Hazards still owed whose deadline falls from today to `days` days ahead."""
    today = today or clock.today()
    return qs.filter(
        status__in=OWED_STATES,
        voided_at__isnull=True,
        deadline__gte=today,
        deadline__lte=today + datetime.timedelta(days=days),
    )


# Orders --------------------------------------------------------------------------------------------


def suspension_of(hazard: Hazard) -> Order | None:
    """The live 责令停产停业整顿 that names `hazard`, if any (the latest)."""
    return (
        Order.objects.filter(hazards=hazard, doc_type=OrderType.SUSPEND, voided_at__isnull=True)
        .order_by("-issued_on", "-pk")
        .first()
    )


def undisposed_seizures(qs: QuerySet[Order]) -> QuerySet[Order]:
    """Live seizures without their disposal decision yet (行政强制法第二十七条)."""
    return qs.filter(doc_type=OrderType.SEIZE, voided_at__isnull=True, disposal="")


def covered_hazards(order: Order) -> list[Hazard]:
    """The live hazards an order names, or, for an order that names none (an imported one), those of its visit."""
    hazards = [h for h in order.hazards.order_by("number") if h.voided_at is None]
    return hazards or list(order.visit.hazards.filter(voided_at__isnull=True).order_by("number"))


def unreviewed_hazards(order: Order) -> list[Hazard]:
    """The hazards of a suspension that have not passed their review (复查合格) yet."""
    return [h for h in covered_hazards(order) if h.status != HazardStatus.CLOSED]


# Visits --------------------------------------------------------------------------------------------


def enterprise_search(user: User, query: str) -> list[Enterprise]:
    """Enterprises the user may see whose name, 统一社会信用代码 or pinyin initials contain the text."""
    query = query.strip()
    if not query:
        return []
    match = Q(name__icontains=query) | Q(credit_code__icontains=query.upper())
    if query.isascii() and query.isalnum():
        match |= Q(name_initials__contains=query.lower())
    qs = Enterprise.objects.visible_to(user).live().filter(match).select_related("town")
    return list(qs.order_by("name", "pk")[:ENTERPRISE_SEARCH_LIMIT])


def revisit_candidates(
    visits: QuerySet[Visit],
    year: int,
    industry: str = DEFAULT_REVISIT_INDUSTRY,
    enterprises: QuerySet[Enterprise] | None = None,
) -> QuerySet[Enterprise]:
    """Distinct non-voided enterprises of `industry` with a non-voided visit in `year` among `visits`
    (回头看). `visits` is already scoped by the caller; the result is ordered by town then name.

    `enterprises`, the enterprises of the same region, changes nothing in the result (a region's
    visits are of its enterprises) but lets the database start from them: otherwise it walks the
    enterprises of every region in town order, looking for those with a visit here."""
    visited = visits.filter(voided_at__isnull=True, date__year=year).values("enterprise_id")
    among = Enterprise.objects.all() if enterprises is None else enterprises
    return (
        among.filter(voided_at__isnull=True, industry=industry, pk__in=visited)
        .select_related("town")
        .order_by("town__code", "name", "pk")
    )
