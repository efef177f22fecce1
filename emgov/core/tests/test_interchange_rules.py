"""Rules between the cells of a row, as the model's clean() and the ledger's check_row keep them."""

import pytest
from django.core.exceptions import ValidationError

from emgov.cases.models import PenaltyCase
from emgov.core.tests.ledger_samples import (
    SAMPLES,
    Counts,
    load,
    load_before,
    load_ok,
    messages,
    sample_rows,
    table_file,
)
from emgov.enforcement.models import Hazard, Operation, Order, Visit
from emgov.legal.ledgers import CounselLedger
from emgov.legal.models import CounselRecord, LitigationCase, NormativeDocument

pytestmark = pytest.mark.django_db


def test_an_operation_cannot_end_before_it_starts():
    load_before("operations")
    counts = Counts(Operation)
    result = load("operations", sample_rows("operations", {}, {"行动编号": "XD9", "结束日期": "2023-02-28"}))
    assert messages(result) == ["第3行 结束日期: 结束日期不能早于开始日期"]
    assert counts.unchanged()


def test_an_operation_may_end_on_the_day_it_starts():
    load_before("operations")
    load_ok("operations", sample_rows("operations", {"结束日期": "2023-03-01"}))


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("整改期限", "整改期限不能早于检查日期（2023-03-15）"),
        ("整改完成日期", "整改完成日期不能早于检查日期（2023-03-15）"),
    ],
)
def test_hazard_dates_cannot_be_before_the_visit(title, reason):
    load_before("hazards")
    counts = Counts(Hazard)
    result = load("hazards", sample_rows("hazards", {title: "2023/3/14"}))
    assert messages(result) == [f"第2行 {title}: {reason}"]
    assert counts.unchanged()


def test_hazard_dates_are_checked_against_the_visit_the_row_names():
    load_before("hazards")
    rows = sample_rows(
        "hazards",
        {
            "检查编号": "JC2023004",
            "整改期限": "2023-10-09",
            "整改完成日期": "",
            "复查日期": "",
            "复查结论": "",
        },
    )
    assert messages(load("hazards", rows)) == ["第2行 整改期限: 整改期限不能早于检查日期（2023-10-10）"]


def test_an_order_cannot_be_issued_before_the_visit():
    load_before("orders")
    counts = Counts(Order)
    result = load("orders", sample_rows("orders", {"签发日期": "2023年3月14日", "期限": ""}))
    assert messages(result) == ["第2行 签发日期: 签发日期不能早于检查日期（2023-03-15）"]
    assert counts.unchanged()


def test_a_decision_cannot_come_before_the_case_was_filed():
    load_before("penalties")
    counts = Counts(PenaltyCase)
    result = load("penalties", sample_rows("penalties", {"决定日期": "2023-03-19", "公示日期": ""}))
    assert messages(result) == ["第2行 决定日期: 决定日期不能早于立案日期"]
    assert counts.unchanged()


@pytest.mark.parametrize("party_type", ["法人", "非法人组织", "个体工商户"])
def test_a_party_that_is_not_a_person_needs_a_credit_code(party_type):
    load_before("penalties")
    counts = Counts(PenaltyCase)
    result = load("penalties", sample_rows("penalties", {"当事人类型": party_type, "统一社会信用代码": ""}))
    assert messages(result) == ["第2行 统一社会信用代码: 当事人不是自然人时必须填写统一社会信用代码"]
    assert counts.unchanged()


def test_a_person_needs_no_credit_code():
    load_before("penalties")
    load_ok("penalties", sample_rows("penalties", {}, base=2))
    assert PenaltyCase.objects.get().party_credit_code == ""


@pytest.mark.parametrize("amount", ["", "0", "0.00"])
def test_a_fine_needs_a_positive_amount(amount):
    load_before("penalties")
    counts = Counts(PenaltyCase)
    result = load("penalties", sample_rows("penalties", {"罚款金额": amount}))
    assert messages(result) == ["第2行 罚款金额: 处罚种类含罚款时，罚款金额必须大于0"]
    assert counts.unchanged()


def test_a_bureau_enforcement_visit_needs_two_officers():
    load_before("inspections")
    counts = Counts(Visit)
    result = load(
        "inspections",
        sample_rows(
            "inspections",
            {"执法人员证号": "44060500001"},
            {"检查编号": "JC9", "执法人员证号": ""},
            {"检查编号": "JC8", "执法人员证号": "44060500001；44060500001"},
        ),
    )
    assert messages(result) == [
        "第2行 执法人员证号: 本局的执法检查须有至少两名持有效执法证的执法人员，本条只有1名（行政处罚法第四十二条第一款）",
        "第3行 执法人员证号: 本局的执法检查须有至少两名持有效执法证的执法人员，本条只有0名（行政处罚法第四十二条第一款）",
        "第4行 执法人员证号: 本局的执法检查须有至少两名持有效执法证的执法人员，本条只有1名（行政处罚法第四十二条第一款）",
    ]
    assert counts.unchanged()


def test_a_bureau_enforcement_visit_without_the_officers_column_is_refused():
    load_before("inspections")
    rows = [r[:6] + r[7:] for r in sample_rows("inspections", {})]
    assert messages(load("inspections", rows)) == [
        "第2行 执法人员证号: 本局的执法检查须有至少两名持有效执法证的执法人员，本条只有0名（行政处罚法第四十二条第一款）"
    ]


def test_an_officer_whose_certificate_expired_before_the_visit_is_named():
    load_before("inspections")
    counts = Counts(Visit)
    result = load(
        "inspections",
        sample_rows("inspections", {"检查日期": "2023-04-01", "执法人员证号": "44060500001；44060500003"}),
    )
    assert messages(result) == [
        "第2行 执法人员证号: 执法人员王五（44060500003）的执法证在2023-04-01无效（已过期、暂扣或注销）（行政处罚法第四十二条第一款）"
    ]
    assert counts.unchanged()


def test_an_officer_is_valid_on_the_last_day_of_the_certificate():
    load_before("inspections")
    load_ok(
        "inspections",
        sample_rows("inspections", {"检查日期": "2023-03-31", "执法人员证号": "44060500001；44060500003"}),
    )


@pytest.mark.parametrize(
    ("department", "nature"), [("住建", "执法检查"), ("应急", "帮扶指导"), ("应急", "督导检查")]
)
def test_visits_other_than_the_bureaus_enforcement_need_no_officers(department, nature):
    load_before("inspections")
    load_ok(
        "inspections",
        sample_rows(
            "inspections", {"执法部门": department, "检查性质": nature, "执法人员证号": "", "行动编号": ""}
        ),
    )
    assert Visit.objects.get().officers.count() == 0


def test_the_head_cannot_have_appeared_where_no_appearance_was_required():
    load_before("litigation")
    counts = Counts(LitigationCase)
    result = load(
        "litigation",
        sample_rows("litigation", {"负责人应出庭": "否"}, {"案号": "X2", "负责人应出庭": ""}),
    )
    assert messages(result) == [
        "第2行 负责人实际出庭: 只有负责人应出庭的案件才能填写负责人实际出庭",
        "第3行 负责人实际出庭: 只有负责人应出庭的案件才能填写负责人实际出庭",
    ]
    assert counts.unchanged()


@pytest.mark.parametrize("title", ["《佛山市南海区安全生产约谈办法》", "《约谈办法", "约谈办法》"])
def test_a_normative_document_name_is_written_without_book_title_marks(title):
    load_before("normative-documents")
    counts = Counts(NormativeDocument)
    result = load("normative-documents", sample_rows("normative-documents", {"名称": title}))
    assert messages(result) == ["第2行 名称: 名称不带书名号《》"]
    assert counts.unchanged()


def test_every_bad_row_and_every_bad_cell_of_a_row_is_reported():
    load_before("penalties")
    counts = Counts(PenaltyCase)
    result = load(
        "penalties",
        sample_rows(
            "penalties",
            {
                "决定书文号": "（南海）应急罚〔2023〕8号",
                "决定日期": "2023-03-01",
                "公示日期": "",
                "罚款金额": "",
            },
            {},
            {"决定书文号": "（南海）应急罚〔2023〕9号", "立案日期": "前天", "执法部门": "交通"},
        ),
    )
    assert messages(result) == [
        "第2行 决定日期: 决定日期不能早于立案日期",
        "第2行 罚款金额: 处罚种类含罚款时，罚款金额必须大于0",
        "第4行 立案日期: “前天”不是日期，应写作 2023-01-31、2023/1/31 或 2023年1月31日",
        "第4行 执法部门: 找不到部门“交通”",
    ]
    assert counts.unchanged()


class CounselWithARowRule(CounselLedger):
    def check_row(self, instance, m2m):
        if instance.kind == "合同审查":
            raise ValidationError("合同审查须附合同文本")


def test_a_row_rule_not_tied_to_a_field_is_reported_on_the_key_column():
    load_before("counsel")
    result = CounselWithARowRule().load(
        table_file(SAMPLES["counsel"], "csv"), "csv", actor=None, via="导入 测试"
    )
    assert messages(result) == ["第3行 编号: 合同审查须附合同文本"]
    assert not CounselRecord.objects.exists()
