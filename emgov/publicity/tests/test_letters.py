"""The reply letter (政府信息公开申请答复书): a .docx in official style that names the request and the reply."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn

from emgov.publicity.tests.helpers import register, reply


def test_reply_letter_names_the_request_and_carries_chinese_fonts(nanhai):
    request = register(nanhai.legal, "2023-09-27", applicant_name="李晓红")
    request = reply(
        request, nanhai.legal, "部分公开", "2023-10-20", reply_content="涉及商业秘密的部分不予公开。"
    )
    response = nanhai.client_for(nanhai.legal).get(f"/publicity/requests/{request.pk}/letter.docx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "政府信息公开申请答复书" in text
    assert request.number in text and "李晓红" in text and "部分公开" in text
    assert "（南海）应急公开答〔2023〕1号" in text and "佛山市南海区应急管理局" in text
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37
    title = document.paragraphs[0]
    assert title.style.name == "公文标题" and title.style.font.bold
    assert title.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    body = next(p for p in document.paragraphs if request.number in p.text)
    assert body.style.name == "公文正文" and body.style.font.size.pt == 16
    assert body.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"


def test_letter_is_not_offered_before_the_reply(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    assert (
        nanhai.client_for(nanhai.legal).get(f"/publicity/requests/{request.pk}/letter.docx").status_code
        == 404
    )


def test_reply_letter_is_served_as_docx_and_pdf_in_official_layout(nanhai, tmp_path):
    import subprocess
    import zipfile

    request = register(nanhai.legal, "2023-09-27", applicant_name="李晓红")
    request = reply(request, nanhai.legal, "予以公开", "2023-10-20")
    client = nanhai.client_for(nanhai.legal)
    base = f"/publicity/requests/{request.pk}/letters/reply"
    docx = client.get(f"{base}.docx")
    assert docx.status_code == 200
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    assert footers and all(" PAGE </w:instrText>" in xml for xml in footers)
    paragraphs = Document(io.BytesIO(docx.content)).paragraphs
    issuer = next(p for p in paragraphs if p.text == "佛山市南海区应急管理局")
    last_body = paragraphs[paragraphs.index(issuer) - 3]
    assert "行政复议" in last_body.text and last_body.paragraph_format.keep_with_next
    pdf = client.get(f"{base}.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "reply.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "政府信息公开申请答复书" in text and "李晓红" in text and "— 1 —" in text.replace("—1—", "— 1 —")
