"""行政处罚决定书 carries every element 行政处罚法第五十九条 requires, in .docx and PDF, for the demo's cases."""

from __future__ import annotations

import datetime
import io
import subprocess

import pytest
from docx import Document

from emgov.cases.decision_letter import statement_paragraphs
from emgov.cases.documents import decision
from emgov.cases.models import CaseStage, PenaltyCase
from emgov.cases.tests.helpers import make_visit
from emgov.demo.case_workflows import build_case_workflows


@pytest.fixture
def demo_cases(nanhai):
    for n in range(7):
        make_visit(nanhai.jiujiang, n + 1, day=datetime.date(2023, 12, 5 + n))
    build_case_workflows()
    return PenaltyCase.objects.filter(decision_number__isnull=False)


def _docx_text(case: PenaltyCase) -> str:
    document = Document(io.BytesIO(decision(case).to_bytes()))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_decision_letter_carries_every_element_of_article_59(demo_cases):
    case = demo_cases.get(stage=CaseStage.ARCHIVED)
    text = _docx_text(case)
    required = {
        "party's name": f"当事人：{case.party_name}",
        "party's address": f"地址：{case.party_address or case.enterprise.address}",
        "facts": f"违法事实：{case.violation}",
        "evidence": "以上事实有下列证据证明：勘验笔录、现场笔录：现场检查记录",
        "article broken": "的上述行为违反了",
        "article applied": f"依据{case.discretion_grade.item.penalty_basis}，本机关决定",
        "penalty": f"罚款人民币{case.fine_amount:,.2f}元",
        "notice": f"《行政处罚告知书》（{case.notice_number}）",
        "statement handled": "书面放弃陈述、申辩",
        "payment deadline": "自收到本决定书之日起十五日内（即2024年1月22日前）",
        "payment place": "指定的代收罚款银行缴纳，或者通过电子支付系统缴纳",
        "late fee": "每日按罚款数额的百分之三加处罚款",
        "review body and limit": "六十日内向佛山市南海区人民政府申请行政复议",
        "court and limit": "六个月内依法向佛山市南海区人民法院提起行政诉讼",
        "not suspended": "本决定不停止执行",
        "authority and seal": f"{case.department.name}（印章）",
        "date": f"{case.decided_on.year}年{case.decided_on.month}月{case.decided_on.day}日",
        "number": case.decision_number,
    }
    missing = [name for name, words in required.items() if words not in text]
    assert missing == [], text


def test_a_statement_is_quoted_with_whether_it_was_adopted(demo_cases):
    contested = (
        PenaltyCase.objects.filter(steps__action="statement").exclude(steps__note__contains="放弃").get()
    )
    text = "\n".join(statement_paragraphs(contested))
    assert "提出陈述、申辩：当事人称已着手编制预案，请求从轻处罚。" in text
    assert "不足以改变拟作出的行政处罚，不予采纳" in text


def test_the_decision_letter_prints_as_pdf_with_the_same_elements(demo_cases, tmp_path):
    case = demo_cases.get(stage=CaseStage.ARCHIVED)
    path = tmp_path / "decision.pdf"
    path.write_bytes(decision(case).to_pdf())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace("\n", "")
    for words in ("行政处罚决定书", "申请行政复议", "提起行政诉讼", "（印章）", case.decision_number):
        assert words in flat
