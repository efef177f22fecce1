"""The work on site, server side: a visit sent from the phone is stored once by its key, conflicts come back
with their reasons, 一般隐患 with photos, signatures inside the 现场检查记录 (.docx and PDF), the 立案 link."""

from __future__ import annotations

import base64
import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from emgov.core import services
from emgov.enforcement.models import Hazard, HazardGrade, SignerRole, Visit, VisitDraft, VisitSignature
from emgov.enforcement.services.site_documents import inspection_record_document
from emgov.enforcement.tests import phone

SYNC = f"{phone.RECORD}sync/"


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def drawn_png(seed: int = 1) -> bytes:
    """A signature as the canvas gives it: a PNG with a stroke."""
    image = Image.new("RGBA", (300, 120), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 100), (80 + seed * 10, 20), (290, 90)], fill=(0, 0, 0, 255), width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def visit_post(firm, officers, **changes) -> dict:
    data = phone.form_data(firm, officers, client_key="k-0001", **changes)
    data.update({"gh-TOTAL_FORMS": "1", "gh-INITIAL_FORMS": "0"})
    data.update(
        {
            "gh-0-description": "配电箱前堆放杂物",
            "gh-0-location": "二号车间",
            "gh-0-basis": "《中华人民共和国安全生产法》第四十一条",
            "gh-0-deadline": "2023-06-16",
            "gh-0-photos": SimpleUploadedFile("配电箱.jpg", jpeg(), content_type="image/jpeg"),
        }
    )
    return data


def test_the_same_visit_sent_twice_is_stored_once(nanhai, firm, officers):
    client = nanhai.client_for(nanhai.guicheng_officer)
    first = client.post(SYNC, visit_post(firm, officers))
    assert first.status_code == 201, first.content.decode()
    again = client.post(SYNC, visit_post(firm, officers))
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["number"] == first.json()["number"]
    assert Visit.objects.count() == 1 and Hazard.objects.count() == 1
    hazard = Hazard.objects.get()
    assert hazard.grade == HazardGrade.GENERAL and hazard.location == "二号车间"
    assert hazard.deadline == datetime.date(2023, 6, 16)
    assert [a.original_name for a in hazard.attachments.all()] == ["配电箱.jpg"]


def test_the_key_is_unique_in_the_database(nanhai, firm, officers):
    from django.db import IntegrityError, transaction

    nanhai.client_for(nanhai.guicheng_officer).post(SYNC, visit_post(firm, officers))
    clone = Visit.objects.get()
    clone.pk, clone.number = None, "JC-COPY"
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save(force_insert=True)


def test_an_enterprise_changed_meanwhile_comes_back_as_a_conflict(nanhai, firm, officers):
    seen = firm.version
    services.record_update(firm, actor=None, changes={"address": "桂城新址"}, expected_version=seen)
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        SYNC, visit_post(firm, officers, enterprise_version=seen)
    )
    assert response.status_code == 409
    body = response.json()
    assert body["state"] == "conflict" and "已被修改" in " ".join(body["reasons"])
    assert not Visit.objects.exists()


def test_an_expired_certificate_comes_back_as_a_conflict_naming_the_officer(nanhai, firm):
    expired = phone.officer("YJ109", "赵过期", valid_until=datetime.date(2023, 5, 31))
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        SYNC, visit_post(firm, [phone.officer("YJ101", "李执法"), expired])
    )
    assert response.status_code == 409
    reasons = " ".join(response.json()["reasons"])
    assert "赵过期（YJ109）" in reasons and "行政处罚法第四十二条" in reasons
    assert not Visit.objects.exists()


def test_signatures_are_inside_the_record_docx_and_pdf(nanhai, firm, officers):
    li, wang = drawn_png(1), drawn_png(2)
    party = drawn_png(3)
    data = visit_post(
        firm,
        officers,
        **{
            f"sign_officer_{officers[0].pk}": data_url(li),
            f"sign_officer_{officers[1].pk}": data_url(wang),
            "party_name": "陈厂长",
            "party_signature": data_url(party),
            "location": "桂城五金制品有限公司二号车间",
            "latitude": "23.031234",
            "longitude": "113.145678",
            "arrived_at": "09:30",
            "left_at": "11:05",
        },
    )
    response = nanhai.client_for(nanhai.guicheng_officer).post(phone.RECORD, data)
    assert response.status_code == 302, response.content.decode()
    visit = Visit.objects.get()
    assert [s.role for s in visit.signatures.all()] == [
        SignerRole.OFFICER,
        SignerRole.OFFICER,
        SignerRole.PARTY,
    ]
    client = nanhai.client_for(nanhai.guicheng_officer)
    docx = client.get(f"/enforcement/visits/{visit.pk}/record.docx")
    with zipfile.ZipFile(io.BytesIO(docx.content)) as z:
        media = {z.read(n) for n in z.namelist() if n.startswith("word/media/")}
        text = z.read("word/document.xml").decode()
    assert {li, wang, party} <= media
    assert "现场检查记录" in text and "陈厂长" in text and "09:30—11:05" in text and "北纬23.031234" in text
    pdf = client.get(f"/enforcement/visits/{visit.pk}/record.pdf").content
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Subtype /Image") >= 3


def test_a_party_who_refuses_to_sign_needs_a_witness(nanhai, firm, officers):
    client = nanhai.client_for(nanhai.guicheng_officer)
    refused = {"party_name": "陈厂长", "party_refused": "on"}
    response = client.post(phone.RECORD, visit_post(firm, officers, **refused))
    assert response.status_code == 422 and not Visit.objects.exists()
    page = response.content.decode()
    assert (
        "见证人签名证明" in page and 'class="error-summary"' in page and 'href="#field-witness_name"' in page
    )
    witness = {**refused, "witness_name": "社区网格员周某", "witness_signature": data_url(drawn_png(4))}
    assert client.post(phone.RECORD, visit_post(firm, officers, **witness)).status_code == 302
    visit = Visit.objects.get()
    party = visit.signatures.get(role=SignerRole.PARTY)
    assert party.refused and not party.image
    text = inspection_record_document(visit).text()
    assert "陈厂长拒绝签名" in text and "见证人（签名）社区网格员周某" in text


def test_a_signature_that_is_not_a_drawn_png_is_refused(nanhai, firm, officers):
    data = visit_post(firm, officers, party_name="陈厂长", party_signature="data:image/png;base64,AAAA")
    response = nanhai.client_for(nanhai.guicheng_officer).post(phone.RECORD, data)
    assert response.status_code == 422 and "签名图像无效" in response.content.decode()
    assert not Visit.objects.exists() and not VisitSignature.objects.exists()


def test_errors_are_summarised_at_the_top_and_keep_the_signatures(nanhai, firm, officers):
    sign = data_url(drawn_png(5))
    data = visit_post(firm, officers[:1], **{f"sign_officer_{officers[0].pk}": sign})
    response = nanhai.client_for(nanhai.guicheng_officer).post(phone.RECORD, data)
    page = response.content.decode()
    assert response.status_code == 422
    assert 'class="error-summary"' in page and 'href="#field-officers"' in page
    assert sign in page  # the drawn signature is sent back with the page
    assert 'class="error"' in page and "messages" in page


def test_visit_page_offers_the_case_and_the_case_form_is_prefilled(nanhai, firm, officers):
    nanhai.client_for(nanhai.guicheng_officer).post(phone.RECORD, visit_post(firm, officers))
    visit = Visit.objects.get()
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get(f"/enforcement/visits/{visit.pk}/").content.decode()
    assert f"/cases/penalties/open/?visit={visit.number}" in page
    form = client.get(f"/cases/penalties/open/?visit={visit.number}").content.decode()
    assert visit.number in form and "配电箱前堆放杂物（二号车间）" in form
    # The town's officers do not open penalty cases: the button is not offered to them.
    town_page = nanhai.client_for(nanhai.guicheng_officer).get(f"/enforcement/visits/{visit.pk}/")
    assert "/cases/penalties/open/" not in town_page.content.decode()


def test_offline_data_holds_the_officers_area_and_the_worker_is_served(nanhai, firm, officers):
    other = phone.enterprise(nanhai.jiujiang, 2, "九江织造厂")
    client = nanhai.client_for(nanhai.guicheng_officer)
    data = client.get(f"{phone.RECORD}offline.json").json()
    names = [e["name"] for e in data["enterprises"]]
    assert firm.name in names and other.name not in names
    assert {o["certificate"] for o in data["officers"]} >= {"YJ101", "YJ102"}
    assert data["checklist"] and any("第四十一条" in c for c in data["clauses"])
    worker = client.get("/enforcement/sw.js")
    assert worker.status_code == 200 and worker["Content-Type"].startswith("text/javascript")
    manifest = client.get("/enforcement/manifest.webmanifest").json()
    assert manifest["start_url"] == phone.RECORD


def test_a_draft_keeps_its_general_hazards(nanhai, firm, officers):
    client = nanhai.client_for(nanhai.guicheng_officer)
    data = visit_post(firm, officers, action="draft")
    del data["gh-0-photos"]
    response = client.post(phone.RECORD, data)
    assert response.status_code == 302 and not Visit.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "配电箱前堆放杂物" in page and 'value="二号车间"' in page


def test_the_picker_shows_why_a_certificate_is_not_valid_on_the_visit_date(nanhai, firm):
    phone.officer("YJ101", "李执法")
    phone.officer("YJ109", "赵过期", valid_until=datetime.date(2020, 1, 1))
    phone.officer("YJ110", "钱暂扣", status="暂扣")
    page = nanhai.client_for(nanhai.guicheng_officer).get(phone.RECORD).content.decode()
    assert "执法证已于2020-01-01到期" in page and "执法证暂扣" in page
    assert 'capture="environment"' in page and 'accept="image/*"' in page
    assert "<script>" not in page.split("</head>", 1)[1]  # no inline script: the pages keep a CSP


def test_a_draft_sent_from_the_phones_queue_is_closed_and_not_stored_twice(nanhai, firm, officers):
    """A server draft reopened on the phone, submitted offline: the queue sends it without naming the
    draft. The draft is then closed with the stored visit; submitting it again gives the same visit."""
    client = nanhai.client_for(nanhai.guicheng_officer)
    saved = client.post(phone.RECORD, visit_post(firm, officers, action="draft"))
    assert saved.status_code == 302
    draft = VisitDraft.objects.get()
    assert draft.data["client_key"] == "k-0001"
    sent = client.post(SYNC, visit_post(firm, officers))
    assert sent.status_code == 201, sent.content.decode()
    visit = Visit.objects.get()
    draft.refresh_from_db()
    assert draft.visit == visit and not VisitDraft.objects.open().exists()
    assert not client.get(phone.RECORD).content.decode().count(f"/visits/record/{draft.pk}/")
    again = client.post(f"{phone.RECORD}{draft.pk}/", visit_post(firm, officers))
    assert again.status_code in (302, 404) and Visit.objects.count() == 1
