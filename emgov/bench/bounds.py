"""Hand-written SQL computing the report's figures over the large tables: the bound the project's figures
are timed against. The same text runs on SQLite and PostgreSQL.

Every block returns the figures' values in the project's types; the benchmark asserts they equal the
project's (`emgov.reports.figures`). The SQL relies on what holds in the synthetic data set: every
operation and every penalty case is placed by its visits, its enterprise or its own 区划代码, never by
the bureau's fallback (a difference would show as a failed assertion, not as a wrong time).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import connection

from emgov.enforcement.queries import MIN_ENTERPRISES_PER_OPERATION, MIN_OPERATIONS_PER_MONTH

# The region's subtree, and the live visits placed in it (params: the path pattern). Visits, hazards,
# orders and cases keep the region that places them (`place_id`, kept by the project on every write),
# so the bound filters that key as the project does.
SUBTREE = "SELECT id FROM core_region WHERE path LIKE %(path)s"
REGION_VISITS = f"""
    SELECT v.id, v.date, v.enterprise_id, v.department_id, v.nature, v.operation_id, e.town_id, e.industry
    FROM enforcement_visit v JOIN enterprises_enterprise e ON e.id = v.enterprise_id
    WHERE v.voided_at IS NULL AND v.place_id IN ({SUBTREE})"""
# Operations in the region: one of their live visits is, or they have none and their 区划代码 is.
OPERATION_IN_REGION = f"""(
    o.id IN (SELECT operation_id FROM ({REGION_VISITS}) rv WHERE rv.operation_id IS NOT NULL)
    OR (NOT EXISTS (SELECT 1 FROM enforcement_visit w WHERE w.operation_id = o.id AND w.voided_at IS NULL)
        AND o.region_id IN ({SUBTREE})))"""
JOINT_VISITS = f"""
    SELECT rv.* FROM ({REGION_VISITS}) rv JOIN enforcement_operation o ON o.id = rv.operation_id
    WHERE o.voided_at IS NULL AND o.kind = '联合执法' AND o.start_date BETWEEN %(start)s AND %(end)s"""
BUREAU_INSPECTIONS = f"""
    SELECT rv.* FROM ({REGION_VISITS}) rv
    WHERE rv.department_id = %(bureau)s AND rv.nature = '执法检查' AND rv.date BETWEEN %(start)s AND %(end)s"""


def _rows(sql: str, params: dict[str, Any]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def joint(p: dict[str, Any]) -> dict[str, Any]:
    actions, visits, towns = _rows(
        f"SELECT COUNT(DISTINCT operation_id), COUNT(*), COUNT(DISTINCT town_id) FROM ({JOINT_VISITS}) jv", p
    )[0]
    industries = _rows(f"SELECT DISTINCT industry FROM ({JOINT_VISITS}) jv", p)
    hazards, suspended = _rows(
        f"""SELECT
            (SELECT COUNT(*) FROM enforcement_hazard h JOIN ({JOINT_VISITS}) jv ON jv.id = h.visit_id
             WHERE h.voided_at IS NULL),
            (SELECT COUNT(DISTINCT jv.enterprise_id) FROM enforcement_order r
             JOIN ({JOINT_VISITS}) jv ON jv.id = r.visit_id
             WHERE r.voided_at IS NULL AND r.doc_type = '责令停产停业整顿')""",
        p,
    )[0]
    return {
        "joint.actions": actions,
        "joint.enterprise_visits": visits,
        "joint.hazards_found": hazards,
        "joint.towns_covered": towns,
        "joint.industries": sorted(i for (i,) in industries),
        "joint.enterprises_suspended": suspended,
    }


def assistance(p: dict[str, Any]) -> dict[str, Any]:
    sql = f"SELECT COUNT(*) FROM ({REGION_VISITS}) rv WHERE nature = '帮扶指导' AND date BETWEEN %(start)s AND %(end)s"
    return {"assistance.enterprise_visits": _rows(sql, p)[0][0]}


def supervision(p: dict[str, Any]) -> dict[str, Any]:
    led = _rows(
        f"""SELECT COUNT(*) FROM enforcement_operation o
        WHERE o.voided_at IS NULL AND o.kind = '督导检查' AND o.leader_level = '区领导'
          AND o.start_date BETWEEN %(start)s AND %(end)s AND {OPERATION_IN_REGION}""",
        p,
    )[0][0]
    rows = _rows(
        f"""SELECT o.id, o.start_date, rv.enterprise_id, rv.town_id FROM enforcement_operation o
        LEFT JOIN ({REGION_VISITS}) rv ON rv.operation_id = o.id
        WHERE o.voided_at IS NULL AND o.unannounced AND o.start_date BETWEEN %(start)s AND %(end)s
          AND {OPERATION_IN_REGION}""",
        p,
    )
    towns = {t for (t,) in _rows("SELECT id FROM core_region WHERE level = '镇街' AND path LIKE %(path)s", p)}
    reach: dict[int, set] = {}
    covered: dict[int, set] = {}
    month_of: dict[int, int] = {}
    for op, start, enterprise, town in rows:
        start = start if isinstance(start, datetime.date) else datetime.date.fromisoformat(start)
        month_of[op] = start.month
        reach.setdefault(op, set())
        if enterprise is not None:
            reach[op].add(enterprise)
            covered.setdefault(start.month, set()).add(town)
    met = []
    for month in range(1, p["end"].month + 1):
        ops = [op for op, m in month_of.items() if m == month]
        if (
            len(ops) >= MIN_OPERATIONS_PER_MONTH
            and all(len(reach[op]) >= MIN_ENTERPRISES_PER_OPERATION for op in ops)
            and towns <= covered.get(month, set())
        ):
            met.append(month)
    return {"supervision.leader_led": led, "supervision.unannounced_months": met}


def penalties(p: dict[str, Any]) -> dict[str, Any]:
    published, decided, fines = _rows(
        f"""SELECT
            SUM(CASE WHEN c.published_on BETWEEN %(start)s AND %(end)s THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.decided_on BETWEEN %(start)s AND %(end)s THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.decided_on BETWEEN %(start)s AND %(end)s THEN c.fine_amount END)
        FROM cases_penaltycase c
        WHERE c.voided_at IS NULL AND c.department_id = %(bureau)s AND c.place_id IN ({SUBTREE})""",
        p,
    )[0]
    total = Decimal(str(fines or 0))
    return {
        "double_publicity.penalty_records": int(published or 0),
        "enforcement.penalties": int(decided or 0),
        "enforcement.fines_yuan": int(total) if total == total.to_integral_value() else float(total),
    }


def enforcement(p: dict[str, Any]) -> dict[str, Any]:
    inspections, enterprises, turnouts, hazards = _rows(
        f"""SELECT COUNT(*), COUNT(DISTINCT enterprise_id),
            (SELECT COUNT(*) FROM ({BUREAU_INSPECTIONS}) bi
             JOIN enforcement_visit_officers vo ON vo.visit_id = bi.id JOIN core_officer f ON f.id = vo.officer_id
             WHERE f.valid_until IS NULL OR f.valid_until >= bi.date),
            (SELECT COUNT(*) FROM enforcement_hazard h JOIN ({BUREAU_INSPECTIONS}) bi ON bi.id = h.visit_id
             WHERE h.voided_at IS NULL)
        FROM ({BUREAU_INSPECTIONS}) b""",
        p,
    )[0]
    return {
        "enforcement.officer_turnouts": turnouts,
        "enforcement.enterprises_inspected": enterprises,
        "enforcement.inspections": inspections,
        "enforcement.hazards_found": hazards,
    }


BLOCKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "joint": joint,
    "assistance": assistance,
    "supervision": supervision,
    "penalties": penalties,
    "enforcement": enforcement,
}


def params(*, path: str, start: datetime.date, end: datetime.date, bureau: int) -> dict[str, Any]:
    return {"path": path + "%", "start": start, "end": end, "bureau": bureau}
