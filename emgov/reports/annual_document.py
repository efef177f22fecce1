"""The annual report as a 公文: .docx (named styles the bureau can edit in WPS or Word), HTML and PDF."""

from __future__ import annotations

import re

from emgov.core.documents import OfficialDocument
from emgov.reports.annual import AnnualReport

# "1.推动学习宣传贯彻习近平法治思想走深走实。以落实…": the numbered lead sentence is set in bold.
NUMBERED_LEAD = re.compile(r"^(\d+[.．][^。]{1,60}。)(.+)$")


def annual_document(report: AnnualReport) -> OfficialDocument:
    doc = OfficialDocument()
    doc.title(report.title.text)
    doc.blank()
    for block in report.blocks:
        text = block.text
        if block.kind == "h1":
            doc.heading(text, 1)
        elif block.kind == "h2":
            doc.heading(text, 2)
        else:
            lead = NUMBERED_LEAD.match(text)
            if lead:
                doc.paragraph(lead.group(2), label=lead.group(1))
            else:
                doc.paragraph(text)
    doc.signature(report.issuer, report.date)
    return doc


def filename_stem(report: AnnualReport) -> str:
    scope = report.scope
    return f"{scope.region.name}{scope.year}年法治政府建设年度报告"
