"""The narrative editor: text with its numbers in it, figures by Chinese name, formats by example, and
every save (the first too) checked against the version the writer started from."""

from __future__ import annotations

import datetime
import json
import re

from emgov.reports import services
from emgov.reports.default_narrative import DEFAULT_BODY
from emgov.reports.editor import figure_choices, lines_text, text_lines
from emgov.reports.figures import Scope
from emgov.reports.models import ReportNarrative
from emgov.reports.tests import builders as b
from emgov.reports.wording import percent_one_decimal, wan_yuan_one_decimal

QUERY = "year=2023&region=440605"
EDIT = f"/reports/annual/edit/?{QUERY}"


def _scope() -> Scope:
    return Scope.of(year=2023, region_code="440605", as_of=datetime.date(2023, 12, 4))


def _json(html: str, element_id: str):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_the_formats_read_as_the_writer_knows_them():
    assert wan_yuan_one_decimal(21212000) == "2,121.2万元"
    assert percent_one_decimal(0.93) == "93.0%"


def test_the_text_converts_to_chips_and_back_unchanged(districts):
    _choices, values = figure_choices(_scope())
    lines = text_lines(DEFAULT_BODY, values)
    assert lines_text(lines) == DEFAULT_BODY
    chips = [run for line in lines for run in line if "k" in run]
    assert {"k": "year", "f": "", "s": "2023"} in chips
    fines = next(run for run in chips if run["k"] == "enforcement.fines_yuan")
    assert fines["f"] == "approx_wan_yuan" and fines["s"].startswith("约")
    assert not any("{{" in run.get("t", "") for line in lines for run in line)


def test_an_unknown_placeholder_stays_text_as_written(districts):
    _choices, values = figure_choices(_scope())
    assert text_lines("共{{ no.such }}次", values) == [[{"t": "共{{ no.such }}次"}]]


def test_every_figure_is_offered_by_chinese_name_with_its_formats_by_example(districts):
    company = b.enterprise("桂城街道")
    b.visit(company, b.day("2023-03-01"))
    choices, _values = figure_choices(_scope())
    by_key = {c["key"]: c for c in choices}
    fines = by_key["enforcement.fines_yuan"]
    assert fines["name"] == "经济罚款" and fines["group"] == "执法检查"
    assert [f for f, _shown in fines["formats"]][:3] == ["wan_yuan1", "approx_wan_yuan", "wan_yuan"]
    assert [shown for f, shown in by_key["certificates.exam_pass_rate"]["formats"]] == ["0.0%", "0%"]
    assert by_key["bureau"]["name"] == "本局名称"
    assert all(not re.search(r"[a-z_]+\.[a-z_]+", c["name"]) for c in choices)


def test_the_edit_page_gives_the_editor_the_text_and_its_figures(districts):
    client = districts.client_for(districts.leader)
    html = client.get(EDIT).content.decode()
    assert 'src="/static/reports/narrative_editor.js"' in html
    figures = _json(html, "narrative-figures")
    lines = _json(html, "narrative-lines")
    assert any(f["name"] == "出动执法人员" for f in figures)
    assert lines["title"][0][0] == {"k": "bureau", "f": "", "s": "佛山市南海区应急管理局"}
    assert "<script>" not in html.split("</head>", 1)[1].replace('<script id="', "")  # no inline code


def test_two_writers_of_a_new_year_the_second_is_refused_and_keeps_their_text(districts):
    first = districts.client_for(districts.leader)
    second = districts.client_for(districts.admin)
    assert first.get(EDIT).status_code == second.get(EDIT).status_code == 200  # both see no stored text
    saved = first.post(EDIT, {"title": "标题", "body": "甲的文稿。", "version": ""})
    assert saved.status_code == 302
    refused = second.post(EDIT, {"title": "标题", "body": "乙的文稿{{ year }}。", "version": ""})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "2023年报告文稿已由他人先行保存，您的修改未保存" in html
    assert _json(html, "narrative-lines")["body"][0] == [
        {"t": "乙的文稿"},
        {"k": "year", "f": "", "s": "2023"},
        {"t": "。"},
    ]
    assert 'id="latest-narrative"' in html and "甲的文稿。" in html
    assert ReportNarrative.objects.get().body == "甲的文稿。\n"
    # Saved again, deliberately, against the version now stored: the second writer's text replaces it.
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    again = second.post(EDIT, {"title": "标题", "body": "乙的文稿{{ year }}。", "version": version})
    assert again.status_code == 302
    assert ReportNarrative.objects.get().body == "乙的文稿{{ year }}。\n"


def test_a_save_from_an_old_version_is_refused_and_nothing_is_lost(districts):
    narrative = services.narrative_save(
        actor=districts.leader, year=2023, region=districts.district, title="标题", body="第一稿"
    )
    client = districts.client_for(districts.leader)
    client.post(EDIT, {"title": "标题", "body": "第二稿", "version": narrative.version})
    refused = client.post(EDIT, {"title": "标题", "body": "第三稿", "version": narrative.version})
    html = refused.content.decode()
    assert refused.status_code == 200 and "已由他人先行保存" in html and "第三稿" in html and "第二稿" in html
    assert ReportNarrative.objects.get().body == "第二稿\n"
