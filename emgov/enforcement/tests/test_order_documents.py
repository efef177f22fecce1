"""The printable orders: .docx with the 文号, the enterprise, the officers and the hazards; PDF with a CJK font."""

from __future__ import annotations

import datetime
import io
import subprocess

import docx

from emgov.enforcement.models import OrderType
from emgov.enforcement.procedures import ORDER
from emgov.enforcement.services import orders
from emgov.enforcement.services.documents import order_document
from emgov.enforcement.tests.hazard_helpers import make_visit, register

D = datetime.date


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def rectification_order(nanhai):
    officer = nanhai.guicheng_officer
    visit = make_visit(nanhai.guicheng)
    first = register(visit, officer, deadline=D(2023, 6, 20), text="配电房消防通道堵塞")
    second = register(
        visit, officer, grade="重大事故隐患", deadline=D(2023, 7, 1), text="除尘系统未设置泄爆装置"
    )
    return orders.order_issue(
        actor=officer,
        visit=visit,
        doc_type=OrderType.RECTIFY,
        hazards=[first, second],
        issued_on=D(2023, 6, 1),
    )


def test_the_docx_carries_number_enterprise_officers_and_both_hazards(nanhai):
    order = rectification_order(nanhai)
    text = docx_text(order_document(order).to_bytes())
    assert "责令限期整改指令书" in text and order.number in text
    assert "桂城五金制品有限公司" in text and "桂城街道南海大道1号" in text and "张三" in text
    assert "配电房消防通道堵塞" in text and "除尘系统未设置泄爆装置" in text
    assert "YJ101" in text and "YJ102" in text
    assert "安全生产法》第六十五条" in text and "行政复议" in text
    assert "2023年7月1日" in text


def test_the_pdf_embeds_a_chinese_font(nanhai, tmp_path):
    order = rectification_order(nanhai)
    data = order_document(order).to_pdf()
    assert data.startswith(b"%PDF")
    path = tmp_path / "order.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk)


def test_a_seizure_document_states_its_extension(nanhai):
    visit = make_visit(nanhai.guicheng)
    seizure = orders.order_issue(actor=None, visit=visit, doc_type=OrderType.SEIZE, issued_on=D(2023, 6, 1))
    seizure = ORDER.take(
        "extend",
        seizure,
        actor=None,
        extension_days=20,
        extension_reason="需委托检测",
        extension_approved_by=nanhai.leader,
        decided_on=D(2023, 6, 20),
    )
    text = docx_text(order_document(seizure).to_bytes())
    assert "查封扣押决定书" in text and "需委托检测" in text and "2023年7月21日" in text
