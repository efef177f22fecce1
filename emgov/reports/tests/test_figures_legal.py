"""The legal side: study, certificates, licensing, counsel, litigation, normative documents, disclosure,
outreach and the event taxonomy."""

from __future__ import annotations

import pytest

from emgov.core.services import record_void
from emgov.legal.models import ExamResult, LitigationCase
from emgov.preparedness.models import EventType
from emgov.reports.tests import builders as b
from emgov.reports.tests.builders import BUREAU_OFFICERS, OTHER_OFFICERS, day, figure, figures

# Study and counsel --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["支部集中学习", "专家专题辅导", "学法考试", "参观法治教育基地"])
def test_other_study_sessions_are_not_central_group_sessions(districts, kind):
    b.study(day("2023-03-01"), kind=kind)
    b.study(day("2023-03-02"))
    assert figure("study.central_group_sessions") == 1


def test_counsel_opinions_and_contract_reviews_are_counted_apart(districts):
    b.counsel(day("2023-03-01"), kind="法律意见")
    b.counsel(day("2023-03-02"), kind="合同审查")
    b.counsel(day("2023-03-03"), kind="合同审查")
    values = figures()
    assert (values["counsel.opinions"], values["counsel.contract_reviews"]) == (1, 2)


# Certificates -------------------------------------------------------------------------------------


def test_exam_takers_and_pass_rate_are_of_the_report_year(districts):
    b.exam(2023, BUREAU_OFFICERS[0], passed=True)
    b.exam(2023, BUREAU_OFFICERS[1], passed=True)
    b.exam(2023, OTHER_OFFICERS[0], passed=False)
    b.exam(2022, BUREAU_OFFICERS[2], passed=False)
    b.exam(2024, BUREAU_OFFICERS[2], passed=False)
    values = figures(as_of=day("2023-12-04"))
    assert values["certificates.exam_takers"] == 3
    assert values["certificates.exam_pass_rate"] == pytest.approx(2 / 3, abs=1e-9)


def test_exam_pass_rate_is_zero_when_nobody_took_the_exam(districts):
    b.exam(2022, BUREAU_OFFICERS[0], passed=True)
    assert figure("certificates.exam_takers") == 0
    assert figure("certificates.exam_pass_rate") == 0


def test_exam_pass_rate_is_one_when_everybody_passed(districts):
    for officer in BUREAU_OFFICERS:
        b.exam(2023, officer, passed=True)
    assert figure("certificates.exam_pass_rate") == 1


def test_exams_count_only_where_the_region_contains_the_bureau(districts):
    b.exam(2023, BUREAU_OFFICERS[0], passed=True)
    assert figure("certificates.exam_takers", "440600") == 1
    assert figure("certificates.exam_takers", "440606") == 0
    assert figure("certificates.exam_pass_rate", "440606") == 0
    assert figure("certificates.exam_takers", "440605011") == 0


def test_voided_exam_row_does_not_count(districts):
    b.exam(2023, BUREAU_OFFICERS[0], passed=True)
    b.exam(2023, BUREAU_OFFICERS[1], passed=False)
    failed = ExamResult.objects.get(officer__certificate_number=BUREAU_OFFICERS[1])
    record_void(failed, actor=districts.admin, reason="重复录入")
    assert figure("certificates.exam_takers") == 1
    assert figure("certificates.exam_pass_rate") == 1


# Licensing ----------------------------------------------------------------------------------------


def test_licensing_case_accepted_last_year_and_published_this_year_counts_as_published_only(districts):
    b.licensing(day("2022-12-20"), published_on=day("2023-01-06"))
    assert figure("double_publicity.licensing_records") == 1
    assert figure("licensing.cases") == 0


def test_licensing_case_of_an_enterprise_is_placed_by_its_town_before_its_region_code(districts):
    b.licensing(day("2023-03-01"), party_code=b.enterprise("大良街道"), region="440605")
    b.licensing(day("2023-03-02"), party_code=b.enterprise("九江镇"), region="440606")
    assert figure("licensing.cases", "440605") == 1
    assert figure("licensing.cases", "440605121") == 1
    assert figure("licensing.cases", "440606") == 1


# Litigation ---------------------------------------------------------------------------------------


def test_reconsiderations_are_not_lawsuits(districts):
    b.litigation(day("2023-03-01"), kind="行政复议", head_required=True, head_appeared=True)
    assert figure("litigation.cases") == 0
    assert figure("litigation.head_required") == 0
    assert figure("litigation.head_appeared") == 0


def test_head_counts_split_required_and_appeared(districts):
    b.litigation(day("2023-03-01"))
    b.litigation(day("2023-03-02"), head_required=True)
    b.litigation(day("2023-03-03"), head_required=True, head_appeared=True)
    values = figures()
    assert values["litigation.cases"] == 3
    assert values["litigation.head_required"] == 2
    assert values["litigation.head_appeared"] == 1


def test_head_appeared_counts_only_cases_where_the_head_was_required(districts):
    b.litigation(day("2023-03-01"), head_required=True, head_appeared=True)
    stray = b.litigation(day("2023-03-02"))
    # Written past the model's check, as an old database or a direct SQL fix could leave it.
    LitigationCase.objects.filter(number=stray).update(head_appeared=True)
    assert figure("litigation.head_appeared") == 1
    assert figure("litigation.cases") == 2


# Normative documents ------------------------------------------------------------------------------


def test_extended_lists_titles_retained_in_the_year_only(districts):
    b.normative("佛山市南海区安全生产举报奖励办法", cleanup_on=day("2023-06-30"))
    b.normative("佛山市南海区安全生产约谈办法", cleanup_on=day("2023-02-01"))
    b.normative("佛山市南海区危险化学品管理办法", cleanup_on=day("2023-06-30"), result="修改")
    b.normative("佛山市南海区烟花爆竹管理规定", cleanup_on=day("2023-06-30"), result="废止")
    b.normative("佛山市南海区安全生产巡查办法", cleanup_on=day("2022-12-31"))
    b.normative("佛山市南海区应急物资管理办法", cleanup_on=day("2023-12-05"))
    b.normative("佛山市南海区应急值守规定", cleanup_on=None)
    assert figure("normative.extended", as_of=day("2023-12-04")) == sorted(
        ["佛山市南海区安全生产举报奖励办法", "佛山市南海区安全生产约谈办法"]
    )


# Outreach -----------------------------------------------------------------------------------------


def test_outreach_figures_take_each_activity_type_apart(districts):
    on = day("2023-03-01")
    june = day("2023-06-10")
    b.outreach(on, kind="线上培训", participants=1000)
    b.outreach(june, kind="线上培训", participants=20000, safety_month=True)
    b.outreach(on, kind="线下专场培训", participants=90)
    b.outreach(june, kind="线下专场培训", participants=60, safety_month=True)
    b.outreach(on, kind="知识竞赛", participants=500)
    b.outreach(june, kind="知识竞赛", participants=13000, safety_month=True)
    b.outreach(on, kind="集中宣传", participants=7000)
    b.outreach(june, kind="集中宣传", participants=429000, safety_month=True)
    values = figures()
    assert values["outreach.online_trainees"] == 21000
    assert values["outreach.offline_sessions"] == 2
    assert values["outreach.offline_participants"] == 150
    assert values["outreach.safety_month_online"] == 33000
    assert values["outreach.safety_month_audience"] == 429000


def test_outreach_sums_are_zero_without_activities(districts):
    b.outreach(day("2023-06-10"), kind="线下专场培训", participants=60, safety_month=True)
    values = figures()
    assert values["outreach.online_trainees"] == 0
    assert values["outreach.safety_month_online"] == 0
    assert values["outreach.safety_month_audience"] == 0


# Event taxonomy -----------------------------------------------------------------------------------


def event_types() -> None:
    b.event_type("森林火灾", "自然灾害")
    b.event_type("洪涝灾害", "自然灾害")
    b.event_type("危险化学品事故", "事故灾难")
    b.event_type("突发公共卫生事件", "公共卫生事件")


def test_event_types_and_their_distinct_categories_are_counted(districts):
    event_types()
    values = figures()
    assert values["preparedness.event_types"] == 4
    assert values["preparedness.event_categories"] == 3


def test_event_types_count_in_any_year_but_only_where_the_region_contains_the_bureau(districts):
    event_types()
    assert figure("preparedness.event_types", year=2021) == 4
    assert figure("preparedness.event_types", "440600") == 4
    assert figure("preparedness.event_types", "440606") == 0
    assert figure("preparedness.event_categories", "440606") == 0
    assert figure("preparedness.event_types", "440605011") == 0


def test_voided_event_type_does_not_count(districts):
    event_types()
    record_void(EventType.objects.get(name="突发公共卫生事件"), actor=districts.admin, reason="并入其他类别")
    values = figures()
    assert values["preparedness.event_types"] == 3
    assert values["preparedness.event_categories"] == 2
