"""The dashboard's and the report's enforcement counts summed per place and month (`MonthTally`): a
city's or a province's dashboard sums some thousands of lines instead of reading a million visits.

The lines are counted from the records with the figures' own conditions (`tally_lines`) and read through
the one scoping primitive (`in_region`).
Database triggers mark the places whose records change (`tally_triggers`); `refresh` recomputes the
marked places before every read. Each line is a month's: the months before the scope's as-of date are
read from the lines, and so is its own month unless that month counts a later date (a report as of an
earlier day), when the days of the month up to the as-of date are counted from the records the same way
(`totals`). The numbers never depend on which way they were obtained (`counted`).
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, Count, F, IntegerField, Max, Q, QuerySet, Sum, Value, When

from emgov.core.models import Department, Region, RegionLevel
from emgov.reports import tally_sums
from emgov.reports.figures import Scope
from emgov.reports.models import MonthTally, TallyAxis, TallyChange, TallyEpoch
from emgov.reports.tally_lines import COUNTS, MEASURES, Sources, count_lines

# Month, axis, key, measures. The 联合执法 operations of a month are one line (key "") counting them
# (`operations`): a province holds thousands.
Counted = list[tuple[int, str, str, dict[str, Any]]]
# The measures of the breakdowns (towns, industries) beside those of the months.
BROKEN_DOWN = ("visits", "hazards", "closed")


def _table() -> defaultdict:
    return defaultdict(lambda: defaultdict(int))


@dataclass
class Totals:
    """A region's year: its totals, and per month, town (name), industry and hazard (grade, status)."""

    inspections: int = 0
    unrecorded: int = 0  # inspections without an audio-visual record
    enterprises: int = 0
    officers: int = 0
    hazards: int = 0
    assistance: int = 0
    decisions: int = 0
    published: int = 0
    fines: Decimal = Decimal(0)
    joint_visits: int = 0
    joint_suspended: int = 0  # enterprises ordered to suspend on 联合执法 visits
    operations: int = 0
    joint_hazards: int = 0
    joint_towns: set[str] = field(default_factory=set)
    joint_industries: set[str] = field(default_factory=set)
    joint_departments: set[str] = field(default_factory=set)  # keys, then short names (`_summed`)
    months: dict[int, dict[str, Any]] = field(default_factory=_table)
    towns: dict[str, dict[str, int]] = field(default_factory=_table)
    industries: dict[str, dict[str, int]] = field(default_factory=_table)
    state: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    # The towns, industries and departments 联合执法 visits reach, by their axis.
    REACHED = {
        TallyAxis.JOINT_TOWN: "joint_towns",
        TallyAxis.JOINT_INDUSTRY: "joint_industries",
        TallyAxis.JOINT_DEPARTMENT: "joint_departments",
    }

    def found(self, *, grade: str | None = None, status: str | None = None) -> int:
        return sum(
            n
            for (g, st), n in self.state.items()
            if (grade is None or g == grade) and (status is None or st == status)
        )

    def add(
        self, month: int, axis: str, key: str, counts: dict[str, Any], town_names: dict[str, str]
    ) -> None:
        if axis == TallyAxis.MONTH:
            self.inspections += counts["visits"]
            self.unrecorded += counts["unrecorded"]
            self.enterprises += counts["enterprises"]
            self.officers += counts["officers"]
            self.hazards += counts["hazards"]
            self.assistance += counts["assistance"]
            self.decisions += counts["decisions"]
            self.published += counts["published"]
            self.fines += counts["fines"]
            self.joint_suspended += counts["suspended"]
            for measure in ("decisions", "fines"):
                self.months[month][measure] += counts[measure]
            table, name = self.months, month
        elif axis == TallyAxis.STATE:
            grade, _sep, status = key.partition("|")
            self.state[(grade, status)] += counts["hazards"]
            return
        elif axis == TallyAxis.OPERATION:
            # An operation's lines are all of the month it starts in: counted once.
            self.operations += counts["operations"]
            self.joint_visits += counts["joint"]
            self.joint_hazards += counts["hazards"]
            return
        elif axis in self.REACHED:
            getattr(self, self.REACHED[axis]).add(key)
            return
        elif axis == TallyAxis.TOWN:
            table, name = self.towns, town_names.get(key, "")
        else:
            table, name = self.industries, key
        for measure in BROKEN_DOWN:
            table[name][measure] += counts[measure]


def _bureau() -> Department | None:
    return Department.objects.filter(is_bureau=True).first()


def _at_places(qs: QuerySet, keys: set[int]) -> QuerySet:
    within = Q(place_id__in=keys - {0})
    return qs.filter(within | Q(place_id__isnull=True) if 0 in keys else within)


# Places recomputed together: a province's places after a bulk load are counted some at a time, so that
# their lines (a few hundred per place and year) are not all held at once.
REFRESH_BATCH = 64


def refresh(bureau: Department | None = None) -> int:
    """Recompute the lines of every place marked as changed (for the bureau, the current one by default);
    the number of places recomputed. One statement when nothing changed."""
    if not TallyChange.objects.exists():
        return 0
    bureau = bureau or _bureau()
    with transaction.atomic():
        keys = sorted(TallyChange.objects.select_for_update().values_list("place_key", flat=True))
        TallyChange.objects.filter(place_key__in=keys).delete()
        for start in range(0, len(keys), REFRESH_BATCH):
            _recount(bureau, set(keys[start : start + REFRESH_BATCH]))
        tally_sums.mark_holding(keys)
        token = uuid.uuid4().hex
        if not TallyEpoch.objects.filter(pk=1).update(token=token):
            TallyEpoch.objects.create(pk=1, token=token)
    return len(keys)


def _recount(bureau: Department | None, keys: set[int]) -> None:
    lines = count_lines(Sources(bureau, lambda qs: _at_places(qs, keys)))
    _at_places(MonthTally.objects.filter(summed=False), keys).delete()
    MonthTally.objects.bulk_create(
        (
            MonthTally(place_id=place, year=year, month=month, axis=axis, key=key[:80], **counts)
            for (place, year, month, axis, key), counts in lines.items()
        ),
        batch_size=2000,
    )


def _from_records(s: Scope, since: datetime.date) -> Counted:
    """The region's lines from `since` to the as-of date, counted from the records."""
    lines = count_lines(Sources(s.bureau, lambda qs: qs.in_region(s.region), (since, s.as_of)))
    summed: dict[tuple[int, str, str], dict[str, Any]] = defaultdict(
        lambda: dict.fromkeys(COUNTS, 0) | {"fines": Decimal(0), "operations": 0}
    )
    operations: dict[int, set[str]] = defaultdict(set)
    for (_place, _year, month, axis, key), counts in lines.items():
        if axis == TallyAxis.OPERATION:
            operations[month].add(key)
            key = ""
        for measure in MEASURES:
            summed[(month, axis, key)][measure] += counts[measure]
    for month, keys in operations.items():
        summed[(month, TallyAxis.OPERATION.value, "")]["operations"] = len(keys)
    return [(month, axis, key, counts) for (month, axis, key), counts in summed.items()]


def _from_tallies(s: Scope) -> Counted:
    """The region's lines up to the as-of date: the tallies' months, with the as-of month counted from
    the records when its lines count a later date (`as_of_month`).

    Summed in SQL: the months one line each, every other key one line for the months before the as-of
    month and one for that month, the operations one line counting them."""
    month = s.as_of.month
    as_of_month = Q(axis=TallyAxis.MONTH) | Q(month=month)
    operation = Q(axis=TallyAxis.OPERATION)
    rows = (
        tally_sums.lines_of(s.region)
        .filter(year=s.year, month__lte=month)
        .order_by()
        .annotate(
            m=Case(When(as_of_month, then=F("month")), default=Value(0), output_field=IntegerField()),
            k=Case(When(operation, then=Value("")), default=F("key")),
        )
        .values_list("m", "axis", "k")
        .annotate(
            *(Sum(m) for m in MEASURES),
            last=Max("last_date"),
            operations=Count("key", distinct=True, filter=operation),
        )
    )
    out: Counted = []
    partial = False
    for m, axis, key, *values, last, operations in rows:
        partial = partial or (m == month and last is not None and last > s.as_of)
        counts = dict(zip(MEASURES, (v or 0 for v in values), strict=True))
        out.append((m, axis, key, counts | {"operations": operations}))
    if not partial:
        return out
    return [line for line in out if line[0] != month] + as_of_month_lines(s)


# How long the as-of month's lines are kept at most; a recomputation of the tallies ends them sooner.
AS_OF_MONTH_SECONDS = 24 * 3600
# The shape of the kept lines (`Counted`), in their cache key: a cache that outlives an upgrade (Redis)
# never hands lines of an older shape to newer code.
AS_OF_MONTH_SHAPE = 2


def as_of_month_lines(s: Scope) -> Counted:
    """The days of the as-of month up to the as-of date, counted from the records, and kept (in the cache)
    until the tallies are next recomputed: any write to what they count marks its place (`tally_triggers`)
    and every read recomputes the marked places first, drawing a new `TallyEpoch` token."""
    epoch = TallyEpoch.objects.values_list("token", flat=True).first()
    if epoch is None:
        return _from_records(s, s.as_of.replace(day=1))
    name = connection.settings_dict["NAME"]
    key = f"emgov:as-of-month:{AS_OF_MONTH_SHAPE}:{name}:{epoch}:{s.region.pk}:{s.bureau and s.bureau.pk}:{s.as_of}"
    lines = cache.get(key)
    if lines is None:
        lines = _from_records(s, s.as_of.replace(day=1))
        cache.set(key, lines, AS_OF_MONTH_SECONDS)
    return lines


def totals(s: Scope) -> Totals:
    """The region's year as of the scope's date, from the tallies (the current bureau's)."""
    bureau = _bureau()
    if (bureau and bureau.pk) != (s.bureau and s.bureau.pk):
        return counted(s)
    refresh(bureau)
    return _summed(_from_tallies(s), s.region)


def counted(s: Scope) -> Totals:
    """The same totals counted from the records, whatever the tallies hold: what they must equal."""
    return _summed(_from_records(s, s.start), s.region)


def _summed(lines: Counted, region: Region) -> Totals:
    towns = {key for _month, axis, key, _counts in lines if axis == TallyAxis.TOWN and key}
    names = breakdown_names(region, towns)
    result = Totals()
    for month, axis, key, counts in lines:
        result.add(month, axis, key, counts, names)
    if result.joint_departments:
        short = Department.objects.filter(pk__in=result.joint_departments).values_list(
            "short_name", flat=True
        )
        result.joint_departments = set(short)
    return result


def breakdown_names(region: Region, town_keys: Iterable[str]) -> dict[str, str]:
    """The row each town's lines are added to: the town itself in a district or a town; in a city or the
    province, the region one level below it that holds the town (a district, a city). A province's towns
    are too many to list, and towns of one name in two districts would be added together."""
    keys = {int(key) for key in town_keys}
    if region.level in (RegionLevel.COUNTY, RegionLevel.TOWN):
        return {str(pk): name for pk, name in Region.objects.filter(pk__in=keys).values_list("pk", "name")}
    found = Region.objects.filter(Q(pk__in=keys) | Q(parent=region)).values_list(
        "pk", "name", "path", "parent"
    )
    below = [(path, name) for _pk, name, path, parent in found if parent == region.pk]
    return {
        str(pk): next((unit for prefix, unit in below if path.startswith(prefix)), name)
        for pk, name, path, _parent in found
        if pk in keys
    }


# The figures whose values the totals hold (`prime`).
TALLIED = frozenset(
    {
        "enforcement.inspections",
        "enforcement.enterprises_inspected",
        "enforcement.officer_turnouts",
        "enforcement.hazards_found",
        "enforcement.penalties",
        "enforcement.fines_yuan",
        "double_publicity.penalty_records",
        "assistance.enterprise_visits",
        "joint.actions",
        "joint.enterprise_visits",
        "joint.towns_covered",
        "joint.hazards_found",
        "joint.industries",
        "joint.departments",
        "joint.enterprises_suspended",
        "problems.visits_without_av",
    }
)


def prime_for(s: Scope, keys: Iterable[str]) -> None:
    """Prime the scope when some of `keys` are tallied figures (a report naming them)."""
    if TALLIED.intersection(keys):
        prime(s, totals(s))


def prime(s: Scope, found: Totals) -> None:
    """Give the scope's tallied figures their values (the blocks they are computed in, `figures.once`)."""
    s.cache.setdefault("inspections", {"inspections": found.inspections, "enterprises": found.enterprises})
    s.cache.setdefault("officers", found.officers)
    s.cache.setdefault("unrecorded", found.unrecorded)
    s.cache.setdefault("hazards_found", found.hazards)
    s.cache.setdefault("assistance", found.assistance)
    joint = {"actions": found.operations, "visits": found.joint_visits, "towns": len(found.joint_towns)}
    s.cache.setdefault("joint", joint)
    s.cache.setdefault("joint_hazards", found.joint_hazards)
    s.cache.setdefault("joint_industries", sorted(found.joint_industries))
    s.cache.setdefault("joint_departments", sorted(found.joint_departments))
    s.cache.setdefault("joint_suspended", found.joint_suspended)
    s.cache.setdefault(
        "penalties", {"published": found.published, "decided": found.decisions, "fines": found.fines}
    )
