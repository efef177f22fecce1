"""GB/T 9704-2012 layout of official documents: page numbers, titles, signature kept with the text, tables."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from emgov.core.documents import OfficialDocument
from emgov.core.documents.layout import is_number, title_lines

ISSUER = "佛山市南海区应急管理局"


def _letter(paragraphs: int, title: str = "行政处罚决定书") -> OfficialDocument:
    doc = OfficialDocument()
    doc.title(title)
    doc.number("南应急罚〔2023〕12号")
    for i in range(1, paragraphs + 1):
        doc.paragraph(f"第{i}段。")
    doc.signature(ISSUER, datetime.date(2023, 12, 4))
    return doc


def _parts(docx: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml")}


def test_docx_footers_carry_a_page_field_between_dashes_odd_right_even_left():
    parts = _parts(_letter(3).to_bytes())
    footers = [xml for name, xml in parts.items() if name.startswith("word/footer")]
    assert len(footers) == 2
    for xml in footers:
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)
        assert "— </w:t>" in xml and "> —</w:t>" in xml
        assert 'w:ascii="宋体"' in xml and '<w:sz w:val="28"/>' in xml  # 4号 半角宋体 digits
    assert {re.search(r'<w:jc w:val="(\w+)"/>', xml).group(1) for xml in footers} == {"right", "left"}
    assert "<w:evenAndOddHeaders" in parts["word/settings.xml"]
    document = Document(io.BytesIO(_letter(1).to_bytes()))
    assert document.sections[0].footer.paragraphs[0].alignment == 2  # odd pages (the default footer): right
    assert document.sections[0].even_page_footer.paragraphs[0].alignment == 0  # even pages: left


def test_docx_keeps_the_last_paragraph_with_the_signature_and_the_title_together():
    document = Document(io.BytesIO(_letter(5).to_bytes()))
    paragraphs = document.paragraphs
    last = next(p for p in paragraphs if p.text == "第5段。")
    issuer = next(p for p in paragraphs if p.text == ISSUER)
    assert last.paragraph_format.keep_with_next and issuer.paragraph_format.keep_with_next
    between = paragraphs[paragraphs.index(last) + 1 : paragraphs.index(issuer)]
    assert between and all(p.paragraph_format.keep_with_next for p in between)
    assert not next(p for p in paragraphs if p.text == "第4段。").paragraph_format.keep_with_next
    title = paragraphs[0]
    assert title.paragraph_format.keep_together and title.paragraph_format.keep_with_next


def test_a_long_title_turns_between_words_and_keeps_each_line_within_the_type_area():
    title = "佛山市南海区应急管理局关于印发《佛山市南海区安全生产举报奖励办法》的通知"
    assert title_lines(title) == [
        "佛山市南海区应急管理局关于印发",
        "《佛山市南海区安全生产举报奖励办法》",
        "的通知",
    ]
    assert title_lines("佛山市南海区应急管理局2023年法治政府建设年度报告") == [
        "佛山市南海区应急管理局",
        "2023年法治政府建设年度报告",
    ]
    assert all(
        "年\n度" not in "\n".join(title_lines(t)) for t in ("关于开展2024年度安全生产执法检查工作的通知",)
    )
    assert title_lines("行政处罚决定书") == ["行政处罚决定书"]
    document = Document(io.BytesIO(_letter(1, title).to_bytes()))
    assert document.paragraphs[0].text.split("\n") == title_lines(title)


def test_table_rows_do_not_split_and_numbers_are_right_aligned():
    doc = OfficialDocument()
    doc.table(
        ["序号", "单位", "罚款（元）", "日期"],
        [["1", "甲公司", "1,200.00", "2023-01-05"], ["2", "乙公司", "35", ""]],
    )
    table = Document(io.BytesIO(doc.to_bytes())).tables[0]
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    body = table.rows[1].cells
    assert body[2].paragraphs[0].alignment == 2 and body[0].paragraphs[0].alignment == 2
    assert body[1].paragraphs[0].alignment is None and body[3].paragraphs[0].alignment is None
    html = doc.to_html()
    assert '<td class="num">1,200.00</td>' in html and "tr { break-inside: avoid; }" in html
    assert is_number("93.0%") and is_number("2,121.2万元") and not is_number("2023-01-05")


def _pdf_pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def test_pdf_numbers_its_pages_with_dashes(tmp_path):
    pages = [p for p in _pdf_pages(_letter(40).to_pdf(), tmp_path) if p.strip()]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"—\s*{number}\s*—", page)


@pytest.mark.parametrize("paragraphs", range(17, 23))
def test_pdf_never_leaves_the_signature_alone_on_a_page(paragraphs, tmp_path):
    pages = _pdf_pages(_letter(paragraphs).to_pdf(), tmp_path)
    with_issuer = next(page for page in pages if ISSUER in page)
    assert f"第{paragraphs}段。" in with_issuer and "2023年12月4日" in with_issuer
