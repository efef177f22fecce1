"""References between ledgers, keys, columns and the one bureau: what a whole file must get right."""

import pytest

from emgov.core.interchange import registry
from emgov.core.models import AuditEntry, Department, Officer, Region
from emgov.core.tests.ledger_samples import (
    SAMPLES,
    Counts,
    load,
    load_before,
    load_ok,
    messages,
    sample_rows,
    without_column,
)
from emgov.enforcement.models import Hazard, Visit
from emgov.enterprises.models import Enterprise
from emgov.legal.models import ExamResult
from emgov.preparedness.models import Drill, EmergencyPlan, Material, RescueTeam

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_database")]


@pytest.mark.parametrize(
    ("ledger_id", "title", "written", "reason"),
    [
        ("enterprises", "所属镇街", "罗村街道", "找不到镇街“罗村街道”"),
        ("enterprises", "所属镇街", "南海区", "找不到镇街“南海区”"),
        ("enterprises", "所属镇街", "440605", "找不到镇街“440605”"),
        ("teams", "所属镇街", "西樵镇", "找不到镇街“西樵镇”"),
        ("materials", "所属镇街", "440605124", "找不到镇街“440605124”"),
        ("officers", "所属部门", "交通", "找不到部门“交通”"),
        ("officers", "所属部门", "佛山市南海区交通运输局", "找不到部门“佛山市南海区交通运输局”"),
        ("operations", "参与部门", "应急；交通", "找不到部门“交通”"),
        ("event-types", "配合部门", "消防、水利", "找不到部门“水利”"),
        ("inspections", "执法人员证号", "44060500001；44069999999", "找不到执法人员“44069999999”"),
        ("exams", "执法证号", "44069999999", "找不到执法人员“44069999999”"),
        ("inspections", "统一社会信用代码", "91440605MA4W00004N", "找不到企业“91440605MA4W00004N”"),
        ("inspections", "行动编号", "XD2099001", "找不到执法行动“XD2099001”"),
        ("hazards", "检查编号", "JC2099001", "找不到检查记录“JC2099001”"),
        ("orders", "检查编号", "JC2099001", "找不到检查记录“JC2099001”"),
        ("penalties", "检查编号", "JC2099001", "找不到检查记录“JC2099001”"),
        ("drills", "预案编号", "YA2099001", "找不到应急预案“YA2099001”"),
        ("plans", "适用事件类型", "森林火灾；台风", "找不到事件类型“台风”"),
        ("counsel", "区划代码", "440699", "找不到区划“440699”"),
        ("regions", "上级区划代码", "440699", "找不到上级区划“440699”"),
    ],
)
def test_a_reference_that_does_not_resolve_is_named(ledger_id, title, written, reason):
    load_before(ledger_id)
    counts = Counts(registry.get(ledger_id).model)
    result = load(ledger_id, sample_rows(ledger_id, {title: written}))
    assert messages(result) == [f"第2行 {title}: {reason}"]
    assert counts.unchanged()
    assert load(ledger_id, SAMPLES[ledger_id]).ok


def test_towns_by_name_or_code_and_departments_by_short_or_full_name():
    load_before("enterprises")
    load_ok(
        "enterprises",
        sample_rows(
            "enterprises",
            {"所属镇街": "440605011"},
            {"统一社会信用代码": "91440605MA4W00002G", "所属镇街": "九江镇"},
        ),
    )
    assert dict(Enterprise.objects.values_list("credit_code", "town__name")) == {
        "91440605MA4W00001D": "桂城街道",
        "91440605MA4W00002G": "九江镇",
    }
    assert Officer.objects.get(certificate_number="44060500002").department.short_name == "应急"


def test_a_reference_to_a_voided_record_is_refused():
    load_before("hazards")
    Visit.objects.filter(number="JC2023003").update(
        void_reason="录入错误", voided_at="2023-12-01T00:00:00+08:00"
    )
    counts = Counts(Hazard)
    result = load("hazards", sample_rows("hazards", {}, base=3))
    assert messages(result) == ["第2行 检查编号: 检查记录“JC2023003”已作废"]
    assert counts.unchanged()


def test_an_ambiguous_name_is_refused_and_the_code_accepted():
    load_before("enterprises")
    load_ok(
        "regions",
        [
            ["区划代码", "名称", "上级区划代码", "层级"],
            ["440606", "顺德区", "440600", "区县"],
            ["440606101", "九江镇", "440606", "镇街"],
        ],
    )
    counts = Counts(Enterprise)
    result = load("enterprises", sample_rows("enterprises", {"所属镇街": "九江镇"}))
    assert messages(result) == ["第2行 所属镇街: “九江镇”对应多个镇街，请改填区划代码"]
    assert counts.unchanged()
    load_ok("enterprises", sample_rows("enterprises", {"所属镇街": "440606101"}))
    assert Enterprise.objects.get().town.code == "440606101"


# Keys ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ledger_id", "model", "duplicate"),
    [
        ("enterprises", Enterprise, {"企业名称": "另一家"}),
        ("drills", Drill, {"演练名称": "另一次演练"}),
        ("exams", ExamResult, {"成绩": "60"}),
    ],
)
def test_a_key_twice_in_one_file_is_refused(ledger_id, model, duplicate):
    load_before(ledger_id)
    counts = Counts(model)
    result = load(ledger_id, sample_rows(ledger_id, {}, {}, duplicate))
    key = SAMPLES[ledger_id][0][0]
    assert messages(result) == [f"第3行 {key}: 与第2行重复", f"第4行 {key}: 与第2行重复"]
    assert counts.unchanged()


def test_a_duplicate_is_reported_even_when_its_first_row_is_bad():
    load_before("materials")
    result = load("materials", sample_rows("materials", {"数量": "很多"}, {}))
    assert messages(result) == ["第2行 数量: “很多”不是数字", "第3行 物资编号: 与第2行重复"]


def test_an_exam_key_is_the_year_with_the_officer():
    load_before("exams")
    load_ok("exams", sample_rows("exams", {}, {"年度": "2022"}, {"执法证号": "44060500002"}))
    assert ExamResult.objects.count() == 3


# Columns -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ledger_id", "title"),
    [
        ("inspections", "检查日期"),
        ("penalties", "处罚种类"),
        ("materials", "存放地点"),
        ("exams", "执法证号"),
    ],
)
def test_a_missing_required_column_is_named_on_the_header_row(ledger_id, title):
    load_before(ledger_id)
    counts = Counts(registry.get(ledger_id).model)
    result = load(ledger_id, without_column(SAMPLES[ledger_id], title))
    assert messages(result) == [f"第1行 {title}: 缺少必填列"]
    assert counts.unchanged()


def test_an_unknown_column_is_a_warning_and_the_file_is_imported():
    load_before("teams")
    rows = [row + [note] for row, note in zip(SAMPLES["teams"], ["备注", "常驻", ""], strict=True)]
    result = load("teams", rows)
    assert result.ok and result.created == 2
    assert result.warnings == ["已忽略未知列“备注”"]
    assert RescueTeam.objects.count() == 2


def test_a_column_named_twice_is_refused():
    load_before("teams")
    rows = [row + [row[1]] for row in SAMPLES["teams"]]
    assert messages(load("teams", rows)) == ["第1行 队伍名称: 列重复（第2列和第8列）"]


def test_columns_in_any_order_and_optional_columns_left_out():
    load_before("materials")
    rows = [[r[5], r[3], r[0], r[4], r[2], r[1]] for r in SAMPLES["materials"]]
    load_ok("materials", rows)
    material = Material.objects.get(number="WZ001")
    assert (material.location, material.town, material.valid_until) == ("九江镇应急物资仓库", None, None)


def test_an_empty_file_and_blank_rows():
    load_before("counsel")
    assert messages(load("counsel", [])) == ["文件: 文件是空的，第1行应为表头"]
    rows = SAMPLES["counsel"][:2] + [["", "", "", "", ""]] + SAMPLES["counsel"][2:] + [["", ""]]
    result = load_ok("counsel", rows)
    assert result.total == 2


def test_an_error_row_number_counts_blank_rows_as_the_spreadsheet_does():
    load_before("counsel")
    rows = [SAMPLES["counsel"][0], ["", "", "", "", ""], ["FG9", "法律意见", "昨天", "事项", ""]]
    assert messages(load("counsel", rows)) == [
        "第3行 日期: “昨天”不是日期，应写作 2023-01-31、2023/1/31 或 2023年1月31日"
    ]


# The bureau ------------------------------------------------------------------------------------------


def test_two_bureaus_in_one_departments_file_are_refused():
    load_before("departments")
    counts = Counts(Department)
    result = load(
        "departments",
        [["部门简称", "部门名称", "是否本局"], ["应急", "南海区应急管理局", "是"], ["住建", "住建局", "是"]],
    )
    assert messages(result) == ["第3行 是否本局: 只能有一个部门标记为本局，本文件第2行已标记"]
    assert counts.unchanged()


def test_a_second_bureau_against_the_database_is_refused():
    load_before("officers")
    counts = Counts(Department)
    result = load("departments", [["部门简称", "部门名称", "是否本局"], ["交通", "南海区交通运输局", "是"]])
    assert messages(result) == ["第2行 是否本局: 只能有一个部门标记为本局，已标记：佛山市南海区应急管理局"]
    assert counts.unchanged()


def test_the_bureau_row_imported_again_is_not_a_second_bureau():
    load_before("officers")
    result = load_ok("departments", SAMPLES["departments"])
    assert result.unchanged == 4
    assert Department.objects.filter(is_bureau=True).count() == 1


def test_moving_the_bureau_takes_two_files():
    load_before("officers")
    move = [
        ["部门简称", "部门名称", "是否本局"],
        ["应急", "佛山市南海区应急管理局", "否"],
        ["住建", "住建局", "是"],
    ]
    assert messages(load("departments", move)) == [
        "第3行 是否本局: 只能有一个部门标记为本局，已标记：佛山市南海区应急管理局"
    ]
    load_ok("departments", move[:2])
    load_ok("departments", [move[0], move[2]])
    assert list(Department.objects.filter(is_bureau=True).values_list("short_name", flat=True)) == ["住建"]


def test_a_plan_referring_to_an_event_type_and_a_drill_to_a_plan():
    load_before("drills")
    load_ok("drills", SAMPLES["drills"])
    assert Drill.objects.get(number="YL2023001").plan == EmergencyPlan.objects.get(number="YA2023001")
    assert list(
        EmergencyPlan.objects.get(number="YA2023001")
        .event_types.order_by("name")
        .values_list("name", flat=True)
    ) == ["危险化学品事故", "森林火灾"]


# Regions refer to regions -----------------------------------------------------------------------------

REGION = ["区划代码", "名称", "上级区划代码", "层级"]


def test_a_region_moved_under_a_new_region_of_the_same_file_is_audited_with_its_new_parent():
    load_ok("regions", SAMPLES["regions"])
    load_ok(
        "regions", [REGION, ["440605121", "九江镇", "440606", "镇街"], ["440606", "顺德区", "440600", "区县"]]
    )
    town = Region.objects.get(code="440605121")
    assert (town.parent.code, town.path) == ("440606", "/440000/440600/440606/440605121/")
    assert AuditEntry.objects.get(action="change").changes == {
        "parent": ["南海区", "顺德区"],
        "path": ["/440000/440600/440605/440605121/", "/440000/440600/440606/440605121/"],
    }


def test_a_moved_region_takes_the_regions_below_it_along():
    load_ok("regions", SAMPLES["regions"])
    load_ok("regions", [REGION, ["440700", "江门市", "440000", "市"], ["440605", "南海区", "440700", "区县"]])
    assert dict(Region.objects.filter(code__startswith="440605").values_list("code", "path")) == {
        "440605": "/440000/440700/440605/",
        "440605011": "/440000/440700/440605/440605011/",
        "440605121": "/440000/440700/440605/440605121/",
    }


def test_regions_naming_each_other_as_parents_are_refused():
    rows = [
        REGION,
        ["440000", "广东省", "", "省"],
        ["440600", "佛山市", "440605", "市"],
        ["440605", "南海区", "440600", "区县"],
    ]
    assert messages(load("regions", rows)) == [
        "第3行 上级区划代码: 上级引用形成循环",
        "第4行 上级区划代码: “440600”所在的第3行有错误",
    ]
    assert Region.objects.count() == 0
