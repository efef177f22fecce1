"""Cell values of spec/interchange.md: credit codes, dates, yes/no, lists, money and counts."""

import datetime
from decimal import Decimal

import pytest

from emgov.cases.models import PenaltyCase
from emgov.core.models import Department, Officer
from emgov.core.tests.ledger_samples import (
    CODE_A,
    CODE_UNREGISTERED,
    Counts,
    load,
    load_before,
    load_ok,
    messages,
    sample_rows,
)
from emgov.enforcement.models import Operation
from emgov.enterprises.models import Enterprise
from emgov.legal.models import ExamResult, LitigationCase
from emgov.licensing.models import LicensingCase
from emgov.outreach.models import OutreachActivity
from emgov.preparedness.models import Material

pytestmark = pytest.mark.django_db

# 统一社会信用代码 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91440605MA4W00001E", "统一社会信用代码“91440605MA4W00001E”校验位不正确"),
        ("91440605MA4W0001D", "统一社会信用代码应为18位，“91440605MA4W0001D”为17位"),
        ("91440605MA4I00001D", "统一社会信用代码“91440605MA4I00001D”含有不允许的字符“I”"),
        ("91440605MA4O00001D", "统一社会信用代码“91440605MA4O00001D”含有不允许的字符“O”"),
        ("91440605MA4S00001D", "统一社会信用代码“91440605MA4S00001D”含有不允许的字符“S”"),
        ("91440605MA4V00001D", "统一社会信用代码“91440605MA4V00001D”含有不允许的字符“V”"),
        ("91440605MA4Z00001D", "统一社会信用代码“91440605MA4Z00001D”含有不允许的字符“Z”"),
    ],
)
def test_enterprise_with_a_bad_credit_code_is_refused(code, reason):
    load_before("enterprises")
    counts = Counts(Enterprise)
    result = load("enterprises", sample_rows("enterprises", {}, {"统一社会信用代码": code}, base=2))
    assert messages(result) == [f"第3行 统一社会信用代码: {reason}"]
    assert counts.unchanged()


def test_a_too_long_credit_code_is_one_message():
    load_before("enterprises")
    result = load("enterprises", sample_rows("enterprises", {"统一社会信用代码": CODE_A + "1"}))
    assert messages(result) == [f"第2行 统一社会信用代码: 统一社会信用代码应为18位，“{CODE_A}1”为19位"]


@pytest.mark.parametrize(("ledger_id", "model"), [("penalties", PenaltyCase), ("licensing", LicensingCase)])
def test_credit_codes_of_parties_and_applicants_are_checked_too(ledger_id, model):
    load_before(ledger_id)
    counts = Counts(model)
    result = load(ledger_id, sample_rows(ledger_id, {"统一社会信用代码": "91440605MA4W00004M"}))
    assert messages(result) == ["第2行 统一社会信用代码: 统一社会信用代码“91440605MA4W00004M”校验位不正确"]
    assert counts.unchanged()


def test_a_valid_credit_code_outside_the_register_is_kept_without_an_enterprise():
    load_before("penalties")
    load_ok("penalties", sample_rows("penalties", {"统一社会信用代码": CODE_UNREGISTERED}))
    case = PenaltyCase.objects.get()
    assert case.party_credit_code == CODE_UNREGISTERED and case.enterprise is None


# Dates ---------------------------------------------------------------------------------------------


OFFICER = ["执法证号", "姓名", "所属部门", "证件有效期至"]


@pytest.mark.parametrize(
    "written", ["2025-06-30", "2025/6/30", "2025/06/30", "2025年6月30日", "2025年06月30日"]
)
def test_dates_in_every_accepted_form(written):
    load_before("officers")
    load_ok("officers", [OFFICER, ["1", "张三", "应急", written]])
    assert Officer.objects.get().valid_until == datetime.date(2025, 6, 30)


@pytest.mark.parametrize("cell", [datetime.date(2025, 6, 30), datetime.datetime(2025, 6, 30, 0, 0)])
def test_a_real_excel_date_cell(cell):
    load_before("officers")
    load_ok("officers", [OFFICER, ["1", "张三", "应急", cell]], "xlsx")
    assert Officer.objects.get().valid_until == datetime.date(2025, 6, 30)


def test_bad_dates_are_named_and_nothing_is_written():
    load_before("officers")
    counts = Counts(Officer)
    result = load(
        "officers",
        [
            OFFICER,
            ["1", "张三", "应急", "2023-02-30"],
            ["2", "李四", "应急", "明年"],
            ["3", "王五", "应急", "2023-13-01"],
            ["4", "赵六", "应急", "30/06/2025"],
            ["5", "钱七", "应急", "2025-06-30"],
        ],
    )
    assert messages(result) == [
        "第2行 证件有效期至: 日期“2023-02-30”不存在",
        "第3行 证件有效期至: “明年”不是日期，应写作 2023-01-31、2023/1/31 或 2023年1月31日",
        "第4行 证件有效期至: 日期“2023-13-01”不存在",
        "第5行 证件有效期至: “30/06/2025”不是日期，应写作 2023-01-31、2023/1/31 或 2023年1月31日",
    ]
    assert counts.unchanged()


def test_a_number_in_a_date_column_of_a_sheet_is_not_taken_for_a_date():
    load_before("officers")
    result = load("officers", [OFFICER, ["1", "张三", "应急", 45107]], "xlsx")
    assert messages(result) == [
        "第2行 证件有效期至: “45107”不是日期，应写作 2023-01-31、2023/1/31 或 2023年1月31日"
    ]


# Yes / no ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("是", True),
        ("否", False),
        ("Y", True),
        ("N", False),
        ("y", True),
        ("1", True),
        ("0", False),
        ("true", True),
        ("false", False),
        ("TRUE", True),
        ("", False),
    ],
)
def test_yes_no_words(word, value):
    load_before("litigation")
    load_ok("litigation", sample_rows("litigation", {"负责人应出庭": word, "负责人实际出庭": ""}))
    assert LitigationCase.objects.get().head_required is value


@pytest.mark.parametrize("cell", [True, 1])
def test_yes_in_a_sheet_as_a_boolean_or_number_cell(cell):
    load_before("litigation")
    load_ok("litigation", sample_rows("litigation", {"负责人应出庭": cell}), "xlsx")
    assert LitigationCase.objects.get().head_required is True


def test_a_yes_no_word_that_is_neither_is_refused():
    load_before("departments")
    counts = Counts(Department)
    result = load("departments", [["部门简称", "部门名称", "是否本局"], ["住建", "住建局", "也许"]])
    assert messages(result) == ["第2行 是否本局: “也许”应填写“是”或“否”"]
    assert counts.unchanged()


def test_a_required_yes_no_cell_left_empty_is_refused():
    load_before("exams")
    result = load("exams", [["年度", "执法证号", "是否通过"], ["2023", "44060500001", ""]])
    assert messages(result) == ["第2行 是否通过: 必填"]


# Lists ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["；", ";", "、", ","])
def test_list_items_by_every_separator(separator):
    load_before("operations")
    load_ok("operations", sample_rows("operations", {"参与部门": separator.join(["住建", "消防", "应急"])}))
    assert set(Operation.objects.get().departments.values_list("short_name", flat=True)) == {
        "应急",
        "住建",
        "消防",
    }


@pytest.mark.parametrize("separator", ["；", ";", "、", ","])
def test_a_list_of_choices_by_every_separator(separator):
    load_before("penalties")
    load_ok("penalties", sample_rows("penalties", {"处罚种类": f"罚款{separator} 警告"}))
    assert PenaltyCase.objects.get().penalty_kinds == ["罚款", "警告"]


def test_a_list_item_that_is_not_a_choice_is_named():
    load_before("penalties")
    result = load("penalties", sample_rows("penalties", {"处罚种类": "罚款；拘役"}))
    assert messages(result) == [
        "第2行 处罚种类: “拘役”不是可选值（警告 / 通报批评 / 罚款 / 没收违法所得 / 没收非法财物 / "
        "暂扣许可证件 / 降低资质等级 / 吊销许可证件 / 限制开展生产经营活动 / 责令停产停业 / 责令关闭 / "
        "限制从业 / 行政拘留）"
    ]


# Money ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "amount"),
    [("23456.78", "23456.78"), ("1,234.50", "1234.50"), ("800元", "800.00"), ("5000", "5000.00")],
)
def test_money_in_yuan(written, amount):
    load_before("penalties")
    load_ok("penalties", sample_rows("penalties", {"罚款金额": written}))
    assert PenaltyCase.objects.get().fine_amount == Decimal(amount)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("100.123", "最多2位小数"),
        ("-100", "不能为负数"),
        ("2万元", "金额以元为单位，不接受“万元”：“2万元”"),
        ("2.5万", "金额以元为单位，不接受“万元”：“2.5万”"),
        ("两千", "“两千”不是数字"),
    ],
)
def test_bad_money_is_refused(written, reason):
    load_before("penalties")
    counts = Counts(PenaltyCase)
    result = load("penalties", sample_rows("penalties", {"罚款金额": written}))
    assert messages(result) == [f"第2行 罚款金额: {reason}"]
    assert counts.unchanged()


def test_money_as_a_number_cell_of_a_sheet():
    load_before("penalties")
    load_ok("penalties", sample_rows("penalties", {"罚款金额": 1234.56}), "xlsx")
    assert PenaltyCase.objects.get().fine_amount == Decimal("1234.56")


def test_a_quantity_with_more_than_two_decimals_or_negative_is_refused():
    load_before("materials")
    counts = Counts(Material)
    result = load("materials", sample_rows("materials", {"数量": "1.005"}, {"物资编号": "WZ9", "数量": "-1"}))
    assert messages(result) == ["第2行 数量: 最多2位小数", "第3行 数量: 不能为负数"]
    assert counts.unchanged()


# Counts --------------------------------------------------------------------------------------------


def test_a_negative_number_of_participants_is_refused():
    load_before("outreach")
    counts = Counts(OutreachActivity)
    result = load(
        "outreach",
        sample_rows(
            "outreach",
            {"参与人数": "-5"},
            {"编号": "PF9", "参与人数": "十"},
            {"编号": "PF8", "参与人数": "12.5"},
        ),
    )
    assert messages(result) == [
        "第2行 参与人数: 不能小于0",
        "第3行 参与人数: “十”不是整数",
        "第4行 参与人数: “12.5”不是整数",
    ]
    assert counts.unchanged()


def test_an_exam_year_and_score_are_numbers():
    load_before("exams")
    counts = Counts(ExamResult)
    result = load(
        "exams",
        [
            ["年度", "执法证号", "成绩", "是否通过"],
            ["23", "44060500001", "90", "是"],
            ["2023", "44060500002", "九十", "是"],
        ],
    )
    assert messages(result) == ["第2行 年度: 不能小于1990", "第3行 成绩: “九十”不是数字"]
    assert counts.unchanged()
