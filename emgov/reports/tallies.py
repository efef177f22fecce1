"""The bureau's inspections and the hazards found on them, summed per place and year (`InspectionTally`):
a city's or a province's dashboard sums a few thousand lines instead of reading a million visits.

The lines are counted from the records with the figures' own conditions (`figures.bureau_inspection_q`,
`figures.valid_officer_q`, `closed_hazard_q`) and read through the one scoping primitive (`in_region`).
Database triggers mark the places whose records change (`tally_triggers`); `refresh` recomputes the
marked places before every read. Each line is a month's: the months before the scope's as-of date are
read from the lines, and so is its own month unless that month counts a later date (a report as of an
earlier day), when the days of the month up to the as-of date are counted from the records the same way
(`totals`). The numbers never depend on which way they were obtained (`counted`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, DateField, Exists, ExpressionWrapper, Max, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth, ExtractYear, TruncYear

from emgov.core.models import Department, Region
from emgov.enforcement.models import Hazard, HazardStatus, Visit
from emgov.reports import figures
from emgov.reports.figures import Scope
from emgov.reports.models import InspectionTally, TallyAxis, TallyChange

MEASURES = ("visits", "officers", "enterprises", "hazards", "closed")
Line = tuple[int | None, int, int, str, str]  # place, year, month, axis, key
Counted = list[tuple[int, str, str, dict[str, Any]]]  # month, axis, key, measures


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
    earlier = Visit.objects.live().filter(
        figures.bureau_inspection_q(bureau),
        Q(date__lt=OuterRef("date")) | Q(date=OuterRef("date"), pk__lt=OuterRef("pk")),
        enterprise=OuterRef("enterprise"),
        date__gte=TruncYear(ExpressionWrapper(OuterRef("date"), output_field=DateField())),
    )
    return Q(enterprise__isnull=False) & ~Exists(earlier)


@dataclass
class Totals:
    """A region's year: the key counts, and per month, town (name), industry and hazard (grade, status)."""

    inspections: int = 0
    enterprises: int = 0
    officers: int = 0
    hazards: int = 0
    months: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    towns: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    industries: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    state: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def found(self, *, grade: str | None = None, status: str | None = None) -> int:
        return sum(
            n
            for (g, st), n in self.state.items()
            if (grade is None or g == grade) and (status is None or st == status)
        )

    def add(
        self, month: int, axis: str, key: str, counts: dict[str, int], town_names: dict[str, str]
    ) -> None:
        if axis == TallyAxis.MONTH:
            self.inspections += counts["visits"]
            self.enterprises += counts["enterprises"]
            self.officers += counts["officers"]
            self.hazards += counts["hazards"]
            table, name = self.months, month
        elif axis == TallyAxis.STATE:
            grade, _sep, status = key.partition("|")
            self.state[(grade, status)] += counts["hazards"]
            return
        elif axis == TallyAxis.TOWN:
            table, name = self.towns, town_names.get(key, "")
        else:
            table, name = self.industries, key
        for measure in ("visits", "hazards", "closed"):
            table[name][measure] += counts[measure]


def _lines(bureau: Department | None, visits: QuerySet, closed: QuerySet) -> dict[Line, dict[str, Any]]:
    """The month lines of the given bureau inspections (the live hazards found on them by the month of
    the inspection) and of the given closed hazards (by the month of their review). Five grouped statements."""
    lines: dict[Line, dict[str, Any]] = defaultdict(lambda: dict.fromkeys(MEASURES, 0) | {"last_date": None})

    def line(place: int | None, y: int, m: int, axis: TallyAxis, key: Any = "") -> dict[str, Any]:
        return lines[(place, int(y), int(m), axis.value, "" if key is None else str(key))]

    def seen(counts: dict[str, Any], date: datetime.date | None) -> None:
        if date and (counts["last_date"] is None or date > counts["last_date"]):
            counts["last_date"] = date

    visits = visits.order_by()
    by_month = ("place_id", ExtractYear("date"), ExtractMonth("date"))
    groups = visits.values_list(*by_month, "enterprise__town_id", "enterprise__industry")
    for place, y, m, town, industry, n, last in groups.annotate(n=Count("pk"), last=Max("date")):
        for axis, key in ((TallyAxis.MONTH, ""), (TallyAxis.TOWN, town), (TallyAxis.INDUSTRY, industry)):
            counts = line(place, y, m, axis, key)
            counts["visits"] += n
            seen(counts, last)
    officers = visits.values_list(*by_month).annotate(n=Count("officers", filter=figures.valid_officer_q()))
    for place, y, m, n in officers:
        line(place, y, m, TallyAxis.MONTH)["officers"] += n
    firsts = visits.filter(first_of_year_q(bureau)).values_list(*by_month).annotate(n=Count("pk"))
    for place, y, m, n in firsts:
        line(place, y, m, TallyAxis.MONTH)["enterprises"] += n
    found = (
        Hazard.objects.live()
        .filter(visit__in=visits.values("pk"))
        .order_by()
        .values_list(
            "visit__place_id",
            ExtractYear("visit__date"),
            ExtractMonth("visit__date"),
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
            line(place, y, m, axis, key)["hazards"] += n
    reviewed = (
        closed.order_by()
        .values_list("place_id", ExtractYear("reviewed_on"), ExtractMonth("reviewed_on"))
        .annotate(n=Count("pk"), last=Max("reviewed_on"))
    )
    for place, y, m, n, last in reviewed:
        counts = line(place, y, m, TallyAxis.MONTH)
        counts["closed"] += n
        seen(counts, last)
    return lines


def _bureau() -> Department | None:
    return Department.objects.filter(is_bureau=True).first()


def _at_places(qs: QuerySet, place: str, keys: Iterable[int]) -> QuerySet:
    keys = set(keys)
    within = Q(**{f"{place}__in": keys - {0}})
    return qs.filter(within | Q(**{f"{place}__isnull": True}) if 0 in keys else within)


def refresh(bureau: Department | None = None) -> int:
    """Recompute the lines of every place marked as changed (for the bureau, the current one by default);
    the number of places recomputed. One statement when nothing changed."""
    if not TallyChange.objects.exists():
        return 0
    bureau = bureau or _bureau()
    with transaction.atomic():
        keys = list(TallyChange.objects.select_for_update().values_list("place_key", flat=True))
        if not keys:
            return 0
        TallyChange.objects.filter(place_key__in=keys).delete()
        lines = _lines(
            bureau,
            _at_places(Visit.objects.live().filter(figures.bureau_inspection_q(bureau)), "place_id", keys),
            _at_places(Hazard.objects.live().filter(closed_hazard_q(bureau)), "place_id", keys),
        )
        _at_places(InspectionTally.objects.all(), "place_id", keys).delete()
        InspectionTally.objects.bulk_create(
            (
                InspectionTally(place_id=place, year=year, month=month, axis=axis, key=key[:80], **counts)
                for (place, year, month, axis, key), counts in lines.items()
            ),
            batch_size=2000,
        )
    return len(keys)


def _from_records(s: Scope, since: datetime.date) -> Counted:
    """The region's lines from `since` to the as-of date, counted from the records."""
    lines = _lines(
        s.bureau,
        s.live(Visit).filter(figures.bureau_inspection_q(s.bureau), date__range=(since, s.as_of)),
        s.live(Hazard).filter(closed_hazard_q(s.bureau), reviewed_on__range=(since, s.as_of)),
    )
    summed: dict[tuple[int, str, str], dict[str, Any]] = defaultdict(lambda: dict.fromkeys(MEASURES, 0))
    for (_place, _year, month, axis, key), counts in lines.items():
        for measure in MEASURES:
            summed[(month, axis, key)][measure] += counts[measure]
    return [(month, axis, key, counts) for (month, axis, key), counts in summed.items()]


def _from_tallies(s: Scope) -> Counted:
    """The region's lines up to the as-of date: the tallies' months, with the as-of month counted from
    the records when its lines count a later date."""
    rows = (
        InspectionTally.objects.in_region(s.region)
        .filter(year=s.year, month__lte=s.as_of.month)
        .order_by()
        .values_list("month", "axis", "key")
        .annotate(*(Sum(m) for m in MEASURES), last=Max("last_date"))
    )
    out: Counted = []
    partial = False
    for month, axis, key, *values, last in rows:
        partial = partial or (month == s.as_of.month and last is not None and last > s.as_of)
        out.append((month, axis, key, dict(zip(MEASURES, (v or 0 for v in values), strict=True))))
    if not partial:
        return out
    month_start = s.as_of.replace(day=1)
    return [line for line in out if line[0] != s.as_of.month] + _from_records(s, month_start)


def totals(s: Scope) -> Totals:
    """The region's year as of the scope's date, from the tallies (the current bureau's)."""
    bureau = _bureau()
    if (bureau and bureau.pk) != (s.bureau and s.bureau.pk):
        return counted(s)
    refresh(bureau)
    return _summed(_from_tallies(s))


def counted(s: Scope) -> Totals:
    """The same totals counted from the records, whatever the tallies hold: what they must equal."""
    return _summed(_from_records(s, s.start))


def _summed(lines: Counted) -> Totals:
    towns = {key for _month, axis, key, _counts in lines if axis == TallyAxis.TOWN and key}
    names = {str(pk): name for pk, name in Region.objects.filter(pk__in=towns).values_list("pk", "name")}
    result = Totals()
    for month, axis, key, counts in lines:
        result.add(month, axis, key, counts, names)
    return result


# The figures whose values the totals hold (`prime`).
TALLIED = frozenset(
    {
        "enforcement.inspections",
        "enforcement.enterprises_inspected",
        "enforcement.officer_turnouts",
        "enforcement.hazards_found",
    }
)


def prime_for(s: Scope, keys: Iterable[str]) -> None:
    """Prime the scope when some of `keys` are tallied figures (a report naming them)."""
    if TALLIED.intersection(keys):
        prime(s, totals(s))


def prime(s: Scope, found: Totals) -> None:
    """Give the scope's enforcement figures (inspections, enterprises, officers, hazards) their values."""
    s.cache.setdefault("inspections", {"inspections": found.inspections, "enterprises": found.enterprises})
    s.cache.setdefault("officers", found.officers)
    s.cache.setdefault("hazards_found", found.hazards)
