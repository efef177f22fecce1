"""The .docx rendering: every block in a named paragraph style that carries its Chinese font.

Layout after GB/T 9704 (党政机关公文格式): margins 37/35/28/26 mm, 28 pt fixed line spacing, body
paragraphs indented by two characters; page numbers "— 1 —" in 4号 半角宋体, odd pages right and even
pages left with one character's space (7.5); a long title broken between words (`layout.title_lines`)
and kept on one page; the last paragraph kept with the signature; table rows never split across pages
and numbers right-aligned in their cells. Fonts live in the styles (公文标题, 正文, 一级标题, …), with
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
from emgov.core.documents.layout import PAGE_NUMBER_DASH, numeric_columns, title_lines

TITLE_FONT = "宋体"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
KAI_FONT = "楷体"
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
TABLE_SIZE = Pt(12)  # 小四
PAGE_NUMBER_SIZE = Pt(14)  # 4号
PAGE_NUMBER_FONT = "宋体"
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
    if block.keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
    if block.label:
        paragraph.add_run(block.label).bold = True
    if block.kind == "title":
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = True
        for i, line in enumerate(title_lines(block.text)):
            if i:
                paragraph.add_run().add_break()
            paragraph.add_run(line)
    elif block.text:
        paragraph.add_run(block.text)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A field (`PAGE`) as Word writes it: begin, instruction, separate, the shown value, end."""

    def char(kind: str):
        run = paragraph.add_run()
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run._r.append(fld)
        return run

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _page_number(footer, align: WD_ALIGN_PARAGRAPH) -> None:
    """The page number, — n —, in 4号 半角宋体 (digits and dashes alike), one character in from the edge."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = PAGE_NUMBER_SIZE
    else:
        fmt.left_indent = PAGE_NUMBER_SIZE
    paragraph.add_run(f"{PAGE_NUMBER_DASH} ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(f" {PAGE_NUMBER_DASH}")
    for run in paragraph.runs:
        run.font.size = PAGE_NUMBER_SIZE
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            fonts.set(qn(attr), PAGE_NUMBER_FONT)


def _page_numbers(document: DocxDocument) -> None:
    """Odd pages right, even pages left (GB/T 9704 7.5): separate odd and even footers."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.footer_distance = Mm(23)  # the dashes 7 mm below the type area
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _row_property(row, name: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    prop = OxmlElement(name)
    prop.set(qn("w:val"), "true")
    tr_pr.append(prop)


def _table(document, headers: tuple[str, ...], rows, widths: tuple[float, ...], *, bold_first_col=False):
    columns = len(headers) or len(rows[0])
    table = document.add_table(rows=0, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_style = STYLES["cell"].name
    numbers = numeric_columns(rows)
    lines = ([headers] if headers else []) + list(rows)
    for i, values in enumerate(lines):
        row = table.add_row()
        _row_property(row, "w:cantSplit")
        is_header = bool(headers) and i == 0
        for j, value in enumerate(values):
            paragraph = row.cells[j].paragraphs[0]
            paragraph.style = document.styles[cell_style]
            if j in numbers and not is_header:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif is_header:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(value)
            run.bold = is_header or (bold_first_col and j == 0) or None
            if widths:
                row.cells[j].width = Mm(widths[j])
    if headers:
        _row_property(table.rows[0], "w:tblHeader")


def render_docx(doc: OfficialDocument) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _add_styles(document)
    _page_numbers(document)
    for block in doc.blocks:
        if block.kind == "table":
            _table(document, block.headers, block.rows, block.widths_mm)
        elif block.kind == "form":
            _table(document, (), block.rows, (40, 116), bold_first_col=True)
        elif block.kind == "image":
            paragraph = document.add_paragraph(style=STYLES["line"].name)
            paragraph.add_run(block.text)
            paragraph.add_run().add_picture(io.BytesIO(block.image), height=Mm(block.image_height_mm))
        elif block.kind == "page_break":
            document.add_paragraph(style=STYLES["paragraph"].name).add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "blank":
            paragraph = document.add_paragraph(style=STYLES["paragraph"].name)
            paragraph.paragraph_format.keep_with_next = block.keep_with_next or None
        else:
            _paragraph(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
