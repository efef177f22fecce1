"""The legal office's procedures on the pages and through the API: the steps offered from each state,
taken with the version the user saw, scoped, refused with the reason; attachments on counsel records."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from emgov.core import audit, services
from emgov.core.models import Attachment, Department, Officer
from emgov.legal.models import CounselRecord, LitigationCase, NormativeDocument
from emgov.legal.procedures import COUNSEL, LITIGATION

D = datetime.date
PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def counsel(region=None) -> CounselRecord:
    return services.record_create(
        CounselRecord(
            number="GW2023-001", kind="法律意见", date=D(2023, 8, 1), subject="处罚裁量", region=region
        ),
        actor=None,
    )


def lawsuit(**fields) -> LitigationCase:
    values = {"kind": "行政诉讼", "received_on": D(2023, 9, 10), "cause": "不服行政处罚决定", **fields}
    return services.record_create(LitigationCase(number="（2023）粤0605行初7号", **values), actor=None)


def post_json(client, url: str, data: dict):
    return client.post(url, json.dumps(data), content_type="application/json")


# Counsel -------------------------------------------------------------------------------------------


def test_counsel_page_offers_the_open_steps_and_the_answer_step_records_the_opinion(nanhai):
    record = counsel()
    client = nanhai.client_for(nanhai.legal)
    page = client.get(f"/legal/counsel/{record.pk}/").content.decode()
    assert "答复与附件" in page and "当前状态：待答复" in page
    assert 'id="step-request"' in page and 'id="step-answer"' in page and 'id="step-attach"' in page
    assert 'enctype="multipart/form-data"' in page  # the attachment's inline form carries the file
    data = {
        "adviser": "李律师",
        "opinion": "建议依法从轻处罚",
        "answered_on": "2023-08-05",
        "_version": record.version,
    }
    response = client.post(f"/legal/counsel/{record.pk}/steps/answer/", data)
    assert response.status_code == 302 and response["Location"] == f"/legal/counsel/{record.pk}/"
    record.refresh_from_db()
    assert (record.adviser, record.answered_on) == ("李律师", D(2023, 8, 5))
    assert audit.history(record).first().reason == "登记法律顾问答复意见"
    page = client.get(f"/legal/counsel/{record.pk}/").content.decode()
    assert "已于2023-08-05答复" in page and 'id="step-answer"' not in page and 'id="step-attach"' in page


def test_district_officers_read_counsel_but_may_not_take_its_steps(nanhai):
    record = counsel()
    officer = nanhai.client_for(nanhai.district_officer)
    page = officer.get(f"/legal/counsel/{record.pk}/").content.decode()
    assert "处罚裁量" in page and 'id="step-answer"' not in page
    assert officer.get(f"/legal/counsel/{record.pk}/steps/answer/").status_code == 403
    data = {"adviser": "李律师", "opinion": "同意", "answered_on": "2023-08-05", "_version": record.version}
    assert officer.post(f"/legal/counsel/{record.pk}/steps/answer/", data).status_code == 403
    assert CounselRecord.objects.get().answered_on is None


def test_a_stale_answer_is_refused_on_the_page_and_through_the_api_and_writes_nothing(nanhai):
    record = counsel()
    seen = record.version
    COUNSEL.take(
        "request",
        record,
        actor=nanhai.admin,
        matter="重大决策",
        requested_on=D(2023, 8, 1),
        due_on=D(2023, 8, 10),
    )
    client = nanhai.client_for(nanhai.legal)
    data = {"adviser": "李律师", "opinion": "同意", "answered_on": "2023-08-05"}
    page = client.post(f"/legal/counsel/{record.pk}/steps/answer/", {**data, "_version": seen})
    assert page.status_code == 422 and "已被其他人修改" in page.content.decode()
    api = post_json(client, f"/api/legal/counsel/{record.pk}/steps/answer", {**data, "version": seen})
    assert api.status_code == 422 and "已被其他人修改" in str(api.json()["detail"])
    record = CounselRecord.objects.get()
    assert (record.answered_on, record.opinion, record.version) == (None, "", seen + 1)


def test_an_answered_request_is_not_answered_again_on_the_page_or_through_the_api(nanhai):
    record = COUNSEL.take(
        "answer", counsel(), actor=nanhai.legal, adviser="李律师", opinion="同意", answered_on=D(2023, 8, 5)
    )
    client = nanhai.client_for(nanhai.legal)
    data = {"adviser": "王律师", "opinion": "改为不同意", "answered_on": "2023-08-09"}
    assert (
        "“登记答复意见”不是当前（已答复）可以办理的环节"
        in client.get(f"/legal/counsel/{record.pk}/steps/answer/").content.decode()
    )
    page = client.post(f"/legal/counsel/{record.pk}/steps/answer/", {**data, "_version": record.version})
    assert page.status_code == 422 and "不是当前（已答复）可以办理的环节" in page.content.decode()
    api = post_json(
        client, f"/api/legal/counsel/{record.pk}/steps/answer", {**data, "version": record.version}
    )
    assert api.status_code == 422 and "不是当前（已答复）可以办理的环节" in str(api.json()["detail"])
    assert CounselRecord.objects.get().opinion == "同意"


def test_the_api_lists_and_takes_the_counsel_steps(nanhai):
    record = counsel()
    client = nanhai.client_for(nanhai.legal)
    body = client.get(f"/api/legal/counsel/{record.pk}/steps").json()
    assert (body["state"], body["state_label"]) == ("open", "待答复")
    assert [s["name"] for s in body["steps"]] == ["request", "answer", "attach"]
    answer = next(s for s in body["steps"] if s["name"] == "answer")
    assert [f["name"] for f in answer["fields"]] == ["adviser", "opinion", "answered_on"]
    data = {"adviser": "李律师", "opinion": "同意", "answered_on": "2023-08-05", "version": body["version"]}
    done = post_json(client, f"/api/legal/counsel/{record.pk}/steps/answer", data)
    assert done.status_code == 200 and done.json()["answered_on"] == "2023-08-05"
    assert audit.history(CounselRecord.objects.get()).first().via == "接口"
    officer = nanhai.client_for(nanhai.district_officer)
    assert officer.get(f"/api/legal/counsel/{record.pk}/steps").json()["steps"] == []
    refused = post_json(officer, f"/api/legal/counsel/{record.pk}/steps/attach", {"version": 2})
    assert refused.status_code == 403


# Attachments on counsel records --------------------------------------------------------------------


def test_attachment_is_uploaded_through_the_step_and_served_only_in_scope(nanhai):
    record = counsel(region=nanhai.jiujiang)
    client = nanhai.client_for(nanhai.legal)
    upload = SimpleUploadedFile("法律意见书.pdf", PDF, content_type="application/pdf")
    response = client.post(
        f"/legal/counsel/{record.pk}/steps/attach/", {"file": upload, "_version": record.version}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.target == CounselRecord.objects.get()
    assert (attachment.original_name, attachment.size, attachment.mime_type) == (
        "法律意见书.pdf",
        len(PDF),
        "application/pdf",
    )
    assert audit.history(record).first().reason == "上传附件：法律意见书.pdf"
    page = client.get(f"/legal/counsel/{record.pk}/").content.decode()
    assert f'href="/core/attachments/{attachment.pk}/"' in page and "法律意见书.pdf" in page
    # The address attachments had under the legal app still serves them, with the same scope.
    for url in (f"/core/attachments/{attachment.pk}/", f"/legal/attachments/{attachment.pk}/"):
        response = client.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
        assert nanhai.client_for(nanhai.jiujiang_officer).get(url).status_code == 200
        assert nanhai.client_for(nanhai.guicheng_officer).get(url).status_code == 404


def test_a_refused_attachment_is_shown_on_the_step_page_and_nothing_is_stored(nanhai):
    record = counsel()
    client = nanhai.client_for(nanhai.legal)
    data = {"file": SimpleUploadedFile("run.exe", b"MZ"), "_version": record.version}
    response = client.post(f"/legal/counsel/{record.pk}/steps/attach/", data)
    assert response.status_code == 422 and "附件“run.exe”的类型不允许上传" in response.content.decode()
    assert not Attachment.objects.exists() and not audit.history(record).filter(action="change").exists()


def test_the_api_uploads_an_attachment_as_multipart(nanhai):
    record = counsel()
    client = nanhai.client_for(nanhai.legal)
    url = f"/api/legal/counsel/{record.pk}/attachments"
    bad = client.post(url, {"file": SimpleUploadedFile("意见.pdf", b"MZ not a pdf")})
    assert bad.status_code == 422 and "内容与扩展名.pdf不符" in str(bad.json()["detail"])
    stale = client.post(url, {"file": SimpleUploadedFile("意见.pdf", PDF), "version": record.version - 1})
    assert stale.status_code == 422 and not Attachment.objects.exists()
    good = client.post(url, {"file": SimpleUploadedFile("意见.pdf", PDF), "version": record.version})
    assert good.status_code == 201 and good.json()["original_name"] == "意见.pdf"
    assert [
        a["original_name"] for a in client.get(f"/api/legal/counsel/{record.pk}").json()["attachments"]
    ] == ["意见.pdf"]
    officer = nanhai.client_for(nanhai.district_officer)
    assert officer.post(url, {"file": SimpleUploadedFile("意见.pdf", PDF)}).status_code == 403


# Litigation ----------------------------------------------------------------------------------------


def test_litigation_runs_from_service_to_defence_and_appearance_on_its_page(nanhai):
    case = lawsuit(head_required=True)
    client = nanhai.client_for(nanhai.legal)
    page = client.get(f"/legal/litigation/{case.pk}/").content.decode()
    assert "当前状态：已收案，待登记送达" in page
    assert 'id="step-serve"' in page and 'id="step-appearance"' not in page

    def step(name: str, data: dict):
        version = LitigationCase.objects.get().version
        return client.post(f"/legal/litigation/{case.pk}/steps/{name}/", {**data, "_version": version})

    assert step("serve", {"served_on": "2023-09-16", "body": "佛山市南海区人民法院"}).status_code == 302
    case = LitigationCase.objects.get()
    assert (case.defence_due_on, case.body) == (D(2023, 10, 7), "佛山市南海区人民法院")
    early = step("defend", {"defence_filed_on": "2023-09-15"})
    assert early.status_code == 422 and "答辩提交日期不能早于送达日期" in early.content.decode()
    assert step("defend", {"defence_filed_on": "2023-09-28"}).status_code == 302
    missing = step("appearance", {"head_appeared": "on", "hearing_on": "2023-11-02"})
    assert missing.status_code == 422 and "负责人实际出庭时必须填写出庭人员姓名" in missing.content.decode()
    data = {
        "head_appeared": "on",
        "appeared_name": "陈局长",
        "appeared_position": "局长",
        "hearing_on": "2023-11-02",
    }
    assert step("appearance", data).status_code == 302
    case = LitigationCase.objects.get()
    assert (case.defence_filed_on, case.head_appeared, case.hearing_dates) == (
        D(2023, 9, 28),
        True,
        ["2023-11-02"],
    )
    assert [e.reason for e in audit.history(case).filter(action="change")] == [
        "登记出庭应诉情况（行政诉讼法第三条第三款）",
        "提交答辩状或行政复议答复书及证据",
        "起诉状或行政复议申请书副本送达，计算答辩（答复）期限",
    ]


def test_the_litigation_api_refuses_a_stale_or_untimely_step_and_takes_the_next(nanhai):
    case = lawsuit()
    client = nanhai.client_for(nanhai.legal)
    url = f"/api/legal/litigation/{case.pk}/steps"
    body = client.get(url).json()
    assert body["state"] == "received" and [s["name"] for s in body["steps"]] == ["serve"]
    early = post_json(client, f"{url}/defend", {"defence_filed_on": "2023-09-20", "version": case.version})
    assert (
        early.status_code == 422
        and "“提交答辩（答复）”不是当前（已收案，待登记送达）可以办理的环节" in str(early.json()["detail"])
    )
    stale = post_json(client, f"{url}/serve", {"served_on": "2023-09-16", "version": case.version - 1})
    assert stale.status_code == 422 and "已被其他人修改" in str(stale.json()["detail"])
    assert LitigationCase.objects.get().served_on is None
    done = post_json(client, f"{url}/serve", {"served_on": "2023-09-16", "version": case.version})
    assert done.status_code == 200 and done.json()["defence_due_on"] == "2023-10-07"
    assert [s["name"] for s in client.get(url).json()["steps"]] == ["defend", "appearance"]


def test_a_hearing_on_the_to_do_list_leads_to_the_appearance_step(nanhai):
    case = LITIGATION.take(
        "serve", lawsuit(hearing_dates=["2023-11-02"]), actor=nanhai.legal, served_on=D(2023, 9, 16)
    )
    client = nanhai.client_for(nanhai.legal)
    page = client.get(f"/legal/litigation/{case.pk}/steps/appearance/").content.decode()
    assert "登记出庭应诉情况" in page and "暂不能办理" not in page and "不是当前" not in page


def test_town_officer_gets_404_for_another_regions_records(nanhai):
    record = counsel(region=nanhai.jiujiang)
    case = services.record_create(
        LitigationCase(
            number="X1", kind="行政复议", received_on=D(2023, 5, 1), cause="不服", region=nanhai.jiujiang
        ),
        actor=None,
    )
    guicheng = nanhai.client_for(nanhai.guicheng_officer)
    assert guicheng.get(f"/legal/counsel/{record.pk}/").status_code == 404
    assert guicheng.get(f"/legal/litigation/{case.pk}/").status_code == 404
    assert guicheng.get(f"/api/legal/counsel/{record.pk}").status_code == 404
    assert guicheng.get(f"/api/legal/litigation/{case.pk}").status_code == 404
    assert guicheng.get(f"/api/legal/litigation/{case.pk}/steps").status_code == 404
    assert guicheng.get("/api/legal/counsel").json()["count"] == 0
    jiujiang = nanhai.client_for(nanhai.jiujiang_officer)
    assert jiujiang.get(f"/api/legal/counsel/{record.pk}").json()["subject"] == "处罚裁量"


def test_api_lists_legal_records(nanhai):
    services.record_create(
        NormativeDocument(
            number="N1", title="办法", effective_on=D(2022, 6, 1), valid_until=D(2024, 5, 31), status="有效"
        ),
        actor=None,
    )
    client = nanhai.client_for(nanhai.legal)
    body = client.get("/api/legal/normative-documents", {"status": "有效"}).json()
    assert body["items"][0]["evaluation_due"] == "2023-12-03"
    for url in (
        "/api/legal/litigation",
        "/api/legal/study-sessions",
        "/api/legal/exams",
        "/api/legal/counsel",
    ):
        assert client.get(url).status_code == 200


def test_litigation_form_derives_the_defence_deadline(nanhai):
    client = nanhai.client_for(nanhai.legal)
    data = {
        "number": "（2023）粤0605行初50号",
        "kind": "行政诉讼",
        "received_on": "2023-09-14",
        "served_on": "2023-09-16",
        "cause": "不服行政处罚决定",
        "hearing_dates": "2023-11-02；2023-10-20",
    }
    assert client.post("/legal/litigation/new/", data).status_code == 302
    case = LitigationCase.objects.get()
    assert case.defence_due_on == D(2023, 10, 7) and case.hearing_dates == ["2023-10-20", "2023-11-02"]
    assert "2023-10-07" in client.get(f"/legal/litigation/{case.pk}/").content.decode()


# Normative documents -------------------------------------------------------------------------------


def test_clean_up_step_extends_a_document(nanhai):
    doc = services.record_create(
        NormativeDocument(
            number="N1", title="办法", effective_on=D(2022, 6, 1), valid_until=D(2024, 5, 31), status="有效"
        ),
        actor=None,
    )
    client = nanhai.client_for(nanhai.legal)
    page = client.get(f"/legal/normative-documents/{doc.pk}/").content.decode()
    assert "评估期限" in page and 'id="step-clean_up"' in page
    url = f"/legal/normative-documents/{doc.pk}/steps/clean_up/"
    data = {"cleanup_result": "延期保留", "cleanup_on": "2023-11-20", "_version": doc.version}
    refused = client.post(url, data)
    assert refused.status_code == 422 and "延期保留必须填写新的有效期至" in refused.content.decode()
    data["valid_until"] = "2026-05-31"
    assert client.post(url, data).status_code == 302
    assert NormativeDocument.objects.get().valid_until == D(2026, 5, 31)


def test_a_repealed_document_offers_no_clean_up_on_the_page_or_through_the_api(nanhai):
    doc = services.record_create(
        NormativeDocument(number="N1", title="办法", effective_on=D(2022, 6, 1), status="废止"), actor=None
    )
    client = nanhai.client_for(nanhai.legal)
    assert 'id="step-clean_up"' not in client.get(f"/legal/normative-documents/{doc.pk}/").content.decode()
    data = {"cleanup_result": "修改", "cleanup_on": "2023-11-20"}
    page = client.post(
        f"/legal/normative-documents/{doc.pk}/steps/clean_up/", {**data, "_version": doc.version}
    )
    assert page.status_code == 422 and "不是当前（废止）可以办理的环节" in page.content.decode()
    url = f"/api/legal/normative-documents/{doc.pk}/steps"
    assert client.get(url).json()["steps"] == []
    api = post_json(client, f"{url}/clean_up", {**data, "version": doc.version})
    assert api.status_code == 422 and NormativeDocument.objects.get().cleanup_result == ""


# Certificates --------------------------------------------------------------------------------------


def make_officer() -> Officer:
    return services.record_create(
        Officer(certificate_number="YJ001", name="李执法", department=Department.objects.get(is_bureau=True)),
        actor=None,
    )


def test_officer_register_shows_state_and_legal_staff_suspend(nanhai):
    officer = make_officer()
    client = nanhai.client_for(nanhai.legal)
    assert "李执法" in client.get("/legal/officers/").content.decode()
    page = client.get(f"/legal/officers/{officer.pk}/").content.decode()
    assert 'id="step-suspend"' in page and 'id="step-revoke"' in page and 'id="step-reinstate"' not in page
    town = nanhai.client_for(nanhai.district_officer)
    assert 'id="step-suspend"' not in town.get(f"/legal/officers/{officer.pk}/").content.decode()
    data = {"reason": "调查", "_version": officer.version}
    assert town.post(f"/legal/officers/{officer.pk}/steps/suspend/", data).status_code == 403
    assert client.post(f"/legal/officers/{officer.pk}/steps/suspend/", data).status_code == 302
    page = client.get(f"/legal/officers/{officer.pk}/").content.decode()
    assert "暂扣执法证：调查" in page and 'id="step-reinstate"' in page
    assert "暂扣" in client.get("/legal/officers/", {"state": "暂扣"}).content.decode()


def test_a_stale_or_repeated_suspension_is_refused_through_the_api(nanhai):
    officer = make_officer()
    client = nanhai.client_for(nanhai.legal)
    url = f"/api/legal/officers/{officer.pk}/steps"
    assert [s["name"] for s in client.get(url).json()["steps"]] == ["suspend", "revoke"]
    stale = post_json(client, f"{url}/suspend", {"reason": "调查", "version": officer.version - 1})
    assert stale.status_code == 422 and Officer.objects.get().status == "有效"
    done = post_json(client, f"{url}/suspend", {"reason": "调查", "version": officer.version})
    assert done.status_code == 200 and done.json()["status"] == "暂扣"
    again = post_json(client, f"{url}/suspend", {"reason": "再次", "version": officer.version + 1})
    assert again.status_code == 422 and "不是当前（暂扣）可以办理的环节" in str(again.json()["detail"])
    assert audit.history(Officer.objects.get()).filter(action="change").count() == 1


@pytest.mark.parametrize(
    "url", ["/legal/exams/summary/", "/legal/study-sessions/summary/", "/legal/litigation/summary/", "/"]
)
def test_summary_pages_render(nanhai, url):
    assert nanhai.client_for(nanhai.legal).get(url).status_code == 200
