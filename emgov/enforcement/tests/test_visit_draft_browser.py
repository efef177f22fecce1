"""In headless Chromium on a 390×844 phone: a visit signed on site by an officer and the party, saved as a
draft on the server, reopened on another phone (none of the first phone's storage) with both signatures
drawn, and submitted: the visit and its 现场检查记录 carry exactly those signatures."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from emgov.enforcement.models import Visit, VisitDraftSignature, VisitSignature
from emgov.enforcement.tests import phone
from emgov.enforcement.tests.test_visit_draft_signatures import pdf_images
from emgov.enforcement.tests.test_visit_offline_browser import sign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTY = "input[name=party_signature]"
DRAWN = """el => el.getContext("2d").getImageData(0, 0, el.width, el.height).data.some(v => v > 0)"""


def png(value: str) -> bytes:
    return base64.b64decode(value.split(",", 1)[1])


def test_a_draft_reopened_on_another_phone_keeps_its_signatures_into_the_record(
    live_server, browser, artifacts_dir, demo_password, tmp_path
):
    page = phone.guicheng_on_a_phone(browser, live_server, demo_password)
    page.goto(f"{live_server.url}{phone.RECORD}")
    page.wait_for_selector("#visit-phone[data-ready='1']")
    phone.choose_enterprise(page, "五金", "桂城五金制品有限公司")
    phone.pick_officer(page, "李执法")
    phone.pick_officer(page, "王执法")
    sign(page, "#officer-pads .sigpad:nth-child(1) canvas", 1)
    page.fill("#id_party_name", "陈厂长")
    sign(page, ".sigpad[data-input=id_party_signature] canvas", 3)
    officer = page.eval_on_selector_all(".officer-signature", "els => els.map(e => e.value)")
    party = page.input_value(PARTY)
    assert officer[0].startswith("data:image/png") and not officer[1]
    page.click("button[name=action][value=draft]")
    page.wait_for_selector("text=草稿已保存")
    draft_url = page.url
    assert re.search(r"/visits/record/\d+/$", draft_url)
    assert VisitDraftSignature.objects.count() == 2

    other = phone.phone_page(browser, live_server, "guicheng", demo_password)
    other.goto(draft_url)
    other.wait_for_selector("#visit-phone[data-ready='1']")
    other.evaluate("VisitDraft.restored()")
    assert other.eval_on_selector_all(".officer-signature", "els => els.map(e => e.value)") == officer
    assert other.input_value(PARTY) == party and other.input_value("#id_party_name") == "陈厂长"
    assert other.locator("#officer-pads .sigpad canvas").count() == 2
    other.wait_for_function(f"({DRAWN})(document.querySelector('#officer-pads .sigpad canvas'))")
    other.wait_for_function(
        f"({DRAWN})(document.querySelector('.sigpad[data-input=id_party_signature] canvas'))"
    )
    other.screenshot(path=str(artifacts_dir / "visit-draft-signatures-1-reopened.png"), full_page=True)

    other.click("button[name=action][value=submit]")
    other.wait_for_selector("text=登记隐患0项")
    visit = Visit.objects.get()
    stored = list(visit.signatures.order_by("pk"))
    assert [s.name for s in stored] == ["李执法", "陈厂长"]
    assert [s.image.read() for s in stored] == [png(officer[0]), png(party)]
    assert VisitSignature.objects.count() == 2 and not VisitDraftSignature.objects.exists()
    with other.expect_download() as download:
        other.click("#visit-record-document >> text=下载 PDF")
    pdf = Path(download.value.path()).read_bytes()
    (artifacts_dir / "visit-draft-signatures-2-record.pdf").write_bytes(pdf)
    assert len(pdf_images(pdf, tmp_path)) == 2


STORED = """() => new Promise(resolve => {
  const req = indexedDB.open("emgov-visits");
  req.onsuccess = () => {
    const tx = req.result.transaction(["drafts", "files"], "readonly");
    const drafts = tx.objectStore("drafts").getAllKeys(), files = tx.objectStore("files").getAllKeys();
    tx.oncomplete = () => { req.result.close(); resolve({drafts: drafts.result, files: files.result}); };
  };
})"""


def test_a_discarded_draft_leaves_nothing_on_the_phone(live_server, browser, demo_password):
    page = phone.guicheng_on_a_phone(browser, live_server, demo_password)
    page.goto(f"{live_server.url}{phone.RECORD}")
    page.wait_for_selector("#visit-phone[data-ready='1']")
    phone.choose_enterprise(page, "五金", "桂城五金制品有限公司")
    phone.pick_officer(page, "李执法")
    page.fill("#id_party_name", "陈厂长")
    sign(page, ".sigpad[data-input=id_party_signature] canvas", 3)
    page.click("button[name=action][value=draft]")
    page.wait_for_selector("text=草稿已保存")
    draft_path = page.url.removeprefix(live_server.url)
    page.fill("#id_findings", "现场发现配电箱前堆放杂物")
    page.evaluate("VisitDraft.saved()")
    assert draft_path in page.evaluate(STORED)["drafts"]

    page.click("#draft-discard button")
    page.wait_for_load_state("networkidle")
    assert draft_path not in page.evaluate(STORED)["drafts"]
    assert not VisitDraftSignature.objects.exists()
