"""The tallies of a district, a city and the province kept summed (`MonthTally.summed`): their dashboards
and reports read a region's own few thousand lines instead of the lines of every place within it.

A region's summed lines are its places' lines read through the one scoping primitive (`in_region`) and
grouped by year, month, axis and key, written by one INSERT … SELECT. When places are recounted
(`tallies.refresh`) the summed regions holding them are marked (`TallySumChange`), and a region's sums
are recomputed by the next read of that region: a write in one district costs the province's sums only
when the province is read. A change to the region tree marks every place (`tally_triggers`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Max, QuerySet, Sum, Value

from emgov.core.models import Region, RegionLevel
from emgov.reports.models import MonthTally, TallySumChange
from emgov.reports.tally_lines import MEASURES

# The levels whose lines are kept summed; a town reads the lines of its places.
SUMMED_LEVELS = (RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY)


def lines_of(region: Region) -> QuerySet:
    """The lines whose sum is the region's: its own summed lines (recomputed first when marked), or those
    of the places within it."""
    if region.level not in SUMMED_LEVELS:
        return lines_of_places(region)
    if TallySumChange.objects.filter(region_key=region.pk).exists():
        _sum_marked(region.pk)
    return MonthTally.objects.filter(summed=True, place=region)


def sum_marked() -> int:
    """Recompute the sums of every marked region now (after a bulk load) rather than at their reads."""
    keys = list(TallySumChange.objects.values_list("region_key", flat=True))
    for key in keys:
        _sum_marked(key)
    return len(keys)


def _sum_marked(key: int) -> None:
    with transaction.atomic():
        # The first of two readers deletes the mark and sums; the other waits for it, then reads.
        region = Region.with_reach().filter(pk=key).first()
        if TallySumChange.objects.filter(region_key=key).delete()[0] and region:
            sum_up([region])


def lines_of_places(region: Region) -> QuerySet:
    return MonthTally.objects.filter(summed=False).in_region(region)


def mark_holding(keys: Iterable[int]) -> None:
    """Mark the summed regions whose lines count any of the places `keys`. Lines without a place (key 0)
    count in the bureau's region and those above it: every summed region is marked for them."""
    keys = set(keys)
    regions = list(Region.with_reach().filter(level__in=SUMMED_LEVELS))
    paths = list(Region.objects.filter(pk__in=keys).values_list("path", flat=True))
    regions = [
        r for r in regions if 0 in keys or r.holds_every_region or any(p.startswith(r.path) for p in paths)
    ]
    TallySumChange.objects.bulk_create(
        [TallySumChange(region_key=r.pk) for r in regions], ignore_conflicts=True
    )


def sum_up(regions: list[Region]) -> None:
    """Replace the summed lines of `regions` with the sums of their places' lines."""
    MonthTally.objects.filter(summed=True, place__in=regions).delete()
    # In the order of the SELECT below: the grouped columns, then the annotations.
    columns = ["year", "month", "axis", "key", "place_id", "summed", *MEASURES, "last_date"]
    into = ", ".join(connection.ops.quote_name(c) for c in columns)
    table = connection.ops.quote_name(MonthTally._meta.db_table)
    with connection.cursor() as cursor:
        for region in regions:
            grouped = (
                lines_of_places(region)
                .order_by()
                .values("year", "month", "axis", "key")
                .annotate(
                    s_place=Value(region.pk),
                    s_summed=Value(True),
                    **{f"s_{m}": Sum(m) for m in MEASURES},
                    s_last=Max("last_date"),
                )
            )
            sql, params = grouped.query.sql_with_params()
            cursor.execute(f"INSERT INTO {table} ({into}) {sql}", params)
