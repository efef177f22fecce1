"""Every ledger: import → export → import into an empty database → export gives the same rows;
the same file twice changes nothing; one changed cell changes one record, audited."""

import csv
import datetime
import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import F
from python_calamine import CalamineWorkbook

from emgov.core.interchange import registry
from emgov.core.interchange.columns import BoolColumn, DateColumn
from emgov.core.models import AuditEntry, Region
from emgov.core.tests.ledger_samples import (
    ORDER,
    SAMPLES,
    load,
    load_before,
    load_ok,
    messages,
    table_file,
    with_cell,
)
from emgov.legal.ledgers import CounselLedger
from emgov.legal.models import CounselRecord

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_database")]

# Where an export writes a reference or a list differently from the hand-made file:
# (data row, column) → the exported text. Dates are written YYYY-MM-DD and yes/no as 是/否.
EXPORTED_AS = {
    "officers": {(2, "所属部门"): "应急"},
    "enterprises": {(2, "所属镇街"): "九江镇"},
    "operations": {(1, "参与部门"): "应急；住建；消防", (3, "参与部门"): "住建；消防"},
    "inspections": {(4, "执法人员证号"): "44060500004；44060500002"},
    "event-types": {(1, "配合部门"): "住建；消防"},
    "plans": {(1, "适用事件类型"): "危险化学品事故；森林火灾"},
}
DATE = re.compile(r"^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$")
YES = {"是", "Y", "1"}


def expected_export(ledger_id: str) -> list[list[str]]:
    ledger = registry.get(ledger_id)
    kinds = {c.header: c for c in ledger.columns}
    header, *rows = SAMPLES[ledger_id]
    out = [list(header)]
    for n, row in enumerate(rows, start=1):
        cells = []
        for title, text in zip(header, row, strict=True):
            column = kinds[title]
            if isinstance(column, DateColumn) and text:
                m = DATE.match(text)
                text = datetime.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            elif isinstance(column, BoolColumn):
                text = "是" if text in YES else "否"
            cells.append(EXPORTED_AS.get(ledger_id, {}).get((n, title), text))
        out.append(cells)
    return out


def exported(ledger_id: str, path) -> list[list[str]]:
    """The exported file as text cells; in .xlsx, dates must be real date cells."""
    call_command("export", ledger_id, str(path))
    if path.suffix == ".csv":
        return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    dates = {c.header for c in registry.get(ledger_id).columns if isinstance(c, DateColumn)}
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = [str(h) for h in sheet[0]]
    rows = [header]
    for raw in sheet[1:]:
        row = []
        for title, cell in zip(header, raw, strict=True):
            if title in dates and cell != "":
                assert isinstance(cell, datetime.date), (ledger_id, title, cell)
                cell = cell.isoformat()
            elif isinstance(cell, float):
                cell = str(int(cell)) if cell.is_integer() else repr(cell)
            row.append(str(cell))
        rows.append(row)
    return rows


def importable(ledger_id: str, rows: list[list[str]]) -> list[list[str]]:
    """The rows without the columns an export adds for reading (names beside keys), which import ignores."""
    shown = registry.get(ledger_id).shown_headers
    keep = [i for i, title in enumerate(rows[0]) if title not in shown]
    return [[row[i] for i in keep] for row in rows]


def by_key(rows: list[list[str]]) -> list[list[str]]:
    return [rows[0], *sorted(rows[1:])]


def empty_the_database() -> None:
    for ledger_id in reversed(ORDER):
        model = registry.get(ledger_id).model
        if model is Region:
            for region in Region.objects.order_by("-path"):
                region.delete()
        else:
            model._default_manager.all().delete()
    AuditEntry.objects.all().delete()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_into_an_empty_database_export_gives_the_same_rows(fmt, tmp_path):
    for ledger_id in ORDER:
        load_ok(ledger_id, SAMPLES[ledger_id], fmt)
    first = {ledger_id: exported(ledger_id, tmp_path / f"1-{ledger_id}.{fmt}") for ledger_id in ORDER}
    for ledger_id in ORDER:
        assert by_key(importable(ledger_id, first[ledger_id])) == by_key(expected_export(ledger_id)), (
            ledger_id
        )

    empty_the_database()
    assert all(registry.get(i).model._default_manager.count() == 0 for i in ORDER)
    for ledger_id in ORDER:
        call_command("import", ledger_id, str(tmp_path / f"1-{ledger_id}.{fmt}"))
    for ledger_id in ORDER:
        again = exported(ledger_id, tmp_path / f"2-{ledger_id}.{fmt}")
        assert again == first[ledger_id], ledger_id
    if fmt == "csv":
        for ledger_id in ORDER:
            assert (tmp_path / f"2-{ledger_id}.csv").read_bytes() == (
                tmp_path / f"1-{ledger_id}.csv"
            ).read_bytes()


def test_every_ledger_of_the_spec_has_a_sample():
    assert sorted(i.id for i in registry.all_ledgers()) == sorted(ORDER) == sorted(SAMPLES)


def versions(model) -> dict:
    return dict(model._default_manager.values_list("pk", "version"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("ledger_id", ORDER)
def test_importing_the_same_file_twice_changes_nothing(ledger_id, fmt):
    load_before(ledger_id, fmt)
    model = registry.get(ledger_id).model
    first = load_ok(ledger_id, SAMPLES[ledger_id], fmt)
    rows = len(SAMPLES[ledger_id]) - 1
    assert (first.created, first.updated, first.unchanged) == (rows, 0, 0)
    before, audit_rows = versions(model), AuditEntry.objects.count()
    again = load_ok(ledger_id, SAMPLES[ledger_id], fmt)
    assert (again.created, again.updated, again.unchanged) == (0, 0, rows)
    assert versions(model) == before
    assert AuditEntry.objects.count() == audit_rows


# ledger: (sheet row, column, new text, record lookup, field, old value, new value as audited)
# fmt: off
ONE_CELL = {
    "regions": (6, "名称", "九江", {"code": "440605121"}, "name", "九江镇", "九江"),
    "departments": (5, "部门名称", "南海区卫生健康局", {"short_name": "卫健"}, "name", "佛山市南海区卫生健康局", "南海区卫生健康局"),
    "officers": (5, "职务", "副科长", {"certificate_number": "44060500004"}, "title", "", "副科长"),
    "enterprises": (3, "风险等级", "重大风险", {"name": "佛山市南海区乙燃气有限公司"}, "risk_level", "", "重大风险"),
    "operations": (4, "参与部门", "住建", {"number": "XD2023003"}, "departments", ["住建", "消防"], ["住建"]),
    "inspections": (5, "执法人员证号", "44060500001；44060500002；44060500004", {"number": "JC2023004"}, "officers", ["李四（44060500002）", "赵六（44060500004）"], ["张三（44060500001）", "李四（44060500002）", "赵六（44060500004）"]),
    "hazards": (4, "隐患描述", "应急预案未按期演练", {"number": "YH2023003"}, "description", "应急预案未演练", "应急预案未按期演练"),
    "orders": (3, "期限", "2023/4/10", {"number": "（南海）应急复查〔2023〕1号"}, "due_date", None, "2023-04-10"),
    "penalties": (2, "罚款金额", "30000", {"case_number": "AJ2023001"}, "fine_amount", "23456.78", "30000.00"),
    "licensing": (3, "事项名称", "应急预案备案", {"number": "XK2023002"}, "item_name", "生产安全事故应急预案备案", "应急预案备案"),
    "counsel": (3, "事项", "办公用房租赁合同审查", {"number": "FG2023002"}, "subject", "应急物资采购合同审查", "办公用房租赁合同审查"),
    "litigation": (2, "负责人实际出庭", "否", {"number": "（2023）粤0605行初1号"}, "head_appeared", True, False),
    "normative-documents": (3, "状态", "废止", {"number": "南应规〔2018〕2号"}, "status", "失效", "废止"),
    "disclosures": (3, "类别", "其他", {"number": "GK2023002"}, "category", "预警信息", "其他"),
    "outreach": (3, "参与人数", "350", {"number": "PF2023002"}, "participants", 0, 350),
    "study-sessions": (3, "日期", "2023年12月2日", {"number": "XF2023002"}, "date", "2023-12-01", "2023-12-02"),
    "exams": (3, "成绩", "75", {"year": 2023, "officer__certificate_number": "44060500004"}, "score", None, "75.0"),
    "event-types": (3, "配合部门", "消防", {"name": "危险化学品事故"}, "supporting_departments", [], ["消防"]),
    "plans": (3, "适用事件类型", "森林火灾、危险化学品事故", {"number": "YA2023002"}, "event_types", ["森林火灾"], ["森林火灾", "危险化学品事故"]),
    "drills": (3, "参演人数", "30", {"number": "YL2023002"}, "participants", None, 30),
    "teams": (3, "所属镇街", "桂城街道", {"number": "DW002"}, "town", None, "桂城街道"),
    "materials": (2, "数量", "480", {"number": "WZ001"}, "quantity", "500.00", "480.00"),
}
# fmt: on


@pytest.mark.parametrize("ledger_id", ORDER)
def test_one_changed_cell_updates_that_record_and_is_audited(ledger_id):
    row, title, text, lookup, field, old, new = ONE_CELL[ledger_id]
    load_before(ledger_id)
    model = registry.get(ledger_id).model
    load_ok(ledger_id, SAMPLES[ledger_id])
    record = model._default_manager.get(**lookup)
    before = versions(model)
    result = load_ok(ledger_id, with_cell(SAMPLES[ledger_id], row, title, text))
    rows = len(SAMPLES[ledger_id]) - 1
    assert (result.created, result.updated, result.unchanged) == (0, 1, rows - 1)
    assert versions(model) == {**before, record.pk: before[record.pk] + 1}
    change = AuditEntry.objects.get(action="change")
    assert (change.content_type.model_class(), change.object_id) == (model, str(record.pk))
    assert change.changes == {field: [old, new]}
    assert change.via == "导入 测试"


def test_a_changed_date_that_moves_a_hazard_along_its_loop_audits_the_status_too():
    load_before("hazards")
    load_ok("hazards", SAMPLES["hazards"])
    load_ok("hazards", with_cell(SAMPLES["hazards"], 4, "整改完成日期", "2023-09-20"))
    assert AuditEntry.objects.get(action="change").changes == {
        "rectified_on": [None, "2023-09-20"],
        "status": ["登记", "申请复查"],
    }


def test_a_refused_change_leaves_the_record_as_it_was():
    load_before("orders")
    load_ok("orders", SAMPLES["orders"])
    before = versions(apps.get_model("enforcement", "Order"))
    result = load(
        "orders",
        with_cell(with_cell(SAMPLES["orders"], 3, "期限", "2023-04-10"), 2, "签发日期", "2023-01-01"),
    )
    assert not result.ok
    assert versions(apps.get_model("enforcement", "Order")) == before
    assert not AuditEntry.objects.filter(action="change").exists()


class CounselEditedMeanwhile(CounselLedger):
    """The counsel ledger, with someone saving FG2023001 on the web between the check and the write."""

    def check_file(self, plan):
        CounselRecord.objects.filter(number="FG2023001").update(
            subject="网页上改的", version=F("version") + 1
        )
        return ()


def test_a_record_changed_by_someone_else_after_the_check_is_not_overwritten():
    load_before("counsel")
    load_ok("counsel", SAMPLES["counsel"])
    rows = with_cell(with_cell(SAMPLES["counsel"], 2, "事项", "导入改的"), 3, "事项", "也是导入改的")
    result = CounselEditedMeanwhile().load(table_file(rows, "csv"), "csv", actor=None, via="导入 测试")
    assert messages(result) == ["第2行 编号: 该记录在检查之后已被其他人修改，未写入任何数据，请重新导入"]
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert dict(CounselRecord.objects.values_list("number", "subject")) == {
        "FG2023001": "网页上改的",
        "FG2023002": "应急物资采购合同审查",
    }
    assert not AuditEntry.objects.filter(action="change").exists()
