"""A large file is checked a chunk at a time, each distinct cell read once: every row that repeats a bad
value is still refused with the same words and its own row number, and every record written keeps a
history of its own."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from emgov.core import audit
from emgov.core.interchange import planning
from emgov.core.models import AuditEntry, Department, Officer
from emgov.core.tests.ledger_samples import (
    CODE_UNREGISTERED,
    Counts,
    load,
    load_before,
    load_ok,
    messages,
    sample_rows,
)
from emgov.enforcement.models import Operation, Visit

pytestmark = pytest.mark.django_db

CERTIFICATE = (
    "执法人员王五（44060500003）的执法证在2023-04-01无效（已过期、暂扣或注销）（行政处罚法第四十二条第一款）"
)


def bad_visits() -> list[list[str]]:
    return sample_rows(
        "inspections",
        {"检查编号": "JC9001", "检查日期": "2023-02-30"},  # row 2
        {"检查编号": "JC9002", "检查日期": "2023-02-30"},  # row 3: the same bad date
        {"检查编号": "JC9003", "统一社会信用代码": CODE_UNREGISTERED},  # row 4
        {"检查编号": "JC9004", "统一社会信用代码": CODE_UNREGISTERED},  # row 5: the same unknown enterprise
        {"检查编号": "JC9001"},  # row 6: the key of row 2, a chunk later when chunks are of 3 rows
        {"检查编号": "JC9005", "检查日期": "2023-04-01", "执法人员证号": "44060500001；44060500003"},  # row 7
        {"检查编号": "JC9006", "检查日期": "2023-04-01", "执法人员证号": "44060500001；44060500003"},  # row 8
        {"检查编号": "JC9007", "检查性质": "巡查"},  # row 9
        {"检查编号": "JC9006"},  # row 10: the key of row 8, in the same chunk
        {"检查编号": "JC9008", "检查日期": "2099-01-01"},  # row 11
        {"检查编号": "JC9009", "检查性质": "巡查"},  # row 12: the same bad choice, in another chunk
        {"检查编号": "JC9010"},  # row 13: a good row
    )


@pytest.mark.parametrize(
    ("chunk_rows", "refs_kept"), [(3, planning.REFS_KEPT), (3, 0), (planning.STREAM_ROWS, 0)]
)
def test_every_row_repeating_a_bad_value_is_refused_with_its_own_row_number(
    monkeypatch, chunk_rows, refs_kept
):
    monkeypatch.setattr(planning, "STREAM_ROWS", chunk_rows)
    monkeypatch.setattr(planning, "REFS_KEPT", refs_kept)
    load_before("inspections")
    counts = Counts(Visit)
    result = load("inspections", bad_visits())
    assert messages(result) == [
        "第2行 检查日期: 日期“2023-02-30”不存在",
        "第3行 检查日期: 日期“2023-02-30”不存在",
        f"第4行 统一社会信用代码: 找不到企业“{CODE_UNREGISTERED}”",
        f"第5行 统一社会信用代码: 找不到企业“{CODE_UNREGISTERED}”",
        "第6行 检查编号: 与第2行重复",
        f"第7行 执法人员证号: {CERTIFICATE}",
        f"第8行 执法人员证号: {CERTIFICATE}",
        "第9行 检查性质: “巡查”不是可选值（执法检查 / 帮扶指导 / 督导检查）",
        "第10行 检查编号: 与第8行重复",
        "第11行 检查日期: 检查日期不能晚于今天",
        "第12行 检查性质: “巡查”不是可选值（执法检查 / 帮扶指导 / 督导检查）",
    ]
    assert result.total == 12
    assert counts.unchanged()


@pytest.mark.parametrize("chunk_rows", [2, planning.STREAM_ROWS])
def test_rows_sharing_their_values_are_written_each_with_its_own(monkeypatch, chunk_rows):
    monkeypatch.setattr(planning, "STREAM_ROWS", chunk_rows)
    load_before("inspections")
    rows = sample_rows(
        "inspections",
        {"检查编号": "JC9001", "检查结果": "甲"},
        {"检查编号": "JC9002", "检查结果": "乙", "音像记录": "否"},
        {"检查编号": "JC9003", "检查日期": "2023/3/16", "执法人员证号": "44060500002；44060500001"},
        {"检查编号": "JC9004", "检查日期": "2023/3/16", "行动编号": ""},
    )
    assert load_ok("inspections", rows).created == 4
    visits = {v.number: v for v in Visit.objects.prefetch_related("officers")}
    assert [(visits[n].result, visits[n].av_recorded) for n in ("JC9001", "JC9002")] == [
        ("甲", True),
        ("乙", False),
    ]
    assert {v.date.isoformat() for n, v in visits.items() if n in ("JC9003", "JC9004")} == {"2023-03-16"}
    assert visits["JC9004"].operation is None and visits["JC9003"].operation.number == "XD2023001"
    assert {o.certificate_number for o in visits["JC9003"].officers.all()} == {"44060500001", "44060500002"}
    assert len({v.enterprise_id for v in visits.values()}) == 1


def test_a_reference_is_looked_up_once_per_file_however_many_chunks_name_it(monkeypatch):
    monkeypatch.setattr(planning, "STREAM_ROWS", 2)
    load_before("inspections")
    rows = sample_rows("inspections", *({"检查编号": f"JC90{n:02d}"} for n in range(1, 7)))
    enterprise_table = Visit._meta.get_field("enterprise").related_model._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        assert load_ok("inspections", rows).created == 6
    lookups = [
        q["sql"]
        for q in queries
        if q["sql"].startswith("SELECT") and f'FROM "{enterprise_table}"' in q["sql"]
    ]
    assert len(lookups) == 1, lookups


def test_each_imported_record_has_its_own_history_with_every_value_it_was_given():
    load_before("inspections")
    load_ok("inspections", sample_rows("inspections", {}, {"检查编号": "JC2023009", "检查结果": ""}))
    visit = Visit.objects.get(number="JC2023001")
    (created,) = audit.history(visit)
    officers = [str(o) for o in Officer.objects.filter(certificate_number__in=["44060500001", "44060500002"])]
    assert (created.action, created.object_repr, created.actor, created.via) == (
        "create",
        "JC2023001",
        None,
        "导入 测试",
    )
    assert created.changes == {
        "number": [None, "JC2023001"],
        "date": [None, "2023-03-15"],
        "enterprise": [None, str(visit.enterprise)],
        "department": [None, str(Department.objects.get(short_name="应急"))],
        "nature": [None, "执法检查"],
        "operation": [None, str(Operation.objects.get(number="XD2023001"))],
        "result": [None, "发现隐患2项"],
        "av_recorded": [None, True],
        "officers": [None, sorted(officers, key=officers.index)],
    }
    other = Visit.objects.get(number="JC2023009")
    assert "result" not in audit.history(other).get().changes

    load_ok("inspections", sample_rows("inspections", {"检查结果": "复查无隐患"}))
    changed, _created = audit.history(visit).order_by("-id")
    assert (changed.action, changed.changes) == ("change", {"result": ["发现隐患2项", "复查无隐患"]})
    assert not AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Visit), object_id=str(other.pk), action="change"
    ).exists()


def test_every_row_naming_a_voided_record_is_refused():
    load_before("inspections")
    Operation.objects.filter(number="XD2023001").update(voided_at=timezone.now())
    result = load("inspections", sample_rows("inspections", {"检查编号": "JC9001"}, {"检查编号": "JC9002"}))
    assert messages(result) == [
        "第2行 行动编号: 执法行动“XD2023001”已作废",
        "第3行 行动编号: 执法行动“XD2023001”已作废",
    ]
