"""The annual report as a 公文: .docx (named styles the bureau can edit in WPS or Word), HTML and PDF."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from emgov.core.documents import OfficialDocument
from emgov.reports.annual import AnnualReport, figure_for
from emgov.reports.wording import percent_one_decimal, thousands, wan_yuan_one_decimal

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
    comparison = comparison_rows(report)
    if comparison:
        doc.page_break()
        doc.line(_("附件"))
        doc.title(_("主要数据同比"))
        doc.paragraph(
            _("统计期间为%(year)s年1月1日至%(day)s，上年同期为%(last)s年的同一期间。")
            % {
                "year": report.scope.year,
                "day": f"{report.date.month}月{report.date.day}日",
                "last": report.scope.year - 1,
            }
        )
        headers = [
            _("数据项"),
            _("%(y)s年") % {"y": report.scope.year},
            pgettext("column", "上年同期"),
            _("增减"),
        ]
        doc.table(headers, comparison, widths_mm=(80, 26, 26, 24))
    return doc


def _number(key: str, value: Any, unit: str) -> str:
    """A number of the 同比 table: rates as percentages, money in 万元 as the report words it, the rest
    with thousands separators."""
    if isinstance(value, float) and key.endswith("_rate"):
        return percent_one_decimal(value)
    if unit == "元":
        return wan_yuan_one_decimal(value).removesuffix("万元")
    return thousands(value)


def comparison_rows(report: AnnualReport) -> list[list[str]]:
    """同比: each figure of the report that is a number in both years, with the change for counts."""
    rows = []
    for key, value in report.values.items():
        before = report.previous.get(key)
        numbers = (int, float, Decimal)
        if isinstance(value, bool) or not isinstance(value, numbers) or not isinstance(before, numbers):
            continue
        if not (value or before):
            continue
        figure = figure_for(key)
        change = f"{value - before:+,d}" if isinstance(value, int) and isinstance(before, int) else ""
        unit = "万元" if figure.unit == "元" else figure.unit
        label = f"{figure.words}（{unit}）" if unit else str(figure.words)
        rows.append([label, _number(key, value, figure.unit), _number(key, before, figure.unit), change])
    return rows


def filename_stem(report: AnnualReport) -> str:
    scope = report.scope
    return f"{scope.region.name}{scope.year}年法治政府建设年度报告"
