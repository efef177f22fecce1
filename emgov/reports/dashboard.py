"""The leaders' dashboard: the year's key figures, monthly trends, breakdowns and deadlines of a region.

Every number is counted by the report's figures' own conditions (`figures.py`): the enforcement ones are
sums of the region's monthly tallies (`tallies.py`), which equal those counts, the others SQL aggregates
of the records. The monthly trends add up to the year's figures. The region is the user's: the district
for the bureau, the town for town staff. `dashboard_data` returns plain JSON-ready values, used by the
page and the API.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Max, Min, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import Department, Region, RegionLevel, User
from emgov.core.models.regions import bureau_region
from emgov.enforcement.models import HazardGrade, HazardStatus
from emgov.reports import figures, tallies
from emgov.reports.dashboard_deadlines import KINDS, Window, deadline_counts
from emgov.reports.figures import FIGURES, Scope
from emgov.reports.tallies import Totals

KEY_FIGURES = (
    "enforcement.inspections",
    "enforcement.enterprises_inspected",
    "enforcement.officer_turnouts",
    "enforcement.hazards_found",
    "enforcement.penalties",
    "enforcement.fines_yuan",
    "joint.actions",
    "assistance.enterprise_visits",
    "double_publicity.penalty_records",
    "licensing.cases",
    "disclosure.items",
    "litigation.cases",
)
# Industries beyond this many are summed as 其他.
TOP_INDUSTRIES = 12


class NoRegion(Exception):
    """The user has no region to show (no assigned region, or one outside their scope)."""


def region_choices(user: User) -> list[Region]:
    """The regions whose dashboard the user may open: their own (or the bureau's), districts and towns below."""
    if user.sees_everything:
        home = bureau_region() or Region.objects.filter(level=RegionLevel.COUNTY).order_by("path").first()
        paths = [home.path] if home else []
    else:
        paths = user.region_paths()
    if not paths:
        return []
    within = Q()
    for path in paths:
        within |= Q(path__startswith=path)
    # The user's own regions (a province, a city, a district, a town), then the districts and towns below.
    regions = (
        Region.with_reach()
        .filter(within)
        .filter(Q(path__in=paths) | Q(level__in=(RegionLevel.COUNTY, RegionLevel.TOWN)))
    )
    return list(regions.order_by("path"))


def pick_region(choices: list[Region], code: str | None) -> Region:
    if not choices:
        raise NoRegion
    if not code:
        return min(choices, key=lambda r: len(r.path))
    for region in choices:
        if region.code == code:
            return region
    raise NoRegion


@dataclass(frozen=True)
class Years:
    """The years the selector offers (the first year with visits up to this year) and the default one:
    this year, or when it has no visits yet, the latest year that has."""

    first: int
    last: int
    default: int

    def options(self) -> list[int]:
        return list(range(self.last, self.first - 1, -1))


def years_with_records(region: Region, today: datetime.date) -> Years:
    span = (
        figures.Visit.objects.live()
        .in_region(region)
        .filter(date__lte=today)
        .aggregate(first=Min("date"), last=Max("date"))
    )
    first = span["first"].year if span["first"] else today.year
    return Years(first=first, last=today.year, default=span["last"].year if span["last"] else today.year)


def _number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def trends(s: Scope, found: Totals) -> dict[str, list]:
    """Per month of the year: bureau inspections, hazards found on them and closed, penalties and fines."""
    months = range(1, s.as_of.month + 1)
    shown = {
        "visits": "visits",
        "hazards_found": "hazards",
        "hazards_closed": "closed",
        "penalties": "decisions",
        "fines": "fines",
    }
    return {
        "months": list(months),
        **{
            name: [_number(found.months.get(m, {}).get(measure, 0)) for m in months]
            for name, measure in shown.items()
        },
    }


def breakdowns(found: Totals) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Bureau inspections and the live hazards found on them, by town and by industry."""

    def ranked(table: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
        rows = (
            {"name": key, "visits": c.get("visits", 0), "hazards": c.get("hazards", 0)}
            for key, c in table.items()
        )
        return sorted(rows, key=lambda row: (-row["visits"], row["name"]))

    return ranked(found.towns), _top_industries(ranked(found.industries))


def _top_industries(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(rows) <= TOP_INDUSTRIES:
        return rows
    rest = rows[TOP_INDUSTRIES - 1 :]
    other = {
        "name": str(_("其他")),
        "visits": sum(r["visits"] for r in rest),
        "hazards": sum(r["hazards"] for r in rest),
    }
    return [*rows[: TOP_INDUSTRIES - 1], other]


def rectification(found: Totals) -> dict[str, Any]:
    """Of the hazards found in the year on bureau inspections: how many are closed (销号), and the major ones."""
    major, closed = HazardGrade.MAJOR, HazardStatus.CLOSED
    totals: dict[str, Any] = {
        "found": found.found(),
        "closed": found.found(status=closed),
        "major": found.found(grade=major),
        "major_closed": found.found(grade=major, status=closed),
    }
    totals["rate"] = totals["closed"] / totals["found"] if totals["found"] else 0.0
    totals["major_rate"] = totals["major_closed"] / totals["major"] if totals["major"] else 0.0
    totals["percent"] = round(totals["rate"] * 100, 1)
    return totals


def key_figures(s: Scope) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "words": str(FIGURES[key].words),
            "unit": FIGURES[key].unit,
            "value": FIGURES[key].value(s),
        }
        for key in KEY_FIGURES
    ]


def deadlines(
    user: User, region: Region, bureau: Department | None, today: datetime.date
) -> list[dict[str, Any]]:
    counts = deadline_counts(user, region, bureau, Window.of(today))
    rows = []
    for key, kind in KINDS.items():
        links = {
            when: reverse("dashboard:deadlines", kwargs={"kind": key, "when": when})
            + "?"
            + urlencode({"region": region.code})
            for when in ("overdue", "due")
        }
        rows.append({"key": key, "title": str(kind.title), **counts[key], "links": links})
    return rows


def dashboard_data(
    user: User,
    *,
    year: int | None = None,
    region_code: str | None = None,
    today: datetime.date | None = None,
    choices: list[Region] | None = None,
) -> dict[str, Any]:
    """Everything the dashboard shows, for the user's region (or one of its towns) and a year."""
    today = today or clock.today()
    region = pick_region(region_choices(user) if choices is None else choices, region_code)
    years = years_with_records(region, today)
    year = year or years.default
    as_of = today if year == today.year else datetime.date(year, 12, 31)
    s = Scope(year=year, region=region, as_of=as_of, bureau=Department.objects.filter(is_bureau=True).first())
    found = tallies.totals(s)
    tallies.prime(s, found)
    by_town, by_industry = breakdowns(found)
    return {
        "year": year,
        "as_of": as_of.isoformat(),
        "today": today.isoformat(),
        "region": {"code": region.code, "name": region.name, "level": region.level},
        "years": sorted({*years.options(), year}, reverse=True),
        "figures": key_figures(s),
        "trends": trends(s, found),
        "by_town": by_town,
        "by_industry": by_industry,
        "rectification": rectification(found),
        "deadlines": deadlines(user, region, s.bureau, today),
    }
