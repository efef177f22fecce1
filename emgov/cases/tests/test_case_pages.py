"""The case page: deadlines, the steps of the procedure with their forms and clear refusals, documents,
scope; a stale or out-of-turn step posted to `penalties/<pk>/steps/<step>/` writes nothing."""

from __future__ import annotations

import datetime
import io

import pytest
from docx import Document

from emgov.cases.models import CaseStage, CaseStep, PenaltyCase
from emgov.cases.tests.helpers import decided_case, make_visit, notified_case, open_case, take

D = datetime.date


def detail(pk: int) -> str:
    return f"/cases/penalties/{pk}/"


def step_url(pk: int, step: str) -> str:
    return f"{detail(pk)}steps/{step}/"


def test_the_case_page_shows_the_deadlines_and_only_the_steps_of_its_stage(nanhai):
    case = open_case(nanhai)
    page = nanhai.client_for(nanhai.legal).get(detail(case.pk)).content.decode()
    assert "2023-05-31" in page and "立案之日起九十日" in page
    assert 'id="step-investigate"' in page and 'id="step-decide"' not in page
    assert f'action="{step_url(case.pk, "investigate")}"' in page
    assert f'name="_version" value="{case.version}"' in page
    assert "立案审批表" in page


def test_a_step_has_its_own_page_with_its_form(nanhai):
    case = notified_case(nanhai, fine="60000")
    page = nanhai.client_for(nanhai.legal).get(step_url(case.pk, "hearing_request")).content.decode()
    assert "当事人申请听证" in page and 'name="on"' in page and f'value="{case.version}"' in page
    review = nanhai.client_for(nanhai.legal).get(step_url(case.pk, "review")).content.decode()
    assert "证据充分" in review and 'name="point_evidence"' in review
    assert nanhai.client_for(nanhai.district_officer).get(step_url(case.pk, "review")).status_code == 403


def test_a_step_refused_by_a_rule_is_shown_with_its_article(nanhai):
    case = take("investigate", open_case(nanhai), nanhai.legal, on=D(2023, 3, 3))
    page = nanhai.client_for(nanhai.legal).get(detail(case.pk)).content.decode()
    assert 'id="step-notify"' in page and "暂不能办理" in page and "行政处罚法第五十四条" in page


def test_a_town_officer_sees_the_case_but_no_steps_and_may_not_take_one(nanhai):
    case = open_case(nanhai)
    client = nanhai.client_for(nanhai.guicheng_officer)
    page = client.get(detail(case.pk)).content.decode()
    assert case.case_number in page and 'id="step-investigate"' not in page
    response = client.post(step_url(case.pk, "investigate"), {"on": "2023-03-03", "_version": case.version})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.stage == CaseStage.FILED


def test_a_step_is_taken_from_the_page_with_the_version_it_showed(nanhai):
    case = open_case(nanhai)
    client = nanhai.client_for(nanhai.legal)
    response = client.post(step_url(case.pk, "investigate"), {"on": "2023-03-03", "_version": case.version})
    assert response.status_code == 302 and response["Location"] == detail(case.pk)
    case.refresh_from_db()
    assert case.stage == CaseStage.INVESTIGATION
    assert CaseStep.objects.get(case=case, action="investigate").done_on == D(2023, 3, 3)


def test_a_stale_step_from_the_page_is_refused_and_writes_nothing(nanhai):
    case = open_case(nanhai)
    stale = case.version
    take("investigate", case, nanhai.legal, on=D(2023, 3, 3))
    client = nanhai.client_for(nanhai.leader)
    data = {
        "approved_on": "2023-03-04",
        "new_due_on": "2023-06-30",
        "reason": "需鉴定",
        "_version": stale,
    }
    response = client.post(step_url(case.pk, "extend"), data)
    assert response.status_code == 422 and "已被其他人修改" in response.content.decode()
    case.refresh_from_db()
    assert case.decision_due_on == D(2023, 5, 31) and not case.extensions.exists()
    assert not CaseStep.objects.filter(case=case, action="extend").exists()


def test_a_step_posted_out_of_turn_is_refused_with_the_reason(nanhai):
    case = open_case(nanhai)
    client = nanhai.client_for(nanhai.leader)
    response = client.post(step_url(case.pk, "decide"), {"on": "2023-03-10", "_version": case.version})
    assert response.status_code == 422
    assert "“作出处罚决定”不是当前（立案）可以办理的环节" in response.content.decode()
    case.refresh_from_db()
    assert case.stage == CaseStage.FILED and case.decided_on is None
    assert client.post(step_url(case.pk, "nope"), {"_version": case.version}).status_code == 404


def test_a_step_with_bad_input_names_the_field_and_writes_nothing(nanhai):
    case = notified_case(nanhai, fine="60000", on=D(2023, 9, 28), filed_on=D(2023, 9, 1))
    client = nanhai.client_for(nanhai.legal)
    response = client.post(
        step_url(case.pk, "hearing_request"), {"on": "2023-10-12", "_version": case.version}
    )
    assert response.status_code == 422
    assert "期限已于2023-10-11届满" in response.content.decode()
    case.refresh_from_db()
    assert case.hearing_requested_on is None


def test_filing_from_the_page_with_a_visit_number(nanhai):
    visit = make_visit(nanhai.guicheng)
    client = nanhai.client_for(nanhai.legal)
    response = client.post(
        "/cases/penalties/open/",
        {"filed_on": "2023-03-02", "visit_number": visit.number, "violation": "未开展培训"},
    )
    case = PenaltyCase.objects.get()
    assert response.status_code == 302 and case.visit == visit and case.party_name == visit.enterprise.name
    response = client.post("/cases/penalties/open/", {"filed_on": "2023-03-02", "visit_number": "NOPE"})
    assert response.status_code == 422 and "找不到检查编号" in response.content.decode()


def test_another_towns_case_is_404_and_its_documents_too(nanhai):
    case = decided_case(nanhai)  # in 桂城
    client = nanhai.client_for(nanhai.jiujiang_officer)
    assert client.get(detail(case.pk)).status_code == 404
    assert client.get(f"{detail(case.pk)}documents/decision.docx").status_code == 404
    response = client.post(step_url(case.pk, "serve"), {"on": "2023-03-29", "_version": case.version})
    assert response.status_code == 404
    assert nanhai.client_for(nanhai.guicheng_officer).get(detail(case.pk)).status_code == 200


def test_the_decision_document_in_word_carries_its_number(nanhai):
    case = decided_case(nanhai)
    response = nanhai.client_for(nanhai.legal).get(f"{detail(case.pk)}documents/decision.docx")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert case.decision_number in text and "行政处罚决定书" in text and "六十日内" in text


@pytest.mark.parametrize("key", ["filing", "notice", "decision", "cover", "contents"])
def test_each_document_opens_in_word(nanhai, key):
    case = decided_case(nanhai)
    response = nanhai.client_for(nanhai.legal).get(f"{detail(case.pk)}documents/{key}.docx")
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs) + "".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    number = {"notice": case.notice_number, "decision": case.decision_number}.get(key, case.case_number)
    assert number in text


def test_the_closing_form_and_hearing_notice_exist_once_their_step_did(nanhai):
    case = decided_case(nanhai)
    client = nanhai.client_for(nanhai.legal)
    assert client.get(f"{detail(case.pk)}documents/closing.docx").status_code == 404
    assert client.get(f"{detail(case.pk)}documents/hearing.docx").status_code == 404
    case = take("serve", case, nanhai.legal, on=D(2023, 3, 29))
    case = take("pay", case, nanhai.legal, on=D(2023, 4, 1))
    take("close", case, nanhai.legal, on=D(2023, 4, 3))
    response = client.get(f"{detail(case.pk)}documents/closing.docx")
    assert response.status_code == 200
    assert client.get(f"{detail(case.pk)}documents/decision.txt").status_code == 404


def test_the_decision_pdf_embeds_a_cjk_font(nanhai, tmp_path):
    import shutil
    import subprocess

    case = decided_case(nanhai)
    response = nanhai.client_for(nanhai.legal).get(f"{detail(case.pk)}documents/decision.pdf")
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts is not installed")
    path = tmp_path / "decision.pdf"
    path.write_bytes(response.content)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line or "Noto" in line]
    assert cjk and all(" yes " in line for line in cjk)


def test_the_summary_procedure_page_decides_within_the_limits_and_refuses_beyond(nanhai):
    client = nanhai.client_for(nanhai.legal)
    data = {
        "decided_on": "2023-05-06",
        "party_name": "张某",
        "party_type": "自然人",
        "violation": "未佩戴劳动防护用品",
        "legal_basis": "《安全生产法》第九十九条",
        "penalty_kinds": ["罚款"],
        "fine_amount": "300",
    }
    response = client.post("/cases/penalties/summary/", data)
    assert response.status_code == 422
    assert "简易程序对公民的罚款不能超过200元" in response.content.decode()
    assert not PenaltyCase.objects.exists()
    response = client.post("/cases/penalties/summary/", {**data, "fine_amount": "200"})
    case = PenaltyCase.objects.get()
    assert response.status_code == 302 and case.procedure == "简易程序" and case.decided_on == D(2023, 5, 6)


def test_a_case_handled_in_the_system_is_not_edited_through_the_ledger_form(nanhai):
    case = open_case(nanhai)
    client = nanhai.client_for(nanhai.legal)
    page = client.get(detail(case.pk)).content.decode()
    assert f'href="{detail(case.pk)}edit/"' not in page  # no 修改 button
    response = client.get(f"{detail(case.pk)}edit/", follow=True)
    assert "请通过“可办理的环节”办理" in response.content.decode()
    form = {
        "case_number": case.case_number,
        "filed_on": "2023-03-02",
        "decided_on": "2023-03-05",
        "party_name": case.party_name,
        "party_type": case.party_type,
        "party_credit_code": case.party_credit_code,
        "department": case.department_id,
        "violation": case.violation,
        "legal_basis": "x",
        "penalty_kinds": ["警告"],
        "procedure": "普通程序",
        "_version": case.version,
    }
    response = client.post(f"{detail(case.pk)}edit/", form, follow=True)
    assert "请通过“可办理的环节”办理" in response.content.decode()
    case.refresh_from_db()
    assert case.decided_on is None
