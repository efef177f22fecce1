"""`emgov import`, `emgov export` and `emgov bench` on the command line."""

import pytest
from django.core.management import call_command
from python_calamine import CalamineWorkbook

from emgov.core.interchange import registry
from emgov.core.models import AuditEntry
from emgov.core.tests.ledger_samples import ORDER, SAMPLES, load_before, sample_rows, table_file
from emgov.enforcement.models import Visit

pytestmark = pytest.mark.django_db

# The columns of spec/interchange.md: K = key, R = required, O = optional.
SPEC_COLUMNS = {
    "regions": "区划代码:KR 名称:R 上级区划代码:O 层级:R",
    "departments": "部门简称:KR 部门名称:R 是否本局:O 区划代码:O",
    "officers": "执法证号:KR 姓名:R 所属部门:R 证件有效期至:O 职务:O",
    "enterprises": "统一社会信用代码:KR 企业名称:R 所属镇街:R 行业类别:R 地址:O 法定代表人:O 联系电话:O 风险等级:O 是否重点企业:O",
    "operations": "行动编号:KR 行动类型:R 行动名称:O 开始日期:R 结束日期:O 牵头部门:O 参与部门:O 带队领导:O 带队领导级别:O 是否四不两直:O 区划代码:O",
    "inspections": "检查编号:KR 检查日期:R 统一社会信用代码:R 执法部门:R 检查性质:R 行动编号:O 执法人员证号:O 检查结果:O 音像记录:O",
    "hazards": "隐患编号:KR 检查编号:R 隐患描述:R 隐患等级:R 判定依据:O 整改期限:O 整改完成日期:O 复查日期:O 复查结论:O",
    "orders": "文书编号:KR 检查编号:R 文书类型:R 签发日期:R 期限:O",
    "penalties": "决定书文号:KR 案件编号:O 立案日期:R 决定日期:R 当事人名称:R 当事人类型:R 统一社会信用代码:O 执法部门:R 违法行为:R 处罚依据:R 处罚种类:R 罚款金额:O 程序类型:R 检查编号:O 公示日期:O 区划代码:O",
    "licensing": "受理编号:KR 事项名称:R 事项类别:R 申请人:R 统一社会信用代码:O 受理日期:R 办结日期:O 办理结果:O 公示日期:O 区划代码:O",
    "counsel": "编号:KR 类型:R 日期:R 事项:R 区划代码:O",
    "litigation": "案号:KR 类型:R 收案日期:R 案由:R 相对人:O 负责人应出庭:O 负责人实际出庭:O 审理结果:O 区划代码:O",
    "normative-documents": "文号:KR 名称:R 施行日期:R 有效期至:O 状态:R 清理结果:O 清理日期:O 区划代码:O",
    "disclosures": "编号:KR 标题:R 类别:R 发布日期:R 区划代码:O",
    "outreach": "编号:KR 活动类型:R 名称:R 开始日期:R 参与人数:R 是否安全生产月:O 区划代码:O",
    "study-sessions": "编号:KR 类型:R 日期:R 主题:R 区划代码:O",
    "exams": "年度:KR 执法证号:KR 成绩:O 是否通过:R",
    "event-types": "事件类型:KR 事件大类:R 牵头部门:R 配合部门:O",
    "plans": "预案编号:KR 预案名称:R 预案类型:R 适用事件类型:O 编制单位:R 发布日期:O 下次评估日期:O 区划代码:O 批准日期:O 批准机关:O 系统启用前已发布:O",
    "drills": "演练编号:KR 演练名称:R 演练日期:R 演练形式:R 预案编号:O 组织单位:R 参演人数:O 区划代码:O",
    "teams": "队伍编号:KR 队伍名称:R 队伍类型:R 人数:R 所属镇街:O 联系人:O 联系电话:O",
    "materials": "物资编号:KR 物资名称:R 类别:R 数量:R 单位:R 存放地点:R 所属镇街:O 有效期至:O",
}


@pytest.mark.parametrize("ledger_id", ORDER)
def test_every_ledger_has_the_columns_of_the_spec(ledger_id):
    ledger = registry.get(ledger_id)
    marks = [f"{c.header}:{'K' if c.key else ''}{'R' if c.required else 'O'}" for c in ledger.columns]
    assert " ".join(marks) == SPEC_COLUMNS[ledger_id]
    assert ledger.headers == SAMPLES[ledger_id][0]


def header_of(path) -> list[str]:
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    return [str(h) for h in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[0]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("ledger_id", ORDER)
def test_export_writes_the_columns_of_the_template(ledger_id, fmt, tmp_path):
    load_before(ledger_id)
    call_command("import", ledger_id, _write(tmp_path / f"in.{fmt}", SAMPLES[ledger_id], fmt))
    template = tmp_path / f"template.{fmt}"
    with template.open("wb") as out:
        registry.get(ledger_id).template(out, fmt)
    call_command("export", ledger_id, str(tmp_path / f"out.{fmt}"))
    assert header_of(template) == SAMPLES[ledger_id][0]
    exported = header_of(tmp_path / f"out.{fmt}")
    shown = registry.get(ledger_id).shown_headers
    assert [h for h in exported if h not in shown] == SAMPLES[ledger_id][0]


def _write(path, rows, fmt) -> str:
    path.write_bytes(table_file(rows, fmt).getvalue())
    return str(path)


def test_a_bad_file_exits_1_and_prints_every_bad_row(tmp_path, capsys):
    load_before("inspections")
    audit_rows = AuditEntry.objects.count()
    rows = sample_rows(
        "inspections",
        {},
        {"检查编号": "JC2", "检查日期": "2023-02-30"},
        {"检查编号": "JC3", "执法人员证号": "44060500001"},
        {"检查编号": "JC4", "统一社会信用代码": "91440605MA4W00004N", "音像记录": "有"},
    )
    path = _write(tmp_path / "visits.csv", rows, "csv")
    with pytest.raises(SystemExit) as exc:
        call_command("import", "inspections", path)
    assert exc.value.code == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "第3行 检查日期: 日期“2023-02-30”不存在",
        "第4行 执法人员证号: 本局的执法检查须有至少两名持有效执法证的执法人员，本条只有1名（行政处罚法第四十二条第一款）",
        "第5行 统一社会信用代码: 找不到企业“91440605MA4W00004N”",
        "第5行 音像记录: “有”应填写“是”或“否”",
        "共4行，发现4处错误，未写入任何数据。",
    ]
    assert Visit.objects.count() == 0 and AuditEntry.objects.count() == audit_rows


def test_dry_run_checks_the_file_and_writes_nothing(tmp_path, capsys):
    load_before("inspections")
    audit_rows = AuditEntry.objects.count()
    path = _write(tmp_path / "visits.xlsx", SAMPLES["inspections"], "xlsx")
    call_command("import", "inspections", path, dry_run=True)
    assert capsys.readouterr().out.strip() == "检查通过，可导入：共4行，新增4条，更新0条，无变化0条。"
    assert Visit.objects.count() == 0 and AuditEntry.objects.count() == audit_rows
    call_command("import", "inspections", path)
    assert capsys.readouterr().out.strip() == "已导入：共4行，新增4条，更新0条，无变化0条。"
    assert Visit.objects.count() == 4


def test_dry_run_of_a_bad_file_exits_1_too(tmp_path, capsys):
    load_before("orders")
    path = _write(tmp_path / "orders.csv", sample_rows("orders", {"文书类型": "通知书"}), "csv")
    with pytest.raises(SystemExit) as exc:
        call_command("import", "orders", path, dry_run=True)
    assert exc.value.code == 1
    assert capsys.readouterr().err.splitlines() == [
        "第2行 文书类型: “通知书”不是可选值（责令限期整改指令书 / 责令停产停业整顿 / 现场处理措施决定书 / "
        "查封扣押决定书 / 整改复查意见书）",
        "共1行，发现1处错误，未写入任何数据。",
    ]


def test_unknown_columns_are_warned_about_and_the_file_imported(tmp_path, capsys):
    load_before("counsel")
    rows = [r + [x] for r, x in zip(SAMPLES["counsel"], ["承办人", "张律师", ""], strict=True)]
    call_command("import", "counsel", _write(tmp_path / "counsel.csv", rows, "csv"))
    captured = capsys.readouterr()
    assert captured.err.strip() == "提示：已忽略未知列“承办人”"
    assert captured.out.strip() == "已导入：共2行，新增2条，更新0条，无变化0条。"


def test_a_file_that_is_not_a_spreadsheet_is_one_clear_error(tmp_path, capsys):
    path = tmp_path / "regions.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(SystemExit):
        call_command("import", "regions", str(path))
    assert capsys.readouterr().err.splitlines()[0] == "文件: 文件不是有效的 .xlsx 表格"


def test_a_csv_that_is_not_utf8_is_refused(tmp_path, capsys):
    path = tmp_path / "regions.csv"
    path.write_bytes("区划代码,名称,层级\n440000,广东省,省\n".encode("gbk"))
    with pytest.raises(SystemExit):
        call_command("import", "regions", str(path))
    assert (
        capsys.readouterr().err.splitlines()[0]
        == "文件: CSV 文件必须是 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）"
    )
