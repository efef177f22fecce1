"""Official documents: named styles with Chinese fonts in the .docx, an embedded CJK font in the PDF."""

from __future__ import annotations

import datetime
import io
import subprocess

import pytest
from django.http import Http404
from docx import Document
from docx.oxml.ns import qn

from emgov.core.documents import OfficialDocument, document_response


def sample() -> OfficialDocument:
    doc = OfficialDocument()
    doc.title("责令限期整改指令书")
    doc.number("（南海）应急责改〔2023〕12号")
    doc.addressee("佛山市南海区某某五金制品有限公司")
    doc.heading("一、检查发现的问题", level=1)
    doc.heading("（一）重大事故隐患", level=2)
    doc.paragraph("你单位存在下列问题，责令于2023年10月20日前整改完毕。", label="经查，")
    doc.table(
        ["序号", "隐患描述", "等级"],
        [["1", "粉尘涉爆场所未采用防爆电气", "重大事故隐患"], ["2", "消防通道堵塞", "一般隐患"]],
        widths_mm=(15, 110, 31),
    )
    doc.form_table([("当事人", "某某公司"), ("执法人员", "张三（44060123456）")])
    doc.line("执法人员（签名）：")
    doc.signature("佛山市南海区应急管理局", datetime.date(2023, 10, 9))
    return doc


def test_docx_uses_named_styles_that_carry_the_chinese_fonts():
    document = Document(io.BytesIO(sample().to_bytes()))
    by_style = {p.style.name: p for p in document.paragraphs if p.text}
    fonts = {
        name: document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("公文标题", "公文正文", "一级标题", "二级标题", "落款")
    }
    assert fonts == {
        "公文标题": "宋体",
        "公文正文": "仿宋",
        "一级标题": "黑体",
        "二级标题": "楷体",
        "落款": "仿宋",
    }
    assert by_style["公文标题"].text == "责令限期整改指令书"
    assert by_style["一级标题"].text == "一、检查发现的问题"
    assert by_style["落款"].text == "2023年10月9日"
    body = by_style["公文正文"]
    assert body.runs[0].bold and body.runs[0].text == "经查，"
    assert document.styles["公文正文"].paragraph_format.first_line_indent.pt == 32
    grid, form = document.tables
    assert [c.text for c in grid.rows[2].cells] == ["2", "消防通道堵塞", "一般隐患"]
    assert grid.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in form.rows[1].cells] == ["执法人员", "张三（44060123456）"]


def test_pdf_embeds_a_cjk_font_and_prints_the_text(tmp_path):
    pdf = sample().to_pdf()
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "order.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk)  # embedded
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "责令限期整改指令书" in text and "消防通道堵塞" in text


def test_html_escapes_the_content():
    doc = OfficialDocument()
    doc.paragraph("<script>alert(1)</script>")
    html = doc.to_html()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_document_response_offers_docx_and_pdf_only():
    doc = sample()
    docx = document_response(doc, "指令书", "docx")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in docx["Content-Disposition"] and ".docx" in docx["Content-Disposition"]
    assert document_response(doc, "指令书", "pdf").content.startswith(b"%PDF")
    with pytest.raises(Http404):
        document_response(doc, "指令书", "odt")


def test_text_reads_every_block_in_order():
    text = sample().text()
    assert text.index("责令限期整改指令书") < text.index("消防通道堵塞") < text.index("2023年10月9日")
