"""The timings: the report figures against their bound, the pages as a district and a province user."""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from emgov.bench import bounds, scales
from emgov.bench.tables import analyze
from emgov.core import services
from emgov.core.actors import system_actor
from emgov.core.models import Region, RegionLevel, Role, User
from emgov.enforcement.models import Visit
from emgov.reports import tallies, tally_sums
from emgov.reports.figures import FIGURES, Scope
from emgov.reports.models import MonthTally, TallyChange

VIA = "命令 bench"


class BoundMismatch(AssertionError):
    """The hand-written SQL and the project disagree on a figure: the timing would compare apples and pears."""


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The median seconds of `runs` calls (after none: the first call counts), and the last result."""
    seconds, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), result


@dataclass
class FigureTiming:
    region: str
    block: str
    keys: list[str]
    project: float
    bound: float | None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.project / self.bound if self.bound else None


def values(scope: Scope, keys: list[str]) -> dict[str, Any]:
    """The figures as a report computes them: a new scope each time (no totals kept from a run before)."""
    fresh = dataclasses.replace(scope, cache={})
    return {k: FIGURES[k].value(fresh) for k in keys}


def figure_timings(region_code: str, *, runs: int) -> list[FigureTiming]:
    """Each bound block next to the project's figures of the same keys, then every other figure, then
    the whole report (`compute`); raises BoundMismatch where a value differs."""
    scope = Scope.of(year=scales.YEAR, region_code=region_code, as_of=scales.AS_OF)
    p = bounds.params(path=scope.region.path, start=scope.start, end=scope.as_of, bureau=scope.bureau.pk)
    out, bound_keys = [], set()
    for block, sql in bounds.BLOCKS.items():
        bound_seconds, expected = timed(lambda sql=sql: sql(p), runs)
        keys = list(expected)
        project_seconds, got = timed(lambda keys=keys: values(scope, keys), runs)
        wrong = {k: (got[k], expected[k]) for k in keys if got[k] != expected[k]}
        if wrong:
            raise BoundMismatch(f"{region_code} {block}: project ≠ bound: {wrong}")
        bound_keys.update(keys)
        out.append(FigureTiming(region_code, block, keys, project_seconds, bound_seconds, got))
    others = [k for k in FIGURES if k not in bound_keys]
    seconds, got = timed(lambda: values(scope, others), runs)
    out.append(FigureTiming(region_code, "other", others, seconds, None, got))
    total_bound = sum(t.bound or 0 for t in out)
    seconds, _values = timed(lambda: values(scope, list(FIGURES)), runs)
    out.append(FigureTiming(region_code, "all", list(FIGURES), seconds, total_bound))
    return out


@dataclass
class PageTiming:
    user: str
    page: str
    url: str
    p50: float
    p95: float
    queries: int
    status: int


def bench_user(region_code: str, role: str = Role.LEADER) -> User:
    username = f"bench-{region_code}-{role}"
    existing = User.objects.filter(username=username).first()
    if existing:
        return existing
    return services.user_create(
        actor=system_actor(),
        username=username,
        password=None,
        regions=[Region.objects.get(code=region_code)],
        role=role,
        via=VIA,
    )


def page_urls(region_code: str) -> list[tuple[str, str]]:
    visits = reverse("enforcement:visits-list")
    sample = Visit.objects.filter(
        enterprise__town__path__startswith=Region.objects.get(code=region_code).path
    )
    detail = sample.order_by("pk").values_list("pk", flat=True).first()
    return [
        ("检查记录 第1页", visits),
        ("检查记录 第200页", f"{visits}?page=200"),
        ("检查记录 筛选", f"{visits}?nature=执法检查&year=2023"),
        ("检查记录 搜索", f"{visits}?q=测试企业12"),
        ("隐患 第1页", reverse("enforcement:hazards-list")),
        ("执法文书 第1页", reverse("enforcement:orders-list")),
        ("行政处罚 第1页", reverse("cases:penalties-list")),
        ("企业 第1页", reverse("enterprises:enterprises-list")),
        ("企业 搜索", reverse("enterprises:enterprises-list") + "?q=测试企业12"),
        ("领导驾驶舱", reverse("dashboard:index") + "?year=2023"),
        ("年度报告", reverse("reports:annual") + f"?year=2023&region={region_code}&as_of={scales.AS_OF}"),
        ("检查记录 详情", reverse("enforcement:visits-detail", kwargs={"pk": detail or 0})),
    ]


def page_timings(region_code: str, label: str, *, runs: int) -> list[PageTiming]:
    client = Client(
        raise_request_exception=False,
        HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".") or "localhost",
    )
    client.force_login(bench_user(region_code))
    out = []
    for page, url in page_urls(region_code):
        page_runs = max(1, runs // 5) if page == "年度报告" else runs
        # One request untimed first: a process's first request of a page loads its templates and
        # translations, which a server does once, not per request.
        client.get(url)
        seconds = []
        for _ in range(page_runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                seconds.append(time.perf_counter() - start)
        seconds.sort()
        p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
        out.append(
            PageTiming(label, page, url, statistics.median(seconds), p95, len(queries), response.status_code)
        )
    return out


def tally_timings(region_code: str, top_code: str) -> dict[str, float]:
    """Seconds to recompute the dashboard's tallies of every place, then the sums of every district, city
    and the province (as after a bulk load or an upgrade); then after a write in one town of the
    district, the town's tallies (paid by the next read of any region) and the sums of the district and
    of the top region (paid by their next reads)."""
    every = [0, *Region.objects.values_list("pk", flat=True)]
    TallyChange.objects.bulk_create([TallyChange(place_key=k) for k in every], ignore_conflicts=True)
    seconds = {"every_place": timed(tallies.refresh, 1)[0], "every_sum": timed(tally_sums.sum_marked, 1)[0]}
    analyze(MonthTally)
    district = Region.objects.get(code=region_code)
    town = (
        Region.objects.filter(path__startswith=district.path, level=RegionLevel.TOWN).order_by("path").first()
    )
    TallyChange.objects.get_or_create(place_key=town.pk if town else district.pk)
    seconds["one_town"] = timed(tallies.refresh, 1)[0]
    for name, region in (("district_sum", district), ("top_sum", Region.with_reach().get(code=top_code))):
        seconds[name] = timed(lambda region=region: list(tally_sums.lines_of(region)[:1]), 1)[0]
    return {name: round(s, 3) for name, s in seconds.items()}
