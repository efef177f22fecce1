"""The report's narrative: placeholders checked, saved with an audit trail, carried into a fresh year,
edited by leaders only; the report pages keep to the user's regions."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from emgov.core.models import AuditAction, AuditEntry
from emgov.reports import services
from emgov.reports.default_narrative import DEFAULT_BODY, DEFAULT_TITLE
from emgov.reports.models import ReportNarrative
from emgov.reports.narrative import placeholder_errors

QUERY = "year=2023&region=440605"


def test_an_unknown_figure_is_named_in_the_error():
    errors = placeholder_errors("共计出动执法人员{{ enforcement.officer_visits }}人次")
    assert errors == ["未知的数据项“enforcement.officer_visits”（占位符 {{ enforcement.officer_visits }}）"]


def test_an_unknown_format_and_unpaired_braces_are_refused():
    assert "未知的数字格式“wan2”" in placeholder_errors("{{ enforcement.fines_yuan|wan2 }}")[0]
    assert "花括号不成对" in placeholder_errors("检查{{ enforcement.inspections 次")[0]


def test_the_default_narrative_uses_only_known_figures():
    assert placeholder_errors(DEFAULT_TITLE) == []
    assert placeholder_errors(DEFAULT_BODY) == []


def test_saving_creates_then_changes_the_years_narrative_with_audit_rows(nanhai):
    first = services.narrative_save(
        actor=nanhai.leader, year=2023, region=nanhai.district, title="标题", body="正文{{ year }}年"
    )
    second = services.narrative_save(
        actor=nanhai.leader,
        year=2023,
        region=nanhai.district,
        title="标题",
        body="正文{{ next_year }}年",
        expected_version=first.version,
    )
    assert second.pk == first.pk and second.version == first.version + 1
    actions = list(
        AuditEntry.objects.filter(object_id=str(first.pk), content_type__model="reportnarrative")
        .order_by("at")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.CREATE, AuditAction.CHANGE]
    with pytest.raises(ValidationError, match="已由他人先行保存"):
        services.narrative_save(
            actor=nanhai.leader,
            year=2023,
            region=nanhai.district,
            title="标题",
            body="又一稿",
            expected_version=first.version,
        )


def test_unknown_placeholder_is_refused_by_the_service_and_nothing_is_stored(nanhai):
    with pytest.raises(ValidationError, match="未知的数据项“litigation.wins”"):
        services.narrative_save(
            actor=nanhai.leader, year=2023, region=nanhai.district, title="标题", body="{{ litigation.wins }}"
        )
    assert not ReportNarrative.objects.exists()


def test_a_fresh_year_starts_from_the_previous_years_text(nanhai):
    assert services.narrative_for(2024, nanhai.district)[:2] == (DEFAULT_TITLE, DEFAULT_BODY)
    services.narrative_save(
        actor=nanhai.leader, year=2023, region=nanhai.district, title="T{{ year }}", body="今年{{ year }}"
    )
    title, body, stored = services.narrative_for(2024, nanhai.district)
    assert (title, body, stored) == ("T{{ year }}", "今年{{ year }}\n", None)
    # Another region keeps the shipped default.
    assert services.narrative_for(2024, nanhai.guicheng)[:2] == (DEFAULT_TITLE, DEFAULT_BODY)


def test_leader_edits_the_narrative_and_the_report_shows_it(nanhai):
    client = nanhai.client_for(nanhai.leader)
    page = client.get(f"/reports/annual/edit/?{QUERY}")
    assert page.status_code == 200 and "{{ enforcement.officer_turnouts }}" in page.content.decode()
    body = "一、总体情况\n共计检查{{ enforcement.inspections }}次。\n"
    response = client.post(f"/reports/annual/edit/?{QUERY}", {"title": "{{ bureau }}报告", "body": body})
    assert response.status_code == 302
    report = client.get(f"/reports/annual/?{QUERY}").content.decode()
    assert "佛山市南海区应急管理局报告" in report and "共计检查" in report
    assert 'data-figure="enforcement.inspections">0</a>' in report


def test_edit_with_an_unknown_placeholder_is_refused_with_its_name(nanhai):
    client = nanhai.client_for(nanhai.leader)
    response = client.post(
        f"/reports/annual/edit/?{QUERY}",
        {"title": "标题", "body": "出动{{ enforcement.officer_visits }}人次"},
    )
    assert response.status_code == 200
    assert "未知的数据项“enforcement.officer_visits”" in response.content.decode()
    assert not ReportNarrative.objects.exists()


def test_only_leaders_and_administrators_edit_the_narrative(nanhai):
    assert nanhai.client_for(nanhai.district_officer).get(f"/reports/annual/edit/?{QUERY}").status_code == 403
    assert nanhai.client_for(nanhai.admin).get(f"/reports/annual/edit/?{QUERY}").status_code == 200


def test_a_town_user_sees_only_their_towns_report(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    town = nanhai.guicheng.code
    own = client.get("/reports/annual/?year=2023")
    assert own.status_code == 200 and f'value="{town}" selected' in own.content.decode()
    assert client.get(f"/reports/annual/?year=2023&region={town}").status_code == 200
    assert client.get(f"/reports/annual/?{QUERY}").status_code == 404
    assert client.get(f"/reports/annual/?year=2023&region={nanhai.jiujiang.code}").status_code == 404
    assert client.get(f"/reports/annual/report.docx?{QUERY}").status_code == 404
    assert client.get(f"/reports/annual/figures/enforcement.inspections/?{QUERY}").status_code == 404
    assert client.get(f"/reports/annual/report.docx?year=2023&region={town}").status_code == 200


def test_unknown_figure_format_or_year_answers_404(nanhai):
    client = nanhai.client_for(nanhai.leader)
    assert client.get(f"/reports/annual/figures/no.such/?{QUERY}").status_code == 404
    assert client.get(f"/reports/annual/report.odt?{QUERY}").status_code == 404
    assert client.get("/reports/annual/?year=abc&region=440605").status_code == 404
    assert client.get("/reports/annual/?year=2023&region=440605&as_of=2024-01-01").status_code == 404


def test_the_command_needs_an_output_file_for_word_and_pdf(nanhai):
    with pytest.raises(CommandError, match="请用 -o 指定输出文件"):
        call_command("report", year=2023, region="440605", format="docx")
    out = io.StringIO()
    call_command("report", year=2023, region="440605", format="html", stdout=out)
    assert "佛山市南海区应急管理局2023年法治政府建设年度报告" in out.getvalue()
    assert "三、2024年工作计划" in out.getvalue()


def test_the_command_writes_word_and_a_pdf_with_an_embedded_chinese_font(nanhai, tmp_path):
    import subprocess

    from docx import Document

    for fmt in ("docx", "pdf"):
        call_command("report", year=2023, region="440605", format=fmt, output=str(tmp_path / f"r.{fmt}"))
    paragraphs = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    # A title longer than a line turns between words (GB/T 9704 7.3.1), not where the line runs out.
    assert paragraphs[0] == "佛山市南海区应急管理局\n2023年法治政府建设年度报告"
    assert paragraphs[-1] == "2023年12月31日"
    fonts = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True)
    assert "CJK" in fonts.stdout
