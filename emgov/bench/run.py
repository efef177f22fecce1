"""`emgov bench --scale`: build the data set, time everything, print the table (or the JSON)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.db import connection

from emgov.bench import scales
from emgov.bench.synthetic import Builder
from emgov.core import clock


def run_scale(
    scale_name: str,
    *,
    seed: int,
    factor: float,
    runs: int,
    import_rows: int,
    folder: Path,
    out: Callable[[str], None],
    as_json: bool = False,
    reuse: bool = False,
) -> dict[str, Any]:
    # Test tools (the test client, query capture) are loaded only when measuring.
    from emgov.bench.imports import import_rates
    from emgov.bench.runners import figure_timings, page_timings, tally_timings

    scale = scales.scale_of(scale_name, factor)
    clock.business_date_set(scales.AS_OF, "emgov bench")
    started = time.perf_counter()
    builder = Builder(scale, seed, progress=out if not as_json else lambda line: None)
    if reuse:
        builder.count_existing()
    else:
        builder.build()
    built = time.perf_counter() - started
    result: dict[str, Any] = {
        "scale": scale_name,
        "factor": factor,
        "seed": seed,
        "database": connection.vendor,
        "districts": scale.district_count,
        "rows": builder.counts,
        "build_seconds": round(built, 1),
    }
    if not as_json:
        out(f"数据集（{scale_name}，{scale.district_count}个区县，{connection.vendor}）用时 {built:.0f} 秒：")
        out("  " + "，".join(f"{t} {n:,}" for t, n in sorted(builder.counts.items())))
    regions = [scales.MEASURED_DISTRICT] + (
        [scale.top_region] if scale.top_region != scales.MEASURED_DISTRICT else []
    )
    text = (lambda *parts: None) if as_json else (lambda *parts: print_table(*parts, out=out))
    result["tallies"] = tally_timings(scales.MEASURED_DISTRICT, scale.top_region)
    if not as_json:
        out(
            "月度汇总重算：全部区划 {every_place:.1f} 秒，汇总行 {every_sum:.1f} 秒；"
            "一个镇街写入后 {one_town_ms:.0f} 毫秒，区县汇总行 {district_ms:.0f} 毫秒，全域汇总行 {top_ms:.0f} 毫秒".format(
                **result["tallies"],
                one_town_ms=result["tallies"]["one_town"] * 1000,
                district_ms=result["tallies"]["district_sum"] * 1000,
                top_ms=result["tallies"]["top_sum"] * 1000,
            )
        )
    figures = [t for code in regions for t in figure_timings(code, runs=runs)]
    result["figures"] = [asdict(t) | {"ratio": t.ratio} for t in figures]
    text(figures, [], [])
    pages = [
        t
        for code in regions
        for t in page_timings(code, "区县" if code == regions[0] else "全域", runs=runs * 5)
    ]
    result["pages"] = [asdict(t) for t in pages]
    text([], pages, [])
    rates = import_rates(import_rows, seed=seed, folder=folder) if import_rows else []
    result["imports"] = [asdict(r) | {"per_second": r.per_second} for r in rates]
    text([], [], rates)
    if as_json:
        out(json.dumps(result, ensure_ascii=False, default=str, indent=1))
    return result


def print_table(figures, pages, rates, *, out: Callable[[str], None]) -> None:
    """Each part as soon as it is measured: a province's run takes a while."""
    if figures:
        out("")
        out(f"{'区划':<8}{'指标块':<14}{'项目(ms)':>10}{'手写SQL(ms)':>13}{'倍数':>7}")
    for t in figures:
        bound = f"{t.bound * 1000:,.1f}" if t.bound else "—"
        ratio = f"{t.ratio:.2f}" if t.ratio else "—"
        out(f"{t.region:<8}{t.block:<14}{t.project * 1000:>10,.1f}{bound:>13}{ratio:>7}")
    if pages:
        out("")
        out(f"{'用户':<6}{'页面':<16}{'p50(ms)':>9}{'p95(ms)':>9}{'查询':>6}{'状态':>6}")
    for p in pages:
        out(f"{p.user:<6}{p.page:<16}{p.p50 * 1000:>9,.1f}{p.p95 * 1000:>9,.1f}{p.queries:>6}{p.status:>6}")
    if rates:
        out("")
    for r in rates:
        out(f"{r.label}：{r.rows:,} 行，{r.seconds:.1f} 秒，{r.per_second:,.0f} 行/秒")
