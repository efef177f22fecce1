"""Chinese official documents (公文) as .docx: A4, the title in bold 宋体, the body in 仿宋 三号.

Layout after GB/T 9704 (党政机关公文格式): margins 37/35/28/26 mm, 28 pt fixed line spacing, body
paragraphs indented by two characters. Every run gets its `w:eastAsia` font, or Word applies the
Latin font to Chinese text.
"""

from __future__ import annotations

import datetime
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

TITLE_FONT = "宋体"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
LINE_SPACING = Pt(28)
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def set_run_font(run: Run, east_asia: str, size: Pt = BODY_SIZE, *, bold: bool = False) -> Run:
    """Set the run's Chinese (eastAsia) and Latin fonts, size and weight."""
    run.font.name = LATIN_FONT
    run.font.size = size
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    return run


def chinese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class OfficialDocument:
    """A 公文 built paragraph by paragraph; `to_bytes()` gives the .docx."""

    def __init__(self) -> None:
        self.document = Document()
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        normal = self.document.styles["Normal"]
        normal.font.name = LATIN_FONT
        normal.font.size = BODY_SIZE
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    def _paragraph(self, align: WD_ALIGN_PARAGRAPH | None = None, *, indent: bool = False) -> Paragraph:
        paragraph = self.document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_SPACING
        fmt.space_before = fmt.space_after = Pt(0)
        if indent:
            fmt.first_line_indent = Pt(BODY_SIZE.pt * 2)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def title(self, text: str) -> Paragraph:
        paragraph = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER)
        paragraph.paragraph_format.line_spacing = Pt(36)
        set_run_font(paragraph.add_run(text), TITLE_FONT, TITLE_SIZE, bold=True)
        return paragraph

    def number(self, text: str) -> Paragraph:
        """The document number (文号), centred under the title, followed by a blank line."""
        paragraph = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER)
        set_run_font(paragraph.add_run(text), BODY_FONT)
        self.blank()
        return paragraph

    def blank(self) -> Paragraph:
        paragraph = self._paragraph()
        set_run_font(paragraph.add_run(""), BODY_FONT)
        return paragraph

    def addressee(self, text: str) -> Paragraph:
        """The main addressee (主送), flush left, ending with a full-width colon."""
        paragraph = self._paragraph()
        set_run_font(paragraph.add_run(text if text.endswith("：") else f"{text}："), BODY_FONT)
        return paragraph

    def heading(self, text: str) -> Paragraph:
        """A first-level heading (一、…) in 黑体."""
        paragraph = self._paragraph(indent=True)
        set_run_font(paragraph.add_run(text), HEADING_FONT)
        return paragraph

    def paragraph(self, text: str, *, label: str | None = None) -> Paragraph:
        """A body paragraph indented two characters; `label` is set in bold before the text."""
        paragraph = self._paragraph(indent=True)
        if label:
            set_run_font(paragraph.add_run(label), BODY_FONT, bold=True)
        set_run_font(paragraph.add_run(text), BODY_FONT)
        return paragraph

    def signature(self, issuer: str, day: datetime.date) -> None:
        """The issuing body and the date, right-aligned, after two blank lines."""
        self.blank()
        self.blank()
        for text in (issuer, chinese_date(day)):
            paragraph = self._paragraph(WD_ALIGN_PARAGRAPH.RIGHT)
            paragraph.paragraph_format.right_indent = Pt(BODY_SIZE.pt * 4)
            set_run_font(paragraph.add_run(text), BODY_FONT)

    def note(self, text: str) -> Paragraph:
        """A note after the signature, such as （此件依申请公开）."""
        paragraph = self._paragraph(indent=True)
        set_run_font(paragraph.add_run(text), BODY_FONT)
        return paragraph

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()
