"""The live hazards found on the year's bureau inspections, counted four ways in one statement for the
dashboard: by month of the visit (its trend), by town and by industry (its breakdowns), and by grade and
status (its rectification rate).

On PostgreSQL one scan serves the four groupings (`GROUPING SETS`); a province's hazards were otherwise
read four times, a second each. Elsewhere (SQLite, a single district) the four groupings are a UNION.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import F, QuerySet
from django.db.models.functions import ExtractMonth

from emgov.enforcement.models import Hazard
from emgov.reports import figures
from emgov.reports.figures import Scope

# The groupings, each with the columns it keeps (the others read NULL in its rows).
GROUPINGS = {"month": ("m",), "town": ("town",), "industry": ("industry",), "state": ("grade", "status")}
COLUMNS = ("m", "town", "industry", "grade", "status")


@dataclass
class HazardTallies:
    month: dict[int, int] = field(default_factory=dict)
    town: dict[str, int] = field(default_factory=dict)
    industry: dict[str, int] = field(default_factory=dict)
    state: dict[tuple[str, str], int] = field(default_factory=dict)

    def found(self, *, grade: str | None = None, status: str | None = None) -> int:
        return sum(
            n
            for (g, st), n in self.state.items()
            if (grade is None or g == grade) and (status is None or st == status)
        )


def _rows(qs: QuerySet) -> QuerySet:
    return qs.annotate(
        m=ExtractMonth("visit__date"),
        town=F("visit__enterprise__town__name"),
        industry=F("visit__enterprise__industry"),
    ).values_list(*COLUMNS)


def _statement(sql: str, params: tuple, vendor: str) -> tuple[str, tuple]:
    """(grouping name, the five columns, count) per group."""
    if vendor == "postgresql":
        sets = ", ".join(f"({', '.join(cols)})" for cols in GROUPINGS.values())
        cases = " ".join(
            f"WHEN GROUPING({', '.join(COLUMNS)}) = {_mask(cols)} THEN '{name}'"
            for name, cols in GROUPINGS.items()
        )
        return (
            f"SELECT CASE {cases} END, {', '.join(COLUMNS)}, COUNT(*) FROM ({sql}) t GROUP BY GROUPING SETS ({sets})",
            params,
        )
    parts = []
    for name, cols in GROUPINGS.items():
        shown = ", ".join(c if c in cols else "NULL" for c in COLUMNS)
        parts.append(f"SELECT '{name}', {shown}, COUNT(*) FROM ({sql}) t GROUP BY {', '.join(cols)}")
    return " UNION ALL ".join(parts), params * len(parts)


def _mask(kept: tuple[str, ...]) -> int:
    """GROUPING(...) of a set: a bit per column, 1 where the column is not grouped, first column highest."""
    return sum(1 << (len(COLUMNS) - 1 - i) for i, c in enumerate(COLUMNS) if c not in kept)


def hazard_tallies(s: Scope) -> HazardTallies:
    found = Hazard.objects.live().filter(visit__in=figures.bureau_inspections(s).values("pk")).order_by()
    inner, params = _rows(found).query.sql_with_params()
    connection = connections[found.db]
    sql, all_params = _statement(inner, tuple(params), connection.vendor)
    tallies: dict[str, dict] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        for name, m, town, industry, grade, status, n in cursor.fetchall():
            key = {"month": m, "town": town, "industry": industry, "state": (grade, status)}[name]
            if name == "month":
                key = int(key)
            elif name in ("town", "industry"):
                key = key or ""
            tallies[name][key] = int(n)
    return HazardTallies(**tallies)
