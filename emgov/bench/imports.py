"""Import and export over the synthetic data set: a visits (检查记录) file of the measured district,
loaded by the ledger (validated, audited), next to an unvalidated bulk insert of the same rows."""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from emgov.bench import scales
from emgov.bench.tables import Table
from emgov.core.actors import system_actor
from emgov.core.interchange import registry
from emgov.core.interchange.files import read_rows, write_rows
from emgov.core.management.commands.bench import time_import
from emgov.core.models import Department, Officer, Region
from emgov.enforcement.models import Visit
from emgov.enterprises.models import Enterprise

HEADER = [
    "检查编号",
    "检查日期",
    "统一社会信用代码",
    "执法部门",
    "检查性质",
    "执法人员证号",
    "检查结果",
    "音像记录",
]


@dataclass
class Rate:
    label: str
    rows: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def visit_file_rows(count: int, seed: int) -> list[list[Any]]:
    """`count` new visits of the bureau at the measured district's enterprises, each valid."""
    rng = random.Random(f"{seed}-import")
    path = Region.objects.get(code=scales.MEASURED_DISTRICT).path
    codes = list(
        Enterprise.objects.filter(town__path__startswith=path)
        .order_by("pk")
        .values_list("credit_code", flat=True)
    )
    bureau = Department.objects.get(is_bureau=True)
    officers = list(
        Officer.objects.filter(department=bureau, certificate_number__startswith=scales.MEASURED_DISTRICT)
        .exclude(valid_until__lt=datetime.date(2030, 1, 1))
        .order_by("pk")
        .values_list("certificate_number", flat=True)
    )
    rows = [HEADER]
    for n in range(1, count + 1):
        first = datetime.date(scales.YEAR, 1, 1)  # up to the business date: no visit lies ahead of it
        day = first + datetime.timedelta(days=rng.randrange((scales.AS_OF - first).days + 1))
        rows.append(
            [
                f"DR{n:08d}",
                day.isoformat(),
                rng.choice(codes),
                bureau.short_name,
                rng.choice(["执法检查", "执法检查", "帮扶指导"]),
                "；".join(rng.sample(officers, 2)),
                rng.choice(["未发现问题", "资料齐全", ""]),
                "是",
            ]
        )
    return rows


def bulk_insert(path: Path, fmt: str) -> list[Rate]:
    """The same file read and written with its references looked up in memory, nothing checked, no audit.

    On PostgreSQL the foreign keys, checked row by row when the transaction commits, are checked at the
    end of the write instead, and that part is shown on a line of its own: what any import of these rows
    spends however it checks them."""
    start = time.perf_counter()
    with path.open("rb") as stream:
        header, *rows = list(read_rows(stream, fmt))
    enterprises = dict(Enterprise.objects.values_list("credit_code", "pk"))
    departments = dict(Department.objects.values_list("short_name", "pk"))
    officers = dict(Officer.objects.values_list("certificate_number", "pk"))
    visits, links = Table(Visit), Table(Visit.officers.through)
    first = (Visit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    link_pk = (Visit.officers.through.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    with transaction.atomic():
        for n, (number, day, code, department, nature, certificates, result, av) in enumerate(rows):
            pk = first + n
            visits.add(
                id=pk,
                number=f"BK{number}",
                date=datetime.date.fromisoformat(str(day)[:10]),
                enterprise_id=enterprises[code],
                department_id=departments[department],
                nature=nature,
                result=result or "",
                av_recorded=av == "是",
            )
            for certificate in str(certificates).split("；"):
                links.add(id=link_pk, visit_id=pk, officer_id=officers[certificate])
                link_pk += 1
        visits.flush()
        links.flush()
        checks = None
        if connection.vendor == "postgresql":
            checked = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            checks = time.perf_counter() - checked
    seconds = time.perf_counter() - start
    with transaction.atomic():  # out again: the ledger's import below starts from the same table
        Visit.officers.through.objects.filter(visit__number__startswith="BK").delete()
        Visit.objects.filter(number__startswith="BK").delete()
    rates = [Rate("无校验批量写入", len(rows), seconds)]
    if checks is not None:
        rates.append(Rate("其中：提交时的外键检查", len(rows), checks))
    return rates


def import_rates(count: int, *, seed: int, folder: Path, fmt: str = "csv") -> list[Rate]:
    path = folder / f"bench-scale-visits-{count}.{fmt}"
    rows = visit_file_rows(count, seed)
    with path.open("wb") as out:
        write_rows(out, fmt, rows[0], rows[1:])
    actor = system_actor()
    try:
        rates = bulk_insert(path, fmt)
        for label in ("首次导入（全部新增）", "再次导入同一文件（无变化）"):
            timing = time_import(path, fmt, label=label, actor=actor, profile=None)
            rates.append(Rate(label, timing.result.total, timing.seconds))
        ledger = registry.get("inspections")
        region = Region.objects.get(code=scales.MEASURED_DISTRICT)
        queryset = ledger.export_queryset().filter(enterprise__town__path__startswith=region.path)
        start = time.perf_counter()
        with path.open("wb") as target:
            ledger.export(queryset, target, fmt)
        rates.append(Rate("导出（本区全部检查记录）", queryset.count(), time.perf_counter() - start))
    finally:
        path.unlink(missing_ok=True)
    return rates
