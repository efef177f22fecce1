"""The legal office's workflow pages, attachments and API: scoped, checked, 404 out of scope."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from emgov.core import services
from emgov.core.models import Department, Officer
from emgov.legal.models import Attachment, CounselRecord, LitigationCase, NormativeDocument

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


def test_counsel_answer_step_records_the_opinion(nanhai):
    record = counsel()
    client = nanhai.client_for(nanhai.legal)
    assert "答复与附件" in client.get(f"/legal/counsel/{record.pk}/").content.decode()
    data = {"adviser": "李律师", "opinion": "建议依法从轻处罚", "answered_on": "2023-08-05"}
    assert client.post(f"/legal/counsel/{record.pk}/answer/", data).status_code == 302
    record.refresh_from_db()
    assert (record.adviser, record.answered_on) == ("李律师", D(2023, 8, 5))
    officer = nanhai.client_for(nanhai.district_officer)
    assert officer.get(f"/legal/counsel/{record.pk}/answer/").status_code == 404


def test_attachment_is_uploaded_and_served_only_in_scope(nanhai):
    record = counsel(region=nanhai.jiujiang)
    client = nanhai.client_for(nanhai.legal)
    upload = SimpleUploadedFile("法律意见书.pdf", PDF, content_type="application/pdf")
    assert client.post(f"/legal/counsel/{record.pk}/attach/", {"file": upload}).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.file.name.startswith(f"attachments/{attachment.uploaded_at:%Y/%m}/")
    assert (attachment.original_name, attachment.size, attachment.mime_type) == (
        "法律意见书.pdf",
        len(PDF),
        "application/pdf",
    )
    response = client.get(f"/legal/attachments/{attachment.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert (
        nanhai.client_for(nanhai.jiujiang_officer).get(f"/legal/attachments/{attachment.pk}/").status_code
        == 200
    )
    assert (
        nanhai.client_for(nanhai.guicheng_officer).get(f"/legal/attachments/{attachment.pk}/").status_code
        == 404
    )
    assert nanhai.client_for(nanhai.guicheng_officer).get(f"/legal/counsel/{record.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("run.exe", b"MZ", "附件“run.exe”的类型不允许上传"),
        ("意见.pdf", b"MZ not a pdf", "附件“意见.pdf”的内容与扩展名.pdf不符"),
        ("大文件.pdf", PDF + b"x" * 100, "超过上限"),
    ],
)
def test_attachment_is_refused_by_type_content_and_size(nanhai, settings, name, content, message):
    settings.EMGOV_UPLOAD_MAX_BYTES = 64
    record = counsel()
    client = nanhai.client_for(nanhai.legal)
    response = client.post(f"/legal/counsel/{record.pk}/attach/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Attachment.objects.exists()


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


def test_clean_up_step_extends_a_document(nanhai):
    doc = services.record_create(
        NormativeDocument(
            number="N1", title="办法", effective_on=D(2022, 6, 1), valid_until=D(2024, 5, 31), status="有效"
        ),
        actor=None,
    )
    client = nanhai.client_for(nanhai.legal)
    assert "评估期限" in client.get(f"/legal/normative-documents/{doc.pk}/").content.decode()
    data = {"cleanup_result": "延期保留", "cleanup_on": "2023-11-20"}
    assert (
        "延期保留必须填写新的有效期至"
        in client.post(f"/legal/normative-documents/{doc.pk}/clean-up/", data).content.decode()
    )
    data["valid_until"] = "2026-05-31"
    assert client.post(f"/legal/normative-documents/{doc.pk}/clean-up/", data).status_code == 302
    assert NormativeDocument.objects.get().valid_until == D(2026, 5, 31)


def test_officer_register_shows_state_and_legal_staff_suspend(nanhai):
    officer = services.record_create(
        Officer(certificate_number="YJ001", name="李执法", department=Department.objects.get(is_bureau=True)),
        actor=None,
    )
    client = nanhai.client_for(nanhai.legal)
    assert "李执法" in client.get("/legal/officers/").content.decode()
    town = nanhai.client_for(nanhai.district_officer)
    assert town.post(f"/legal/officers/{officer.pk}/", {"step": "suspend", "reason": "x"}).status_code == 404
    assert (
        client.post(f"/legal/officers/{officer.pk}/", {"step": "suspend", "reason": "调查"}).status_code
        == 302
    )
    page = client.get(f"/legal/officers/{officer.pk}/").content.decode()
    assert "暂扣执法证：调查" in page
    assert "暂扣" in client.get("/legal/officers/", {"state": "暂扣"}).content.decode()


@pytest.mark.parametrize(
    "url", ["/legal/exams/summary/", "/legal/study-sessions/summary/", "/legal/litigation/summary/", "/"]
)
def test_summary_pages_render(nanhai, url):
    assert nanhai.client_for(nanhai.legal).get(url).status_code == 200


@pytest.mark.parametrize("name", ["现场照片.jpg", "现场照片.JPEG"])
def test_phone_photos_are_accepted_whichever_jpeg_extension_the_phone_uses(nanhai, name):
    record = counsel()
    client = nanhai.client_for(nanhai.legal)
    photo = b"\xff\xd8\xff\xe0" + b"\x00" * 32
    assert (
        client.post(
            f"/legal/counsel/{record.pk}/attach/", {"file": SimpleUploadedFile(name, photo)}
        ).status_code
        == 302
    )
    assert Attachment.objects.get().original_name == name
