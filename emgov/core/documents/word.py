"""The .docx rendering: every block in a named paragraph style that carries its Chinese font.

Layout after GB/T 9704 (党政机关公文格式): margins 37/35/28/26 mm, 28 pt fixed line spacing, body
paragraphs indented by two characters. Fonts live in the styles (公文标题, 正文, 一级标题, …), with
`w:eastAsia` set, so that restyling a document in WPS or Word changes every paragraph of that kind.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from emgov.core.documents.base import Block, OfficialDocument

TITLE_FONT = "宋体"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
KAI_FONT = "楷体"
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
TABLE_SIZE = Pt(12)  # 小四
LINE_SPACING = Pt(28)


@dataclass(frozen=True)
class Style:
    name: str
    font: str
    size: Pt = BODY_SIZE
    bold: bool = False
    align: WD_ALIGN_PARAGRAPH | None = None
    indent: bool = False
    right_indent_chars: int = 0
    line: Pt = LINE_SPACING


STYLES = {
    "title": Style(
        "公文标题", TITLE_FONT, TITLE_SIZE, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(36)
    ),
    "number": Style("文号", BODY_FONT, align=WD_ALIGN_PARAGRAPH.CENTER),
    "addressee": Style("主送机关", BODY_FONT),
    "paragraph": Style("公文正文", BODY_FONT, indent=True),
    "line": Style("表单行", BODY_FONT),
    "heading1": Style("一级标题", HEADING_FONT, indent=True),
    "heading2": Style("二级标题", KAI_FONT, indent=True),
    "heading3": Style("三级标题", BODY_FONT, bold=True, indent=True),
    "signature": Style("落款", BODY_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT, right_indent_chars=4),
    "cell": Style("表格文字", BODY_FONT, TABLE_SIZE, line=Pt(20)),
}


def _fonts(element, east_asia: str) -> None:
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _add_styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = BODY_SIZE
    _fonts(normal.element, BODY_FONT)
    for spec in STYLES.values():
        style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.name = LATIN_FONT
        style.font.size = spec.size
        style.font.bold = spec.bold
        _fonts(style.element, spec.font)
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = spec.line
        fmt.space_before = fmt.space_after = Pt(0)
        if spec.indent:
            fmt.first_line_indent = Pt(spec.size.pt * 2)
        if spec.right_indent_chars:
            fmt.right_indent = Pt(spec.size.pt * spec.right_indent_chars)
        if spec.align is not None:
            fmt.alignment = spec.align


def _style_key(block: Block) -> str:
    return f"heading{block.level}" if block.kind == "heading" else block.kind


def _paragraph(document, block: Block) -> None:
    paragraph = document.add_paragraph(style=STYLES[_style_key(block)].name)
    if block.label:
        paragraph.add_run(block.label).bold = True
    if block.text:
        paragraph.add_run(block.text)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _table(document, headers: tuple[str, ...], rows, widths: tuple[float, ...], *, bold_first_col=False):
    columns = len(headers) or len(rows[0])
    table = document.add_table(rows=0, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_style = STYLES["cell"].name
    lines = ([headers] if headers else []) + list(rows)
    for i, values in enumerate(lines):
        cells = table.add_row().cells
        for j, value in enumerate(values):
            paragraph = cells[j].paragraphs[0]
            paragraph.style = document.styles[cell_style]
            run = paragraph.add_run(value)
            run.bold = (headers and i == 0) or (bold_first_col and j == 0) or None
            if widths:
                cells[j].width = Mm(widths[j])
    if headers:
        _repeat_header(table.rows[0])


def render_docx(doc: OfficialDocument) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _add_styles(document)
    for block in doc.blocks:
        if block.kind == "table":
            _table(document, block.headers, block.rows, block.widths_mm)
        elif block.kind == "form":
            _table(document, (), block.rows, (40, 116), bold_first_col=True)
        elif block.kind == "page_break":
            document.add_paragraph(style=STYLES["paragraph"].name).add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "blank":
            document.add_paragraph(style=STYLES["paragraph"].name)
        else:
            _paragraph(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
