"""The annual report of the Nanhai demo year: the 2023 report's sentences with its numbers, in .docx,
PDF and on the web page, and every figure's drill-down list as long as the figure counts.

Collected by `test_demo.py`, which builds the demo once for all the checks on it."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document

from emgov.demo.targets import AS_OF, REGION_CODE, YEAR
from emgov.reports.annual import build_report, figure_for
from emgov.reports.checks import CHECKS
from emgov.reports.figures import Scope
from emgov.reports.wording import thousands

SEED_REPORT = Path(__file__).parents[2] / "reports" / "tests" / "seed_report_2023.txt"
QUERY = f"year={YEAR}&region={REGION_CODE}&as_of={AS_OF.isoformat()}"
FULL_WIDTH = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；"})

# Figures whose value is the number of their records (the others count distinct enterprises or towns,
# sum officers or participants, or are lists and rates).
COUNT_FIGURES = [
    "study.central_group_sessions",
    "joint.actions",
    "joint.enterprise_visits",
    "joint.hazards_found",
    "assistance.enterprise_visits",
    "supervision.leader_led",
    "double_publicity.penalty_records",
    "double_publicity.licensing_records",
    "certificates.exam_takers",
    "licensing.cases",
    "counsel.opinions",
    "counsel.contract_reviews",
    "litigation.cases",
    "litigation.head_required",
    "litigation.head_appeared",
    "disclosure.items",
    "outreach.offline_sessions",
    "enforcement.inspections",
    "enforcement.hazards_found",
    "enforcement.penalties",
    "preparedness.event_types",
    *CHECKS,
]
DISTINCT_FIGURES = ["joint.towns_covered", "joint.enterprises_suspended", "enforcement.enterprises_inspected"]


def seed_sentences() -> list[str]:
    """The sentences of the bureau's 2023 report, with the web page's half-width punctuation made full-width."""
    sentences = []
    for line in SEED_REPORT.read_text(encoding="utf-8").splitlines():
        line = line.strip().translate(FULL_WIDTH)
        sentences.extend(s.strip() for s in re.split(r"(?<=。)", line) if s.strip())
    return sentences


@pytest.fixture(scope="module")
def docx_file(demo, django_db_blocker, tmp_path_factory) -> Document:
    path = tmp_path_factory.mktemp("report") / "report.docx"
    with django_db_blocker.unblock():
        call_command(
            "report", year=YEAR, region=REGION_CODE, as_of=AS_OF.isoformat(), format="docx", output=str(path)
        )
    return Document(str(path))


@pytest.fixture(scope="module")
def docx_text(docx_file) -> str:
    # A long title turns at a manual line break between words (GB/T 9704 7.3.1): read it as one line.
    return "\n".join(p.text.replace("\n", "") for p in docx_file.paragraphs)


@pytest.fixture
def leader_client(demo, client):
    from emgov.core.models import User

    client.force_login(User.objects.get(username="leader"))
    return client


def scope(year: int = YEAR) -> Scope:
    return Scope.of(year=year, region_code=REGION_CODE, as_of=AS_OF.replace(year=year))


def test_the_seed_reports_sentences_are_many():
    assert len(seed_sentences()) >= 70


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sentence",
    [
        "共计出动执法人员21285人次",
        "检查企业4661家",
        "经济罚款约2032万元",
        "行政机关负责人应出庭8次，实际出庭8次",
        "党委理论学习中心组开展专题学习研讨13次",
        "先后开展联合执法101次，覆盖7个镇街",
        "检查企业4216家次，查治隐患13672个，责令停产停业整顿888家",
        "共帮扶指导重点企业1150家次，其中区领导共带队督导检查安全生产109次",
        "目前已报送615条处罚信息",
        "2023年行政执法证网上考试参考通过率100%",
        "我局各类许可审批备案共204宗",
        "共出具法律意见35件，合同审查29次",
        "行政诉讼案件26宗",
        "在规定期限内对《佛山市南海区安全生产举报奖励办法》，按要求做好延期保留的工作",
        "已公开369条隐患管理",
        "全区共有185322人完成线上培训；组织开展1050场线下专场培训，89945人参加",
        "发动全社会3万多人参加",
        "受众42.9万人次",
        "共计检查10629次，发现隐患11493处，行政处罚942次",
        "社会安全事件等四大类69项事件类别",
        "并计划于2024年对2023年开展执法检查的工业园进行“回头看”",
    ],
)
def test_the_docx_states_the_seed_figures(docx_text, sentence):
    assert sentence in docx_text


@pytest.mark.django_db
def test_the_docx_holds_every_sentence_of_the_seed_report(docx_text):
    missing = [s for s in seed_sentences() if s not in docx_text]
    assert missing == []


@pytest.mark.django_db
def test_the_docx_has_the_official_structure_in_named_styles(docx_file):
    styled = [(p.style.name, p.text) for p in docx_file.paragraphs if p.text]
    assert styled[0] == ("公文标题", "佛山市南海区应急管理局\n2023年法治政府建设年度报告")
    headings1 = [text for style, text in styled if style == "一级标题"]
    assert headings1 == ["一、2023年法治政府建设的主要举措和成效", "二、存在问题及原因", "三、2024年工作计划"]
    headings2 = [text for style, text in styled if style == "二级标题"]
    assert [h[:3] for h in headings2] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert headings2[4] == "（五）“六个支撑”强化应急指挥保障体系"
    appendix = styled.index(("表单行", "附件"))  # 同比 follows the signature as an attachment
    assert styled[appendix - 2 : appendix] == [("落款", "佛山市南海区应急管理局"), ("落款", "2023年12月4日")]
    assert styled[appendix + 1] == ("公文标题", "主要数据同比")


@pytest.mark.django_db
def test_the_pdf_embeds_a_chinese_font_and_renders_glyphs(leader_client, tmp_path):
    response = leader_client.get(f"/reports/annual/report.pdf?{QUERY}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"CJK.*\byes\b", fonts), fonts
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "共计出动执法人员21285人次" in text.replace("\n", "")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    from PIL import Image

    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    dark = sum(page.histogram()[:128])
    assert dark > 2000


@pytest.mark.django_db
def test_the_word_download_is_the_same_report(leader_client):
    response = leader_client.get(f"/reports/annual/report.docx?{QUERY}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "经济罚款约2032万元" in text


@pytest.mark.django_db
def test_the_report_page_links_every_number_to_its_records(leader_client):
    html = leader_client.get(f"/reports/annual/?{QUERY}").content.decode()
    assert '<a class="fig" href="/reports/annual/figures/enforcement.officer_turnouts/?' in html
    assert 'data-figure="enforcement.officer_turnouts">21285</a>' in html
    assert 'data-figure="enforcement.fines_yuan">约2032万元</a>' in html
    assert 'data-figure="outreach.safety_month_audience">42.9万</a>' in html
    text = re.sub(r"<span class=\"yoy\">.*?</span>", "", html)
    text = re.sub(r"<[^>]+>", "", text)
    assert "共计出动执法人员21285人次，检查企业4661家" in text
    assert "二、存在问题及原因" in text and "三、2024年工作计划" in text


@pytest.mark.django_db
def test_the_report_page_shows_last_years_value_beside_figures_with_data_in_both_years(leader_client):
    html = leader_client.get(f"/reports/annual/?{QUERY}").content.decode()
    last_year = figure_for("joint.actions").value(scope(YEAR - 1))
    assert last_year > 0
    assert f'data-figure="joint.actions">101</a><span class="yoy">（上年同期{last_year}）</span>' in html
    report = build_report(scope(), compare=True)
    segments = [s for block in report.blocks for s in block.segments if s.key]
    assert any(s.has_comparison for s in segments) and not all(s.has_comparison for s in segments)
    for s in segments:
        shown = (
            f'data-figure="{s.key}">{s.text}</a><span class="yoy">（上年同期{s.previous_text}）</span>'
            in html
        )
        assert shown == bool(s.value and s.previous), s.key


@pytest.mark.django_db
@pytest.mark.parametrize("key", COUNT_FIGURES)
def test_the_drill_down_lists_as_many_records_as_the_figure_counts(leader_client, key):
    value = figure_for(key).value(scope())
    html = leader_client.get(f"/reports/annual/figures/{key}/?{QUERY}").content.decode()
    count = int(re.search(r'id="record-count">([\d,]+)<', html).group(1).replace(",", ""))
    assert count == value
    assert f'id="figure-value">{thousands(value)}{figure_for(key).unit}<' in html


@pytest.mark.django_db
@pytest.mark.parametrize("key", DISTINCT_FIGURES)
def test_the_drill_down_of_a_distinct_count_lists_the_rows_it_counts_over(leader_client, key):
    value = figure_for(key).value(scope())
    html = leader_client.get(f"/reports/annual/figures/{key}/?{QUERY}").content.decode()
    assert int(re.search(r'id="record-count">([\d,]+)<', html).group(1).replace(",", "")) >= value > 0


@pytest.mark.django_db
def test_the_drill_down_page_runs_a_fixed_number_of_queries(leader_client, django_assert_num_queries):
    leader_client.get(f"/reports/annual/figures/enforcement.inspections/?{QUERY}")
    with django_assert_num_queries(12):  # with the narrative, for the format the report words the figure in
        response = leader_client.get(f"/reports/annual/figures/enforcement.inspections/?{QUERY}&page=3")
    assert response.content.decode().count("<tr>") == 51


@pytest.mark.django_db
def test_the_problems_and_revisit_suggestions_come_from_the_data(leader_client):
    html = leader_client.get(f"/reports/annual/edit/?{QUERY}").content.decode()
    for key in (
        "problems.hazards_overdue",
        "problems.visits_without_av",
        "problems.decisions_published_late",
    ):
        count = CHECKS[key].value(scope())
        assert count > 0
        assert f'href="/reports/annual/figures/{key}/?{QUERY.replace("&", "&amp;")}">{count}' in html
    revisits = figure_for("plan.revisit_candidates").value(scope())
    assert revisits > 0 and f"共 {revisits} 家企业" in html


@pytest.mark.django_db
def test_a_town_leader_report_counts_only_the_town(demo):
    town = Scope.of(year=YEAR, region_code="440605011", as_of=AS_OF)
    district = scope()
    town_visits = figure_for("enforcement.inspections").value(town)
    assert 0 < town_visits < figure_for("enforcement.inspections").value(district)
