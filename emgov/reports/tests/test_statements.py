"""The report says what the records say: each fact the default narrative states comes from the figures
(`checks.STATEMENTS`, `|among:`), and a fact typed into a narrative that the records contradict is a
named check (`checks.CLAIMS`) that keeps the report from being exported until the writer edits it."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from emgov.reports import services
from emgov.reports.annual import build_report, figure_for
from emgov.reports.checks import HEAD_NEVER_ABSENT
from emgov.reports.default_narrative import DEFAULT_BODY
from emgov.reports.figures import Scope
from emgov.reports.narrative import PLACEHOLDER
from emgov.reports.tests import builders as b
from emgov.reports.tests.builders import day
from emgov.reports.wording import format_for

TOWNS = ["桂城街道", "九江镇", "西樵镇", "丹灶镇", "狮山镇", "大沥镇", "里水镇"]
SEED_COVERAGE = "做实每月不少于2次、每次不少于3家企业（场所）、每月实现7个镇街全覆盖的督导检查工作"
QUERY = "year=2023&region=440605&as_of=2023-12-04"


def scope(as_of: str = "2023-12-04") -> Scope:
    return Scope.of(year=2023, region_code="440605", as_of=day(as_of))


def report_text(as_of: str = "2023-12-04") -> str:
    return build_report(scope(as_of)).text


def paragraph_with(text: str, words: str) -> str:
    [found] = [line for line in text.splitlines() if words in line]
    return found


# 行政机关负责人出庭应诉 (行政诉讼法第三条第三款) ------------------------------------------------------------


def test_admin_litigation_law_art_3_the_sentence_says_no_absence_only_when_none(districts):
    b.litigation(day("2023-03-01"), head_required=True, head_appeared=True)
    b.litigation(day("2023-05-01"))
    line = paragraph_with(report_text(), "行政诉讼案件")
    assert (
        "行政诉讼案件2宗，行政机关负责人应出庭1次，实际出庭1次，无行政机关负责人应出庭而未出庭的情形。"
        in line
    )


def test_admin_litigation_law_art_3_a_head_absent_from_a_lawsuit_changes_the_sentence(districts):
    b.litigation(day("2023-03-01"), head_required=True, head_appeared=True)
    b.litigation(day("2023-06-12"), head_required=True, head_appeared=False)
    text = report_text()
    assert HEAD_NEVER_ABSENT not in text
    line = paragraph_with(text, "行政诉讼案件")
    assert "行政机关负责人应出庭2次，实际出庭1次，有1次行政机关负责人应出庭而未出庭的情形。" in line
    assert build_report(scope()).problems == []  # the sentence follows the records: nothing to block


def test_the_absence_statement_lists_the_lawsuits_it_rests_on(districts):
    absent = b.litigation(day("2023-06-12"), head_required=True, head_appeared=False)
    b.litigation(day("2023-03-01"), head_required=True, head_appeared=True)
    records = figure_for("litigation.head_absence").records(scope())
    assert list(records.values_list("number", flat=True)) == [absent]


def typed_narrative(districts, body: str):
    stored = services.narrative_stored(2023, districts.district)
    return services.narrative_save(
        actor=districts.leader,
        year=2023,
        region=districts.district,
        title="标题",
        body=body,
        expected_version=stored.version if stored else None,
    )


TYPED = (
    "4.提高行政应诉能力和水平。行政诉讼案件{{ litigation.cases }}宗，行政机关负责人应出庭"
    "{{ litigation.head_required }}次，实际出庭{{ litigation.head_appeared }}次，无行政机关负责人应出庭而未出庭的情形。"
)


def test_a_typed_no_absence_sentence_blocks_the_export_with_a_named_check(districts, tmp_path):
    b.litigation(day("2023-06-12"), head_required=True, head_appeared=False)
    typed_narrative(districts, TYPED)
    [problem] = build_report(scope()).problems
    assert problem.key == "claims.litigation_head_absence"
    assert "有1宗行政诉讼负责人应出庭而未出庭" in problem.message

    client = districts.client_for(districts.leader)
    for fmt in ("docx", "pdf"):
        refused = client.get(f"/reports/annual/report.{fmt}?{QUERY}")
        assert refused.status_code == 409
        page = refused.content.decode()
        assert 'id="report-problems"' in page and 'data-check="claims.litigation_head_absence"' in page
        assert "报告未导出" in page
    page = client.get(f"/reports/annual/?{QUERY}").content.decode()
    assert (
        'data-check="claims.litigation_head_absence"' in page
        and 'href="/reports/annual/report.docx' not in page
    )
    with pytest.raises(CommandError, match="claims.litigation_head_absence"):
        call_command(
            "report",
            year=2023,
            region="440605",
            as_of="2023-12-04",
            format="docx",
            output=str(tmp_path / "r.docx"),
        )

    # The writer puts the statement back: the export goes out.
    typed_narrative(
        districts, TYPED.replace("无行政机关负责人应出庭而未出庭的情形", "{{ litigation.head_absence }}")
    )
    assert build_report(scope()).problems == []
    response = client.get(f"/reports/annual/report.docx?{QUERY}")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]


def test_a_typed_no_absence_sentence_is_fine_when_the_records_agree(districts):
    b.litigation(day("2023-06-12"), head_required=True, head_appeared=True)
    typed_narrative(districts, TYPED)
    assert build_report(scope()).problems == []


# 四不两直: every month, every town ------------------------------------------------------------------


def unannounced(on: str, towns: list[str]) -> None:
    operation = b.operation(day(on), kind="督导检查", unannounced=True)
    for town in towns:
        b.visit(b.enterprise(town), day(on), nature="督导检查", operation=operation, officers=())


def met_month(month: int) -> None:
    unannounced(f"2023-{month:02d}-03", TOWNS[:4])
    unannounced(f"2023-{month:02d}-17", TOWNS[3:])


def test_every_town_covered_in_every_month_gives_the_seed_sentence(districts):
    met_month(1)
    met_month(2)
    line = paragraph_with(report_text("2023-02-28"), "四不两直")
    assert f"采取“四不两直”专项督导，{SEED_COVERAGE}；另一方面" in line


def test_a_month_missing_a_town_changes_the_coverage_sentence(districts):
    met_month(1)
    unannounced("2023-02-03", TOWNS[:4])
    unannounced("2023-02-17", ["丹灶镇", "狮山镇", "大沥镇"])  # 里水镇 not visited in February
    line = paragraph_with(report_text("2023-02-28"), "四不两直")
    assert SEED_COVERAGE not in line and "每月实现" not in line
    assert (
        "按每月不少于2次、每次不少于3家企业（场所）、每月7个镇街全覆盖的要求开展督导检查工作，"
        "其中1月达到要求，其余月份未达到（2月未覆盖里水镇）" in line
    )


def test_a_month_still_running_is_not_judged(districts):
    """As of 5 February, February has only begun: January is the last month judged (as of the seed
    report's 4 December, November is)."""
    met_month(1)
    assert SEED_COVERAGE in paragraph_with(report_text("2023-02-05"), "四不两直")
    assert SEED_COVERAGE in paragraph_with(report_text("2023-01-31"), "四不两直")
    assert SEED_COVERAGE not in paragraph_with(report_text("2023-03-01"), "四不两直")  # February ended short


def test_a_month_with_a_single_short_trip_says_what_was_short(districts):
    met_month(1)
    operation = b.operation(day("2023-02-10"), kind="督导检查", unannounced=True)
    for town in TOWNS[:2]:
        b.visit(b.enterprise(town), day("2023-02-10"), nature="督导检查", operation=operation, officers=())
    line = paragraph_with(report_text("2023-02-28"), "四不两直")
    assert "其余月份未达到（2月仅1次、1次不足3家企业、未覆盖西樵镇、丹灶镇、狮山镇、大沥镇、里水镇）" in line


def test_a_typed_coverage_sentence_with_a_month_short_is_a_named_check(districts):
    met_month(1)
    unannounced("2023-02-03", TOWNS[:4])
    typed_narrative(districts, f"区工作专班采取“四不两直”专项督导，{SEED_COVERAGE}。")
    [problem] = build_report(scope("2023-02-28")).problems
    assert problem.key == "claims.monthly_coverage"
    assert "2月仅1次" in problem.message


def test_a_typed_town_count_other_than_the_regions_is_a_named_check(districts):
    met_month(1)
    typed_narrative(districts, "做实每月实现8个镇街全覆盖的督导检查工作。")
    [problem] = build_report(scope("2023-01-31")).problems
    assert problem.key == "claims.monthly_coverage" and "本区划有7个镇街" in problem.message


# 联合执法: the industries and the departments named --------------------------------------------------


def joint_visit(town: str, industry: str, department: str = "应急") -> None:
    operation = b.operation(day("2023-03-01"))
    officers = None if department == "应急" else ()
    b.visit(
        b.enterprise(town, industry=industry),
        day("2023-03-01"),
        operation=operation,
        department=department,
        officers=officers,
    )


def test_the_industries_sentence_names_only_industries_the_joint_visits_reached(districts):
    joint_visit("桂城街道", "燃气")
    joint_visit("九江镇", "纺织制衣", department="住建")
    joint_visit("西樵镇", "工贸", department="消防")
    line = paragraph_with(report_text(), "联合执法")
    assert "覆盖3个镇街以及燃气、纺织制衣等行业领域" in line
    assert "应急、住建、消防等部门先后开展联合执法" in line
    assert build_report(scope()).problems == []


def test_a_typed_industry_the_joint_visits_did_not_reach_is_a_named_check(districts):
    joint_visit("桂城街道", "燃气")
    typed_narrative(districts, "覆盖1个镇街以及建筑施工、燃气等行业领域。应急、环保等部门先后开展联合执法。")
    problems = {p.key: p.message for p in build_report(scope()).problems}
    assert set(problems) == {"claims.joint_industries", "claims.joint_departments"}
    assert "没有：建筑施工" in problems["claims.joint_industries"]
    assert "没有：环保" in problems["claims.joint_departments"]


def test_among_keeps_the_writers_order_and_falls_back_to_the_records():
    industries = format_for("among:建筑施工、燃气、村级工业园")
    assert industries(["燃气", "工贸", "建筑施工"]) == "建筑施工、燃气"
    assert industries(["工贸", "危险化学品"]) == "工贸、危险化学品"
    assert industries([]) == ""
    assert format_for("among:") is None and format_for("amongst:燃气") is None


def test_the_default_narrative_states_no_fact_as_typed_words():
    """The facts the seed report states are placeholders in the shipped narrative."""
    words = PLACEHOLDER.sub("{}", DEFAULT_BODY)
    for typed in ("无行政机关负责人应出庭而未出庭", "每月实现7个镇街", "建筑施工、燃气", "应急、住建、环保"):
        assert typed not in words
    for placeholder in (
        "{{ litigation.head_absence }}",
        "{{ supervision.monthly_coverage }}",
        "{{ joint.industries|among:建筑施工、燃气、村级工业园、人员密集场所、纺织制衣 }}",
        "{{ joint.departments|among:应急、住建、环保、消防、卫健 }}",
    ):
        assert placeholder in DEFAULT_BODY


def test_statements_are_not_compared_with_last_year(districts):
    b.litigation(day("2022-06-12"), head_required=True, head_appeared=False)
    report = build_report(scope(), compare=True)
    assert "litigation.head_absence" in report.values and "litigation.head_absence" not in report.previous
    out = io.StringIO()
    call_command("report", year=2023, region="440605", format="json", stdout=out)
    assert "litigation.head_absence" not in out.getvalue()  # the JSON holds the figures of figures.md
