"""The document description: an ordered list of blocks that each renderer lays out."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_CONTENT_TYPE = "application/pdf"


def chinese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """A count in Chinese numerals as documents write periods: 6 → 六, 15 → 十五, 60 → 六十; from 100 on,
    digits."""
    if not 0 <= number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return DIGITS[units]
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[units] if units else "")


@dataclass(frozen=True)
class Block:
    """One part of a document. `kind` names the style; `text`, `label`, `rows` carry the content."""

    kind: str
    text: str = ""
    label: str = ""
    level: int = 1
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths_mm: tuple[float, ...] = ()
    # Kept on one page with the block after it (the last paragraph with the signature, GB/T 9704 7.3.5).
    keep_with_next: bool = False
    # An image drawn after `text` on a line (a signature drawn on a screen): PNG or JPEG bytes.
    image: bytes = b""
    image_height_mm: float = 0


@dataclass
class OfficialDocument:
    """A 公文 built block by block; `to_bytes()` gives the .docx, `to_pdf()` the PDF."""

    blocks: list[Block] = field(default_factory=list)

    def _add(self, block: Block) -> Block:
        self.blocks.append(block)
        return block

    def title(self, text: str) -> Block:
        return self._add(Block("title", text))

    def number(self, text: str) -> Block:
        """The document number (文号), centred under the title, followed by a blank line."""
        block = self._add(Block("number", text))
        self.blank()
        return block

    def blank(self) -> Block:
        return self._add(Block("blank"))

    def addressee(self, text: str) -> Block:
        """The main addressee (主送), flush left, ending with a full-width colon."""
        return self._add(Block("addressee", text if text.endswith("：") else f"{text}："))

    def heading(self, text: str, level: int = 1) -> Block:
        """A heading: level 1 (一、) in 黑体, level 2 (（一）) in 楷体, level 3 (1.) in bold 仿宋."""
        if level not in (1, 2, 3):
            raise ValueError(f"heading level must be 1, 2 or 3, not {level}")
        return self._add(Block("heading", text, level=level))

    def paragraph(self, text: str, *, label: str | None = None) -> Block:
        """A body paragraph indented two characters; `label` is set in bold before the text."""
        return self._add(Block("paragraph", text, label=label or ""))

    def note(self, text: str) -> Block:
        """A note after the signature, such as （此件依申请公开）."""
        return self._add(Block("paragraph", text))

    def line(self, text: str) -> Block:
        """A line flush left without indent: form fields, signature lines (执法人员（签名）：)."""
        return self._add(Block("line", text))

    def image_line(self, text: str, image: bytes, height_mm: float = 12) -> Block:
        """A line flush left: `text`, then the image (PNG or JPEG) `height_mm` high, e.g. 执法人员（签名）：
        and the signature drawn on a screen."""
        return self._add(Block("image", text, image=image, image_height_mm=height_mm))

    def signature(self, issuer: str, day: datetime.date | None, *, seal: bool = False) -> None:
        """The issuing body and the date, right-aligned, after two blank lines; the last text block
        before it is kept on the same page (a signature never stands alone on a page). `seal` marks
        where the seal goes (（印章）after the issuer, as the enforcement documents are printed)."""
        for i in range(len(self.blocks) - 1, -1, -1):
            if self.blocks[i].kind in ("paragraph", "line", "heading", "addressee"):
                self.blocks[i] = replace(self.blocks[i], keep_with_next=True)
                break
        self._add(Block("blank", keep_with_next=True))
        self._add(Block("blank", keep_with_next=True))
        self._add(Block("signature", f"{issuer}（印章）" if seal else issuer, keep_with_next=True))
        self._add(Block("signature", chinese_date(day) if day else "　　年　　月　　日"))

    def table(
        self, headers: Sequence[str], rows: Sequence[Sequence[object]], widths_mm: Sequence[float] = ()
    ) -> Block:
        """A grid with a header row repeated on each page; cells are shown as text (None as empty)."""
        if widths_mm and len(widths_mm) != len(headers):
            raise ValueError("widths_mm must give one width per column")
        return self._add(
            Block(
                "table",
                headers=tuple(str(h) for h in headers),
                rows=tuple(tuple("" if c is None else str(c) for c in row) for row in rows),
                widths_mm=tuple(widths_mm),
            )
        )

    def form_table(self, pairs: Sequence[tuple[str, object]]) -> Block:
        """A two-column form (label, value), as on an 审批表."""
        return self._add(
            Block("form", rows=tuple((str(label), "" if v is None else str(v)) for label, v in pairs))
        )

    def page_break(self) -> Block:
        return self._add(Block("page_break"))

    def text(self) -> str:
        """The document's text in reading order (tests, search, previews)."""
        parts: list[str] = []
        for block in self.blocks:
            parts.append(block.label + block.text)
            parts.extend(" ".join(row) for row in ((block.headers,) if block.headers else ()) + block.rows)
        return "\n".join(p for p in parts if p)

    def to_bytes(self) -> bytes:
        from emgov.core.documents.word import render_docx

        return render_docx(self)

    def to_html(self) -> str:
        from emgov.core.documents.pdf import render_html

        return render_html(self)

    def to_pdf(self) -> bytes:
        from emgov.core.documents.pdf import render_pdf

        return render_pdf(self)


def document_response(doc: OfficialDocument, filename_stem: str, fmt: str) -> HttpResponse:
    """The document as a download: `fmt` is "docx" or "pdf"; anything else is 404."""
    if fmt == "docx":
        response = HttpResponse(doc.to_bytes(), content_type=DOCX_CONTENT_TYPE)
    elif fmt == "pdf":
        response = HttpResponse(doc.to_pdf(), content_type=PDF_CONTENT_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = content_disposition_header(True, f"{filename_stem}.{fmt}")
    return response
