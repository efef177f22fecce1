"""The legal office's ledgers: counsel, litigation, normative documents, study sessions and exams."""

from __future__ import annotations

import pytest

from emgov.core import audit, services
from emgov.core.models import Department, Officer
from emgov.legal.models import ExamResult, LitigationCase, NormativeDocument

PAGES = [
    "/legal/counsel/",
    "/legal/litigation/",
    "/legal/normative-documents/",
    "/legal/study-sessions/",
    "/legal/exams/",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_legal_ledger_has_a_list_and_a_form_for_legal_staff(nanhai, url):
    client = nanhai.client_for(nanhai.legal)
    assert client.get(url).status_code == 200
    assert client.get(f"{url}new/").status_code == 200
    assert client.get(f"{url}import/").status_code == 200
    officer = nanhai.client_for(nanhai.district_officer)
    assert officer.get(url).status_code == 200
    assert officer.get(f"{url}new/").status_code == 404


def test_litigation_is_created_listed_and_edited(nanhai):
    client = nanhai.client_for(nanhai.legal)
    data = {
        "number": "（2023）粤0605行初12号",
        "kind": "行政诉讼",
        "received_on": "2023-07-03",
        "cause": "不服行政处罚决定",
        "counterparty": "某五金厂",
        "head_appeared": "on",
    }
    page = client.post("/legal/litigation/new/", data).content.decode()
    assert "只有负责人应出庭的案件才能填写负责人实际出庭" in page
    data["head_required"] = "on"
    page = client.post("/legal/litigation/new/", data).content.decode()
    assert "负责人实际出庭时必须填写出庭人员姓名" in page
    data.update(appeared_name="陈局长", appeared_position="局长")
    assert client.post("/legal/litigation/new/", data).status_code == 302
    case = LitigationCase.objects.get()
    assert "不服行政处罚决定" in client.get("/legal/litigation/").content.decode()
    assert client.get(f"/legal/litigation/{case.pk}/").status_code == 200
    data.update(result="维持", _version=case.version)
    assert client.post(f"/legal/litigation/{case.pk}/edit/", data).status_code == 302
    assert audit.history(case).get(action="change").changes == {"result": ["", "维持"]}


def test_normative_document_title_is_written_without_book_title_marks(nanhai):
    client = nanhai.client_for(nanhai.legal)
    data = {
        "number": "南应急规〔2023〕1号",
        "title": "《安全生产约谈办法》",
        "effective_on": "2023-02-01",
        "status": "有效",
    }
    assert "名称不带书名号" in client.post("/legal/normative-documents/new/", data).content.decode()
    data["title"] = "安全生产约谈办法"
    assert client.post("/legal/normative-documents/new/", data).status_code == 302
    assert NormativeDocument.objects.get().title == "安全生产约谈办法"


def test_exam_results_list_the_officer_and_department(nanhai):
    officer = services.record_create(
        Officer(certificate_number="YJ001", name="李执法", department=Department.objects.get(is_bureau=True)),
        actor=None,
    )
    client = nanhai.client_for(nanhai.legal)
    data = {"year": "2023", "officer": officer.pk, "score": "92.5", "passed": "on"}
    assert client.post("/legal/exams/new/", data).status_code == 302
    page = client.get("/legal/exams/", {"year": "2023"}).content.decode()
    assert "李执法" in page and "YJ001" in page and "92.5" in page
    again = client.post("/legal/exams/new/", data).content.decode()
    assert "执法证考试 已经存在" in again and ExamResult.objects.count() == 1


def test_town_officers_do_not_see_the_bureaus_exam_results(nanhai):
    officer = services.record_create(
        Officer(certificate_number="YJ001", name="李执法", department=Department.objects.get(is_bureau=True)),
        actor=None,
    )
    result = services.record_create(ExamResult(year=2023, officer=officer, passed=True), actor=None)
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"/legal/exams/{result.pk}/").status_code == 404
    assert "李执法" not in client.get("/legal/exams/").content.decode()


def test_counsel_record_lists_by_year(nanhai):
    client = nanhai.client_for(nanhai.legal)
    data = {"number": "FG2023001", "kind": "合同审查", "date": "2023-08-01", "subject": "物资采购合同"}
    assert client.post("/legal/counsel/new/", data).status_code == 302
    assert "物资采购合同" in client.get("/legal/counsel/", {"year": "2023"}).content.decode()
    assert "物资采购合同" not in client.get("/legal/counsel/", {"year": "2022"}).content.decode()
