"""立案 from a visit's page: the photos of the visit and of its hazards become items of the case's evidence
list, shown on the form before the officer confirms, served to whoever may see the case."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from emgov.cases import services
from emgov.cases.models import EvidenceType, PenaltyCase
from emgov.cases.tests.helpers import make_hazard, make_visit, take
from emgov.core.attachments import attachment_add, download_url
from emgov.core.models import Attachment
from emgov.enforcement.models import Hazard, Visit
from emgov.enforcement.tests import phone
from emgov.enforcement.tests.test_fieldwork import jpeg, visit_post

OPEN = "/cases/penalties/open/"


def recorded_visit(nanhai) -> Visit:
    firm = phone.enterprise(nanhai.guicheng, 1, "桂城五金制品有限公司")
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        phone.RECORD, visit_post(firm, phone.officer_pair())
    )
    assert response.status_code == 302, response.content.decode()
    return Visit.objects.get()


def test_the_open_form_shows_the_photos_the_case_will_carry(nanhai):
    visit = recorded_visit(nanhai)
    photo = Hazard.objects.get().attachments.get()
    page = nanhai.client_for(nanhai.district_officer).get(f"{OPEN}?visit={visit.number}").content.decode()
    assert 'id="site-photos"' in page and "现场照片：配电箱前堆放杂物" in page
    assert f'<img src="{download_url(photo)}"' in page


def test_a_case_opened_from_a_visit_carries_its_hazard_photo_as_evidence(nanhai):
    visit = recorded_visit(nanhai)
    original = Hazard.objects.get().attachments.get()
    client = nanhai.client_for(nanhai.district_officer)
    form = {"filed_on": "2023-06-05", "visit_number": visit.number, "violation": "配电箱前堆放杂物"}
    response = client.post(f"{OPEN}?visit={visit.number}", form)
    assert response.status_code == 302, response.content.decode()
    case = PenaltyCase.objects.get()
    item = case.evidence.get()
    assert item.title == "现场照片：配电箱前堆放杂物"
    assert item.evidence_type == EvidenceType.AUDIO_VISUAL
    assert item.collected_on == datetime.date(2023, 6, 1) and visit.number in item.description
    assert item.collected_by == "李执法、王执法"
    copy = item.attachments.get()
    assert copy.original_name == "配电箱.jpg" and copy.file.name != original.file.name
    # The evidence list on the case's page names the photo and links its file.
    page = client.get(f"/cases/penalties/{case.pk}/").content.decode()
    assert "现场照片：配电箱前堆放杂物" in page and "配电箱.jpg" in page
    download = client.get(download_url(copy))
    assert download.status_code == 200 and b"".join(download.streaming_content) == jpeg()
    # The hazard keeps its own photo.
    assert Attachment.objects.filter(pk=original.pk).exists()
    assert nanhai.client_for(nanhai.guicheng_officer).get(download_url(original)).status_code == 200
    # Out of the case's area: the file is not there.
    assert nanhai.client_for(nanhai.jiujiang_officer).get(download_url(copy)).status_code == 404


def test_a_case_filed_on_an_overdue_hazard_carries_that_hazards_photos_only(nanhai):
    visit = make_visit(nanhai.guicheng)
    hazard, other = make_hazard(visit, 1), make_hazard(visit, 2)
    attachment_add(actor=None, target=visit, upload=SimpleUploadedFile("大门.jpg", jpeg()))
    attachment_add(actor=None, target=hazard, upload=SimpleUploadedFile("台账.jpg", jpeg()))
    attachment_add(actor=None, target=other, upload=SimpleUploadedFile("通道.jpg", jpeg()))
    attachment_add(actor=None, target=hazard, upload=SimpleUploadedFile("整改通知.pdf", b"%PDF-1.4 x"))
    case = services.case_open(
        actor=nanhai.district_officer, hazard=hazard, filed_on=datetime.date(2023, 3, 20)
    )
    (item,) = case.evidence.all()
    assert item.attachments.get().original_name == "台账.jpg"
    assert hazard.number in item.description and item.collected_on == visit.date
    # Photos and video of the inspection are evidence from before filing; other evidence is not.
    take(
        "evidence",
        case,
        nanhai.district_officer,
        evidence_type="视听资料",
        title="执法记录仪视频",
        collected_on=visit.date,
    )
    with pytest.raises(ValidationError, match="拍摄的照片、录像"):
        take(
            "evidence",
            case,
            nanhai.district_officer,
            evidence_type="书证",
            title="营业执照",
            collected_on=visit.date,
        )


def test_a_photo_whose_file_is_lost_is_named_before_and_after_filing_and_not_carried(nanhai):
    visit = recorded_visit(nanhai)
    photo = Hazard.objects.get().attachments.get()
    photo.file.storage.delete(photo.file.name)
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get(f"{OPEN}?visit={visit.number}").content.decode()
    assert 'id="site-photos"' not in page
    assert 'id="lost-photos"' in page and "1张现场照片的文件已缺失" in page and "配电箱.jpg" in page
    form = {"filed_on": "2023-06-05", "visit_number": visit.number, "violation": "配电箱前堆放杂物"}
    response = client.post(f"{OPEN}?visit={visit.number}", form, follow=True)
    case = PenaltyCase.objects.get()
    assert not case.evidence.exists()
    assert (
        "文件已缺失，不能列入证据清单" in response.content.decode()
        and "配电箱.jpg" in response.content.decode()
    )
