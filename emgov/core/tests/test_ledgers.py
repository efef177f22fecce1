"""The core ledgers through the import/export engine: regions, departments, officers."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from emgov.core.interchange import registry
from emgov.core.models import AuditEntry, Department, Officer, Region

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_database")]


def csv_bytes(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8-sig"))


def load(ledger_id: str, text: str, *, dry_run: bool = False):
    return registry.get(ledger_id).load(csv_bytes(text), "csv", actor=None, via="导入 测试", dry_run=dry_run)


REGIONS = """区划代码,名称,上级区划代码,层级
440605011,桂城街道,440605,镇街
440605,南海区,440600,区县
440000,广东省,,省
440600,佛山市,440000,市
"""


def test_region_rows_may_reference_rows_of_the_same_file_in_any_order():
    result = load("regions", REGIONS)
    assert result.ok, result.errors
    assert result.created == 4
    assert Region.objects.get(code="440605011").path == "/440000/440600/440605/440605011/"
    assert AuditEntry.objects.filter(action="create", via="导入 测试").count() == 4


def test_importing_the_same_file_twice_changes_nothing():
    load("regions", REGIONS)
    versions = dict(Region.objects.values_list("code", "version"))
    again = load("regions", REGIONS)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert dict(Region.objects.values_list("code", "version")) == versions
    assert AuditEntry.objects.count() == 4


def test_a_changed_row_updates_its_record_and_is_audited():
    load("regions", REGIONS)
    result = load("regions", REGIONS.replace("桂城街道", "桂城"))
    assert (result.created, result.updated) == (0, 1)
    region = Region.objects.get(code="440605011")
    assert region.name == "桂城" and region.version == 2
    entry = AuditEntry.objects.get(action="change")
    assert entry.changes == {"name": ["桂城街道", "桂城"]}


def test_every_bad_row_is_reported_and_nothing_is_written():
    text = """区划代码,名称,上级区划代码,层级
440000,广东省,,省
44060A,佛山市,440000,市
440605,南海区,999999,区县
440605011,,440605,镇街
440605121,九江镇,440605,乡
440000,广东省重复,,省
"""
    result = load("regions", text)
    assert not result.ok
    messages = [str(e) for e in result.errors]
    assert "第3行 区划代码: 区划代码应为6位数字" in messages
    assert "第4行 上级区划代码: 找不到上级区划“999999”" in messages
    assert "第5行 名称: 必填" in messages
    assert any(m.startswith("第6行 层级: “乡”不是可选值") for m in messages)
    assert "第7行 区划代码: 与第2行重复" in messages
    assert Region.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_missing_required_column_and_unknown_column():
    result = load("regions", "区划代码,名称,备注\n440000,广东省,x\n")
    assert [str(e) for e in result.errors] == ["第1行 层级: 缺少必填列"]
    assert "已忽略未知列“备注”" in result.warnings


def test_dry_run_checks_without_writing():
    result = load("regions", REGIONS, dry_run=True)
    assert result.ok and result.created == 4
    assert Region.objects.count() == 0


def test_only_one_bureau_and_references_by_name_or_short_name():
    load("regions", REGIONS)
    result = load(
        "departments",
        "部门简称,部门名称,是否本局,区划代码\n应急,南海区应急管理局,是,440605\n住建,住建局,否,\n",
    )
    assert result.ok
    assert Department.objects.get(is_bureau=True).region.code == "440605"
    officers = "执法证号,姓名,所属部门,证件有效期至\n44060500001,张三,应急,2025/6/30\n44060500002,李四,住建局,2025年6月30日\n"
    assert load("officers", officers).ok
    assert str(Officer.objects.get(name="李四").valid_until) == "2025-06-30"
    second = load("departments", "部门简称,部门名称,是否本局\n卫健,卫健局,是\n")
    assert [str(e) for e in second.errors] == [
        "第2行 是否本局: 只能有一个部门标记为本局，已标记：南海区应急管理局"
    ]


def test_bad_dates_and_yes_no_values_are_named():
    load("departments", "部门简称,部门名称\n应急,应急局\n")
    result = load(
        "officers",
        "执法证号,姓名,所属部门,证件有效期至\n1,张三,应急,2023-02-30\n2,李四,应急,明年\n3,王五,交通,\n",
    )
    assert [str(e) for e in result.errors] == [
        "第2行 证件有效期至: 日期“2023-02-30”不存在",
        "第3行 证件有效期至: “明年”不是日期，应写作 2023-01-31、2023/1/31 或 2023年1月31日",
        "第4行 所属部门: 找不到部门“交通”",
    ]
    bad_bool = load("departments", "部门简称,部门名称,是否本局\n住建,住建局,也许\n")
    assert [str(e) for e in bad_bool.errors] == ["第2行 是否本局: “也许”应填写“是”或“否”"]


def _xlsx(rows) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def test_xlsx_with_real_date_cells_and_numeric_codes():
    import datetime

    load("departments", "部门简称,部门名称\n应急,应急局\n")
    stream = _xlsx(
        [
            ["执法证号", "姓名", "所属部门", "证件有效期至"],
            [44060500001, "张三", "应急", datetime.date(2025, 6, 30)],
        ]
    )
    result = registry.get("officers").load(stream, "xlsx", actor=None, via="导入")
    assert result.ok, result.errors
    officer = Officer.objects.get()
    assert officer.certificate_number == "44060500001" and str(officer.valid_until) == "2025-06-30"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_import_into_an_empty_database_export_gives_the_same_rows(fmt, tmp_path):
    load("regions", REGIONS)
    load(
        "departments",
        "部门简称,部门名称,是否本局,区划代码\n应急,南海区应急管理局,是,440605\n住建,住建局,否,\n",
    )
    load("officers", "执法证号,姓名,所属部门,证件有效期至,职务\n1,张三,应急,2025-06-30,科长\n2,李四,住建,,\n")
    order = ["regions", "departments", "officers"]
    first = {}
    for ledger_id in order:
        path = tmp_path / f"{ledger_id}.{fmt}"
        call_command("export", ledger_id, str(path))
        first[ledger_id] = path.read_bytes() if fmt == "csv" else _sheet_rows(path)
    Officer.objects.all().delete()
    Department.objects.all().delete()
    for region in Region.objects.order_by("-path"):
        region.delete()
    for ledger_id in order:
        call_command("import", ledger_id, str(tmp_path / f"{ledger_id}.{fmt}"))
    for ledger_id in order:
        again = tmp_path / f"again-{ledger_id}.{fmt}"
        call_command("export", ledger_id, str(again))
        assert (again.read_bytes() if fmt == "csv" else _sheet_rows(again)) == first[ledger_id]


def _sheet_rows(path):
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_import_command_reports_rows_and_exits_1(tmp_path, capsys):
    path = tmp_path / "regions.csv"
    path.write_text("区划代码,名称,上级区划代码,层级\n44000,广东省,,省\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        call_command("import", "regions", str(path))
    assert exc.value.code == 1
    assert "第2行 区划代码: 区划代码应为6位数字" in capsys.readouterr().err


def test_unknown_ledger_and_format_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match="没有名为“nope”的台账"):
        call_command("export", "nope", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match="只支持 .xlsx 和 .csv 文件"):
        call_command("export", "regions", str(tmp_path / "x.xls"))
