"""Imports write in bulk: the queries do not grow with the rows; `emgov bench` measures how fast."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emgov.core import clock
from emgov.core.interchange import registry
from emgov.core.management.commands.bench import (
    Dataset,
    bench_credit_code,
    build_references,
    run_benchmark,
    visit_rows,
    with_results_revised,
)
from emgov.core.models import AuditEntry
from emgov.core.validators import validate_credit_code
from emgov.enforcement.models import Visit


def queries_to_load(rows) -> int:
    ContentType.objects.clear_cache()
    clock.today()  # the business date is read once per minute, not once per import
    with CaptureQueriesContext(connection) as captured:
        result = registry.get("inspections").load_rows(rows, actor=None, via="导入 测试")
    assert result.ok, result.errors[:3]
    return len(captured)


@pytest.mark.usefixtures("empty_database")
def test_the_queries_of_an_import_do_not_grow_with_its_rows():
    data = Dataset(visits=120, enterprises=30, officers=12)
    build_references(data, actor=None)
    header, *body = visit_rows(data)
    operation = header.index("行动编号")
    with_operation = [r for r in body if r[operation]]
    without = [r for r in body if not r[operation]]
    small = [header, *with_operation[:1], *without[:4]]
    large = [header, *with_operation, *without[:40]]
    counts = {}
    for label, table in (("small", small), ("large", large)):
        Visit.objects.all().delete()
        counts[label] = (
            queries_to_load(table),
            queries_to_load(table),
            queries_to_load(with_results_revised(table)),
        )
    assert counts["small"] == counts["large"]
    assert len(large) - 1 > 10 * (len(small) - 1)
    assert Visit.objects.count() == len(large) - 1
    changes = AuditEntry.objects.filter(action="change", via="导入 测试").count()
    assert changes == len(small) - 1 + len(large) - 1


@pytest.mark.usefixtures("empty_database")
def test_the_benchmark_data_set_is_valid_and_imports_completely(tmp_path):
    lines: list[str] = []
    data = Dataset(visits=300, enterprises=40, officers=12)
    new, same, changed = run_benchmark(data, fmt="csv", folder=tmp_path, out=lines.append)
    assert (new.result.created, new.result.total) == (300, 300)
    assert (same.result.unchanged, same.result.updated) == (300, 0)
    assert (changed.result.updated, changed.result.total) == (300, 300)
    assert Visit.objects.count() == 300 and Visit.objects.filter(result__endswith="（复核）").count() == 300
    assert AuditEntry.objects.filter(action="change").count() == 300
    assert lines[1].startswith("首次导入（全部新增）：300行（新增300，更新0，无变化0），用时")
    assert lines[1].endswith("行/秒")
    assert list(tmp_path.iterdir()) == []


def test_the_benchmark_visits_refer_to_its_enterprises_with_valid_codes():
    rows = visit_rows(Dataset(visits=50, enterprises=5))
    codes = {row[2] for row in rows[1:]}
    assert codes <= {bench_credit_code(n) for n in range(1, 6)}
    for code in codes:
        validate_credit_code(code)


def test_the_bench_command_measures_in_a_database_it_drops_afterwards(
    django_db_setup, django_db_blocker, capsys
):
    folder = Path(settings.VAR_DIR)
    with django_db_blocker.unblock():
        names = (connection.settings_dict["NAME"], connection.settings_dict["TEST"].get("NAME"))
        call_command("bench", rows=40, enterprises=6, officers=6)
        assert (connection.settings_dict["NAME"], connection.settings_dict["TEST"].get("NAME")) == names
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("临时数据库：") and lines[0].endswith("，结束后删除")
    assert [line.split("：")[0] for line in lines[2:]] == [
        "首次导入（全部新增）",
        "再次导入同一文件（无变化）",
        "导入修改过的文件（全部更新）",
        "导出",
    ]
    assert all(line.endswith("行/秒") for line in lines[2:])
    assert not list(folder.glob("bench-*"))
