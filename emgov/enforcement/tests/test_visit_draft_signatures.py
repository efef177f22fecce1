"""The signatures given on site are kept with the server draft: reopened from the server they come back,
submitted they become the visit's once (and are in its 现场检查记录), discarded they are gone."""

from __future__ import annotations

import datetime
import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from emgov.enforcement.models import SignerRole, Visit, VisitDraft, VisitDraftSignature, VisitSignature
from emgov.enforcement.services.visits import visit_record
from emgov.enforcement.tests import phone
from emgov.enforcement.tests.test_fieldwork import data_url, drawn_png

RECORD = phone.RECORD


def pdf_images(pdf: bytes, folder: Path) -> list[tuple[int, int]]:
    """The pictures drawn in a PDF (width, height), their transparency masks left out."""
    path = folder / "record.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True)
    rows = [line.split() for line in listing.stdout.splitlines()[2:]]
    return [(int(r[3]), int(r[4])) for r in rows if r[2] == "image"]


@pytest.fixture
def client(nanhai):
    return nanhai.client_for(nanhai.guicheng_officer)


def signed_draft(client, firm, officers, **changes) -> VisitDraft:
    """A draft saved on site with 李执法's and the party's (陈厂长) signatures."""
    data = phone.form_data(
        firm,
        officers,
        action="draft",
        party_name="陈厂长",
        party_signature=data_url(drawn_png(3)),
        **{f"sign_officer_{officers[0].pk}": data_url(drawn_png(1))},
    )
    response = client.post(RECORD, {**data, **changes})
    assert response.status_code == 302, response.content.decode()
    return VisitDraft.objects.get()


def reopened(client, draft: VisitDraft) -> dict:
    """The draft's page opened from the server, with what its form holds (as a browser would send it)."""
    form = client.get(f"{RECORD}{draft.pk}/").context["form"]
    values = {**form.initial, "action": "submit"}
    return {k: v for k, v in values.items() if v is not None}


def test_a_reopened_draft_shows_both_signatures(client, firm, officers):
    draft = signed_draft(client, firm, officers)
    assert draft.signatures.count() == 2
    page = client.get(f"{RECORD}{draft.pk}/").content.decode()
    assert f'name="sign_officer_{officers[0].pk}" value="{data_url(drawn_png(1))}"' in page
    assert f'value="{data_url(drawn_png(3))}"' in page and 'name="party_signature"' in page
    assert 'value="陈厂长"' in page
    assert f'name="sign_officer_{officers[1].pk}" value=""' in page  # 王执法 has not signed


def test_the_submitted_draft_gives_the_visit_exactly_its_signatures_and_the_record_shows_them(
    client, firm, officers, tmp_path
):
    draft = signed_draft(client, firm, officers)
    response = client.post(f"{RECORD}{draft.pk}/", reopened(client, draft))
    assert response.status_code == 302, response.content.decode()
    visit = Visit.objects.get()
    signatures = list(visit.signatures.all())
    assert [(s.role, s.name) for s in signatures] == [
        (SignerRole.OFFICER, "李执法"),
        (SignerRole.PARTY, "陈厂长"),
    ]
    assert [s.image.read() for s in signatures] == [drawn_png(1), drawn_png(3)]
    assert VisitSignature.objects.count() == 2 and not VisitDraftSignature.objects.exists()
    docx = client.get(f"/enforcement/visits/{visit.pk}/record.docx").content
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    assert sorted(media) == sorted([drawn_png(1), drawn_png(3)])
    pdf = client.get(f"/enforcement/visits/{visit.pk}/record.pdf").content
    assert pdf_images(pdf, tmp_path) == [(300, 120), (300, 120)]


def test_saving_the_draft_again_keeps_the_signatures_as_they_now_are(
    client, firm, officers, django_capture_on_commit_callbacks
):
    draft = signed_draft(client, firm, officers)
    first = [s.image.name for s in draft.signatures.all()]
    values = {**reopened(client, draft), "action": "draft", "party_signature": data_url(drawn_png(5))}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{RECORD}{draft.pk}/", values)
    assert [s.image.read() for s in draft.signatures.all()] == [drawn_png(1), drawn_png(5)]
    storage = VisitDraftSignature._meta.get_field("image").storage
    assert not any(storage.exists(name) for name in first)


def test_a_draft_submitted_without_the_signatures_sent_again_gives_those_it_kept(
    nanhai, client, firm, officers
):
    draft = signed_draft(client, firm, officers)
    visit = visit_record(
        actor=nanhai.guicheng_officer,
        enterprise=firm,
        department=phone.bureau(),
        nature="执法检查",
        date=datetime.date(2023, 6, 1),
        officers=officers,
        draft=draft,
    )
    assert [s.name for s in visit.signatures.all()] == ["李执法", "陈厂长"]
    assert not VisitDraftSignature.objects.exists()


def test_a_drafted_refusal_still_needs_a_witness_on_submission(client, firm, officers):
    draft = signed_draft(client, firm, officers, party_signature="", party_refused="on")
    assert draft.signatures.get(role=SignerRole.PARTY).refused
    response = client.post(f"{RECORD}{draft.pk}/", reopened(client, draft))
    assert response.status_code == 422 and "安全生产法第六十八条" in response.content.decode()
    assert not Visit.objects.exists() and draft.signatures.count() == 2


def test_a_signature_that_is_not_a_drawn_png_is_refused_in_a_draft(client, firm, officers):
    data = phone.form_data(
        firm, officers, action="draft", party_name="陈厂长", party_signature="data:image/png;base64,AAAA"
    )
    response = client.post(RECORD, data)
    assert response.status_code == 422 and "签名图像无效" in response.content.decode()
    assert not VisitDraft.objects.exists() and not VisitDraftSignature.objects.exists()


def test_a_discarded_drafts_signatures_are_gone_from_any_visit(
    client, firm, officers, django_capture_on_commit_callbacks
):
    draft = signed_draft(client, firm, officers)
    names = [s.image.name for s in draft.signatures.all()]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{RECORD}{draft.pk}/discard/")
    assert not VisitDraftSignature.objects.exists()
    storage = VisitDraftSignature._meta.get_field("image").storage
    assert not any(storage.exists(name) for name in names)
    # The next visit recorded on the page starts unsigned and is given none of them.
    page = client.get(RECORD).content.decode()
    assert data_url(drawn_png(1)) not in page and data_url(drawn_png(3)) not in page
    assert client.post(RECORD, phone.form_data(firm, officers)).status_code == 302
    assert not VisitSignature.objects.exists()
