"""Attachments of any record (core.attachments): what an upload must be, and who may download it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from emgov.core import attachments, audit, services
from emgov.core.models import Attachment, Department, Officer
from emgov.legal.models import CounselRecord

PDF = b"%PDF-1.4\n%test\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def officer() -> Officer:
    return services.record_create(
        Officer(certificate_number="YJ001", name="李执法", department=Department.objects.get(is_bureau=True)),
        actor=None,
    )


def test_an_attachment_is_stored_under_a_random_name_with_a_line_in_the_records_history(nanhai):
    target = officer()
    upload = SimpleUploadedFile("../../执法证照片.PNG", b"\x89PNG\r\n\x1a\n" + b"\x00" * 8)
    attachment = attachments.attachment_add(actor=nanhai.legal, target=target, upload=upload)
    assert attachment.target == target and attachment.uploaded_by == nanhai.legal
    assert (attachment.original_name, attachment.mime_type) == ("执法证照片.PNG", "image/png")
    assert attachment.file.name.startswith(f"attachments/{attachment.uploaded_at:%Y/%m}/")
    assert attachment.file.name.endswith(".png") and "执法证" not in attachment.file.name
    assert audit.history(target).first().reason == "上传附件：执法证照片.PNG"
    # The rows stay in the table the legal app created.
    assert Attachment._meta.db_table == "legal_attachment"


@pytest.mark.parametrize(
    ("name", "content", "message", "code"),
    [
        ("run.exe", b"MZ", "附件“run.exe”的类型不允许上传", "attachment_type"),
        ("意见.pdf", b"MZ not a pdf", "附件“意见.pdf”的内容与扩展名.pdf不符", "attachment_content"),
        ("大文件.pdf", PDF + b"x" * 100, "超过上限", "attachment_size"),
    ],
)
def test_an_upload_is_refused_by_type_content_and_size(nanhai, settings, name, content, message, code):
    settings.EMGOV_UPLOAD_MAX_BYTES = 64
    target = officer()
    with pytest.raises(ValidationError) as exc:
        attachments.attachment_add(
            actor=nanhai.legal, target=target, upload=SimpleUploadedFile(name, content)
        )
    assert message in exc.value.message_dict["file"][0] and exc.value.error_dict["file"][0].code == code
    assert not Attachment.objects.exists() and not audit.history(target).filter(action="change").exists()


@pytest.mark.parametrize("name", ["现场照片.jpg", "现场照片.JPEG"])
def test_phone_photos_are_accepted_whichever_jpeg_extension_the_phone_uses(nanhai, name):
    attachment = attachments.attachment_add(
        actor=None, target=officer(), upload=SimpleUploadedFile(name, JPEG)
    )
    assert attachment.original_name == name and attachment.mime_type == "image/jpeg"


def test_an_attachment_is_served_to_whoever_may_read_its_record_and_404_to_anyone_else(nanhai):
    record = services.record_create(
        CounselRecord(
            number="GW1",
            kind="法律意见",
            date=datetime.date(2023, 8, 1),
            subject="处罚裁量",
            region=nanhai.jiujiang,
        ),
        actor=None,
    )
    attachment = attachments.attachment_add(
        actor=None, target=record, upload=SimpleUploadedFile("意见.pdf", PDF)
    )
    url = attachments.download_url(attachment)
    assert url == f"/core/attachments/{attachment.pk}/"
    response = nanhai.client_for(nanhai.jiujiang_officer).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert nanhai.client_for(nanhai.guicheng_officer).get(url).status_code == 404
    assert nanhai.client_for(nanhai.legal).get("/core/attachments/999999/").status_code == 404
