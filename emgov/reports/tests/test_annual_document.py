"""The annual report's .docx as GB/T 9704 lays it out, and its drill-down pages in the site's words."""

from __future__ import annotations

import io
import re
import zipfile

from emgov.reports.tests import builders as b

QUERY = "year=2023&region=440605&as_of=2023-12-04"


def test_the_docx_report_has_page_numbers_in_its_footers(districts):
    b.visit(b.enterprise("桂城街道"), b.day("2023-03-01"))
    response = districts.client_for(districts.leader).get(f"/reports/annual/report.docx?{QUERY}")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        footers = [
            archive.read(n).decode() for n in archive.namelist() if re.match(r"word/footer\d+\.xml", n)
        ]
        settings = archive.read("word/settings.xml").decode()
    assert len(footers) == 2  # odd pages right, even pages left
    for xml in footers:
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)
        assert "— </w:t>" in xml and "> —</w:t>" in xml
    assert "<w:evenAndOddHeaders" in settings


def test_the_drill_down_speaks_chinese_with_formatted_numbers(districts):
    company = b.enterprise("桂城街道")
    for date in ("2023-03-01", "2023-05-10"):
        b.hazard(b.visit(company, b.day(date)))
    client = districts.client_for(districts.leader)
    page = client.get(f"/reports/annual/figures/enforcement.hazards_found/?{QUERY}").content.decode()
    assert "<h1>执法检查：发现隐患</h1>" in page
    assert "enforcement.hazards_found" not in page.split('id="figure-summary"', 1)[1].split("</p>", 1)[0]
    assert "统计期间 2023-01-01 至 2023-12-04" in page
    assert '<strong id="figure-value">2处</strong>' in page
    rate = client.get(f"/reports/annual/figures/certificates.exam_pass_rate/?{QUERY}").content.decode()
    assert '<strong id="figure-value">0.0%</strong>' in rate


def test_money_reads_in_wan_yuan_where_the_report_does_with_separators_in_the_rows(districts):
    b.penalty(b.day("2023-04-01"), fine="21212000")
    page = districts.client_for(districts.leader).get(
        f"/reports/annual/figures/enforcement.fines_yuan/?{QUERY}"
    )
    html = page.content.decode()
    assert '<strong id="figure-value">2,121.2万元（21,212,000元）</strong>' in html
    assert '<td data-label="罚款金额（元）" class="num">21,212,000.00</td>' in html
