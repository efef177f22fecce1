"""同比 in the report's document: an appendix table of the figures that both years have."""

from __future__ import annotations

import datetime
import io

from docx import Document

from emgov.reports.annual import build_report
from emgov.reports.annual_document import annual_document
from emgov.reports.figures import Scope
from emgov.reports.tests import builders as b


def test_the_document_ends_with_last_years_figures_beside_this_years(districts):
    company = b.enterprise("桂城街道")
    for date in ("2022-03-01", "2023-03-01", "2023-05-10", "2023-09-20"):
        b.hazard(b.visit(company, b.day(date)))
    b.visit(company, b.day("2022-12-20"))  # after the as-of day: not in last year's same period
    scope = Scope.of(year=2023, region_code="440605", as_of=datetime.date(2023, 12, 4))

    document = Document(io.BytesIO(annual_document(build_report(scope, compare=True)).to_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "附件\n主要数据同比" in text and "上年同期为2022年的同一期间" in text
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in document.tables[-1].rows}
    assert rows["检查（次）"] == ["3", "1", "+2"]
    assert rows["发现隐患（处）"] == ["3", "1", "+2"]


def test_without_a_comparison_there_is_no_appendix(districts):
    b.visit(b.enterprise("桂城街道"), b.day("2023-03-01"))
    scope = Scope.of(year=2023, region_code="440605", as_of=datetime.date(2023, 12, 4))
    document = Document(io.BytesIO(annual_document(build_report(scope)).to_bytes()))
    assert "主要数据同比" not in "\n".join(p.text for p in document.paragraphs)
