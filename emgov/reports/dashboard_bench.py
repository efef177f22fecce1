"""The dashboard's measurement in `emgov bench`: the district's dashboard over the bench data set.

After the bench has imported its visits, hazards (one per four bureau inspections, some overdue, some
closed) and penalty decisions (one per twenty, some unpublished) are imported the same way, and the
dashboard is computed as the district's leader sees it: the time of each run and its queries.
"""

from __future__ import annotations

import datetime
import secrets
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection

from emgov.core import services
from emgov.core.interchange import registry
from emgov.core.models import Region, Role
from emgov.enforcement.models import Visit, VisitNature
from emgov.reports.dashboard import dashboard_data

VIA = "命令 bench"
RUNS = 3
YEAR = 2023
TODAY = datetime.date(YEAR, 12, 4)


def _load(ledger_id: str, rows: list[list[Any]], actor: Any) -> None:
    result = registry.get(ledger_id).load_rows(rows, actor=actor, via=VIA)
    if not result.ok:
        shown = "\n".join(str(e) for e in result.errors[:10])
        raise RuntimeError(f"测试数据导入失败（{ledger_id}）：\n{shown}")


def hazard_and_penalty_rows(visits: list[tuple[str, datetime.date, str]]) -> tuple[list, list]:
    hazards: list[list[Any]] = [
        ["隐患编号", "检查编号", "隐患描述", "隐患等级", "判定依据", "整改期限", "复查日期", "复查结论"]
    ]
    penalties: list[list[Any]] = [
        ["决定书文号", "立案日期", "决定日期", "当事人名称", "当事人类型", "统一社会信用代码", "执法部门"]
        + ["违法行为", "处罚依据", "处罚种类", "罚款金额", "程序类型", "检查编号", "公示日期"]
    ]
    for n, (number, date, credit_code) in enumerate(visits):
        if n % 4 == 0:
            deadline = date + datetime.timedelta(days=30)
            closed = n % 3 != 0 and deadline <= TODAY
            review = (deadline.isoformat(), "已整改") if closed else ("", "")
            grade = "重大事故隐患" if n % 40 == 0 else "一般隐患"
            # A major hazard names its clause of the 判定标准.
            basis = "《工贸企业重大事故隐患判定标准》第十一条第（一）项" if n % 40 == 0 else ""
            hazards.append(
                [f"YH{number}", number, "消防通道堵塞", grade, basis, deadline.isoformat(), *review]
            )
        if n % 20 == 0:
            published = "" if n % 60 == 0 else (date + datetime.timedelta(days=3)).isoformat()
            penalties.append(
                [
                    f"（南海）应急罚〔{date.year}〕{n + 1}号",
                    date,
                    date,
                    "测试企业",
                    "法人",
                    credit_code,
                    "应急",
                ]
                + ["未按规定开展安全生产教育培训", "《中华人民共和国安全生产法》第九十七条", "罚款"]
                + ["5000", "普通程序", number, published]
            )
    return hazards, penalties


def measure_dashboard(*, actor: Any, district: str, out: Callable[[str], None]) -> list[float]:
    from django.test.utils import CaptureQueriesContext  # only when measuring: no test tools at run time

    started = time.perf_counter()
    visits = list(
        Visit.objects.filter(department__is_bureau=True, nature=VisitNature.ENFORCEMENT, date__lte=TODAY)
        .order_by("number")
        .values_list("number", "date", "enterprise__credit_code")
    )
    hazards, penalties = hazard_and_penalty_rows(visits)
    _load("hazards", hazards, actor)
    _load("penalties", penalties, actor)
    region = Region.objects.get(code=district)
    leader = services.user_create(
        actor=actor,
        username=f"bench-leader-{secrets.token_hex(3)}",
        password=secrets.token_urlsafe(16),
        regions=[region],
        role=Role.LEADER,
        via=VIA,
    )
    out(
        f"驾驶舱准备：导入隐患{len(hazards) - 1}条、行政处罚{len(penalties) - 1}条，"
        f"用时 {time.perf_counter() - started:.1f} 秒"
    )
    seconds = []
    for _run in range(RUNS):
        leader = type(leader).objects.get(pk=leader.pk)  # a fresh request's user: no cached regions
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            data = dashboard_data(leader, year=YEAR, today=TODAY)
            seconds.append(time.perf_counter() - start)
    visits_total = sum(data["trends"]["visits"])
    out(
        f"领导驾驶舱（{region.name}，{YEAR}年，{visits_total}次本局执法检查）：{RUNS}次计算，"
        f"中位数 {statistics.median(seconds):.2f} 秒（最慢 {max(seconds):.2f} 秒），每次 {len(queries)} 条查询"
    )
    return seconds
