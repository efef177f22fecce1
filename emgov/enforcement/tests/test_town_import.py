"""A town's staff import their town's visits: every row is placed by its enterprise's town, at a
fixed number of queries however long the file."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from emgov.core import clock
from emgov.core.interchange import registry
from emgov.core.services import VIA_WEB
from emgov.enforcement.tests import phone

HEADER = ["检查编号", "检查日期", "统一社会信用代码", "执法部门", "检查性质"]


def rows(firms, count: int) -> list[list[str]]:
    return [HEADER] + [
        [f"JC-{n:03d}", "2023-06-01", firms[n % len(firms)].credit_code, "应急", "帮扶指导"]
        for n in range(count)
    ]


def dry_run(user, table):
    with CaptureQueriesContext(connection) as queries:
        result = registry.get("inspections").load_rows(table, actor=user, via=VIA_WEB, dry_run=True)
    return result, len(queries)


def test_rows_are_checked_against_the_importers_town_without_a_query_per_row(nanhai):
    firms = [phone.enterprise(nanhai.guicheng, n, f"桂城企业{n}") for n in range(1, 31)]
    nanhai.guicheng_officer.region_paths()  # the user's regions are read once and kept
    clock.today()  # so is the business date
    result, few = dry_run(nanhai.guicheng_officer, rows(firms[:3], 3))
    assert not result.errors and result.created == 3
    result, many = dry_run(nanhai.guicheng_officer, rows(firms, 30))
    assert not result.errors and result.created == 30
    assert many == few

    other = phone.enterprise(nanhai.jiujiang, 99, "九江企业")
    result, _ = dry_run(nanhai.guicheng_officer, rows([*firms[:3], other], 4))
    assert [(e.row, e.message) for e in result.errors] == [(5, "该行记录不在您负责的区划内，不能导入")]


def test_a_visit_dated_after_today_is_refused_by_the_import_as_by_the_phone_page(nanhai):
    import datetime

    from django.utils import timezone

    from emgov.enforcement.models import Visit

    firm = phone.enterprise(nanhai.guicheng, 1, "桂城企业")
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    table = [HEADER, ["JC-001", tomorrow, firm.credit_code, "应急", "帮扶指导"]]
    result = registry.get("inspections").load_rows(table, actor=nanhai.guicheng_officer, via=VIA_WEB)
    assert [(e.row, "检查日期不能晚于今天" in e.message) for e in result.errors] == [(2, True)]
    assert not Visit.objects.exists()
    page = nanhai.client_for(nanhai.guicheng_officer).post(
        "/enforcement/visits/new/",
        {"number": "JC-002", "date": tomorrow, "enterprise": firm.credit_code, "nature": "帮扶指导"},
    )
    assert page.status_code == 200 and "检查日期不能晚于今天" in page.content.decode()
    assert not Visit.objects.exists()
