"""In headless Chromium on a 390×844 phone: a visit with a 一般隐患 and a 重大事故隐患, each with a photo taken
(shrunk on the phone), signed by the officers and the party; then the same visit recorded with no network,
the page closed and reopened, and sent exactly once when the network returns."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from emgov.enforcement.models import Hazard, HazardGrade, Visit, VisitSignature
from emgov.enforcement.tests import phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def camera_photo() -> bytes:
    """A photo as a phone camera takes it: larger than the page sends."""
    out = io.BytesIO()
    Image.new("RGB", (2400, 1800), (90, 140, 200)).save(out, "JPEG", quality=95)
    return out.getvalue()


def sign(page, selector: str, stroke: int) -> None:
    canvas = page.locator(selector)
    canvas.evaluate("el => el.scrollIntoView({block: 'center'})")  # not under the sticky buttons
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] - 20)
    page.mouse.down()
    for x, y in ((60, 20 + stroke * 10), (120, 80), (200, 30 + stroke * 15), (260, 70)):
        page.mouse.move(box["x"] + x, box["y"] + y, steps=4)
    page.mouse.up()


def fill_visit(page, shots, artifacts_dir) -> None:
    """Enterprise, officers, a 一般隐患 and a 重大事故隐患 each with a photo, and the signatures."""
    phone.choose_enterprise(page, "五金", "桂城五金制品有限公司")
    page.fill("#officer-q", "YJ102")  # by certificate number
    page.locator("#field-officers label", has_text="王执法").locator("input").check()
    page.fill("#officer-q", "")
    phone.pick_officer(page, "李执法")
    page.click("#gh-add")
    page.fill("#id_gh-0-description", "配电箱前堆放杂物")
    page.fill("#id_gh-0-location", "二号车间")
    page.fill("#id_gh-0-basis", "《中华人民共和国安全生产法》第四十一条")
    photo = {"name": "配电箱.jpg", "mimeType": "image/jpeg", "buffer": camera_photo()}
    page.set_input_files("#id_gh-0-photos", files=[photo])
    page.wait_for_selector("#gh-0 .thumbs img")
    phone.answer(page, "第三条第（二）项", "不符合", "叉车司机无证上岗")
    row = page.locator(".check-item[data-article='第三条第（二）项']")
    row.locator("input[type=file]").set_input_files(files=[{**photo, "name": "叉车.jpg"}])
    row.locator(".thumbs img").wait_for()
    page.screenshot(path=str(artifacts_dir / f"{shots}-1-hazards.png"), full_page=True)
    sign(page, "#officer-pads .sigpad:nth-child(1) canvas", 1)
    sign(page, "#officer-pads .sigpad:nth-child(2) canvas", 2)
    page.fill("#id_party_name", "陈厂长")
    sign(page, ".sigpad[data-input=id_party_signature] canvas", 3)
    page.screenshot(path=str(artifacts_dir / f"{shots}-2-signed.png"), full_page=True)


def assert_visit_stored_once(artifacts_dir) -> Visit:
    visit = Visit.objects.get()
    hazards = {h.grade: h for h in Hazard.objects.filter(visit=visit)}
    assert set(hazards) == {HazardGrade.GENERAL, HazardGrade.MAJOR}
    for hazard in hazards.values():
        (attachment,) = hazard.attachments.all()
        with attachment.file.open("rb") as f:
            width, height = Image.open(f).size
        assert max(width, height) <= 1600  # shrunk on the phone
    assert VisitSignature.objects.filter(visit=visit).count() == 3
    return visit


def test_visit_with_both_grades_photos_and_signatures_gives_a_signed_record(
    live_server, browser, artifacts_dir, demo_password
):
    page = phone.guicheng_on_a_phone(browser, live_server, demo_password)
    refused = []  # what the Content-Security-Policy refused (no inline script, no other origin)
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}{phone.RECORD}")
    page.wait_for_selector("#visit-phone[data-ready='1']")
    fill_visit(page, "visit-online", artifacts_dir)
    page.locator("#field-officers label", has_text="李执法").locator("input").uncheck()
    page.click("button[name=action][value=submit]")
    # Refused (one officer): the problems listed at the top, as errors; photos and signatures kept.
    page.wait_for_selector(".error-summary a[href='#field-officers']")
    assert "至少两名" in page.inner_text(".error-summary")
    page.wait_for_selector("#gh-0 .thumbs img")
    page.locator(".check-item[data-article='第三条第（二）项'] .thumbs img").wait_for()
    assert page.eval_on_selector("#id_gh-0-photos", "el => el.files.length") == 1
    assert page.input_value("input[name=party_signature]").startswith("data:image/png;base64,")
    page.screenshot(path=str(artifacts_dir / "visit-online-3-refused.png"), full_page=True)
    page.click(".error-summary a[href='#field-officers']")
    phone.pick_officer(page, "李执法")
    sign(page, "#officer-pads .sigpad:nth-child(1) canvas", 1)
    page.click("button[name=action][value=submit]")
    page.wait_for_selector("text=登记隐患2项")
    assert phone.no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts_dir / "visit-online-4-submitted.png"), full_page=True)
    assert_visit_stored_once(artifacts_dir)
    with page.expect_download() as download:
        page.click("#visit-record-document >> text=下载 PDF")
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Subtype /Image") >= 3
    (artifacts_dir / "visit-online-5-record.pdf").write_bytes(pdf)
    assert page.locator("#case-open").count() == 0  # a town officer does not open penalty cases
    assert not refused, refused


def record_page_under_the_worker(browser, live_server, demo_password):
    """The visit page on a phone, reloaded under its service worker, which then keeps the page, its data
    and its scripts for when the network is gone."""
    page = phone.guicheng_on_a_phone(browser, live_server, demo_password)
    page.goto(f"{live_server.url}{phone.RECORD}")
    page.wait_for_selector("#visit-phone[data-ready='1']")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_selector("#visit-phone[data-ready='1']")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_timeout(500)
    return page


def test_visit_recorded_offline_is_sent_once_when_the_network_returns(
    live_server, browser, artifacts_dir, demo_password
):
    page = record_page_under_the_worker(browser, live_server, demo_password)
    context = page.context

    context.set_offline(True)
    fill_visit(page, "visit-offline", artifacts_dir)
    page.click("button[name=action][value=submit]")
    page.wait_for_selector("#offline-queue li .state.pending")
    assert "待上传" in page.inner_text("#offline-queue")
    page.screenshot(path=str(artifacts_dir / "visit-offline-3-queued.png"), full_page=True)
    assert not Visit.objects.exists()

    page.close()
    page = context.new_page()
    page.goto(f"{live_server.url}{phone.RECORD}")  # opened with no network: from the phone's copy
    page.wait_for_selector("#offline-queue li .state.pending")
    page.screenshot(path=str(artifacts_dir / "visit-offline-4-reopened.png"), full_page=True)

    context.set_offline(False)
    page.wait_for_selector("#offline-queue li .state:not(.pending)", timeout=30_000)
    assert "已上传" in page.inner_text("#offline-queue"), page.inner_text("#offline-queue")
    page.screenshot(path=str(artifacts_dir / "visit-offline-5-uploaded.png"), full_page=True)
    visit = assert_visit_stored_once(artifacts_dir)
    assert visit.number in page.inner_text("#offline-queue")

    page.reload()  # sending again changes nothing
    page.wait_for_selector("#offline-queue li .state.uploaded")
    page.evaluate("VisitQueue.sync()")
    assert Visit.objects.count() == 1


def test_a_visit_left_unsent_comes_back_with_its_photos_and_signatures(
    live_server, browser, artifacts_dir, demo_password
):
    page = record_page_under_the_worker(browser, live_server, demo_password)
    context = page.context

    context.set_offline(True)
    fill_visit(page, "visit-draft", artifacts_dir)
    signatures = page.eval_on_selector_all(".officer-signature", "els => els.map(e => e.value)")
    party = page.input_value("input[name=party_signature]")
    page.evaluate("VisitDraft.saved()")
    page.reload()  # no network: the page from the phone's copy, the draft from the phone's store
    page.wait_for_selector("#visit-phone[data-ready='1']")
    page.evaluate("VisitDraft.restored()")
    page.wait_for_selector("#gh-0 .thumbs img")
    page.locator(".check-item[data-article='第三条第（二）项'] .thumbs img").wait_for()
    assert page.input_value("#id_gh-0-description") == "配电箱前堆放杂物"
    assert page.eval_on_selector("#id_gh-0-photos", "el => el.files.length") == 1
    assert page.is_checked("#enterprise-options input[name=enterprise]")
    assert page.eval_on_selector_all(".officer-signature", "els => els.map(e => e.value)") == signatures
    assert page.input_value("input[name=party_signature]") == party and party.startswith("data:image/png")
    assert page.locator("#officer-pads .sigpad canvas").count() == 2
    page.screenshot(path=str(artifacts_dir / "visit-draft-3-restored.png"), full_page=True)

    context.set_offline(False)
    page.click("button[name=action][value=submit]")
    page.wait_for_selector("text=登记隐患2项")
    visit = assert_visit_stored_once(artifacts_dir)
    general = visit.hazards.get(grade=HazardGrade.GENERAL)
    assert [a.original_name for a in general.attachments.all()] == ["配电箱.jpg"]
    # Submitted: opening the page again starts a new visit.
    page.goto(f"{live_server.url}{phone.RECORD}")
    page.wait_for_selector("#visit-phone[data-ready='1']")
    page.evaluate("VisitDraft.restored()")
    assert page.locator("#gh-0").count() == 0


def test_two_officers_reinspect_on_a_phone_and_the_opinion_names_them(
    live_server, browser, artifacts_dir, demo_password
):
    import datetime
    import zipfile

    from emgov.enforcement.procedures import HAZARD
    from emgov.enforcement.services.fieldwork import GeneralHazard
    from emgov.enforcement.services.visits import visit_record

    page = phone.guicheng_on_a_phone(browser, live_server, demo_password)
    chen, huang = phone.officer("YJ201", "陈复查"), phone.officer("YJ202", "黄复查")
    visit = visit_record(
        actor=None,
        enterprise=phone.Enterprise.objects.get(name="桂城五金制品有限公司"),
        department=phone.bureau(),
        nature="执法检查",
        date=datetime.date(2023, 6, 1),
        officers=[chen, huang],
        general_hazards=[
            GeneralHazard("消防通道堵塞", "仓库"),
            GeneralHazard("未设安全警示标志", "冲压车间"),
        ],
    )
    fixed, unfixed = visit.hazards.order_by("number")
    for hazard in (fixed, unfixed):
        HAZARD.take("order", hazard, actor=None, deadline=datetime.date(2023, 6, 15))
        HAZARD.take("start", hazard, actor=None)
        HAZARD.take("request-review", hazard, actor=None, rectified_on=datetime.date(2023, 6, 14))
    page.goto(f"{live_server.url}/enforcement/visits/{visit.pk}/")
    page.click("text=整改复查")
    page.fill("#id_date", "2023-06-20")
    page.locator("#field-officers label", has_text="陈复查").locator("input").check()
    page.locator("#field-officers label", has_text="黄复查").locator("input").check()
    page.select_option(f"#id_passed_{fixed.pk}", "1")
    page.select_option(f"#id_passed_{unfixed.pk}", "0")
    page.fill(f"#id_note_{unfixed.pk}", "警示标志仍未设置")
    photo = {"name": "复查.jpg", "mimeType": "image/jpeg", "buffer": camera_photo()}
    page.set_input_files(f"#id_photos_{fixed.pk}", files=[photo])
    assert phone.no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts_dir / "reinspection-1-form.png"), full_page=True)
    page.click("button[type=submit].primary")
    page.wait_for_selector("#visit-reinspections")
    page.screenshot(path=str(artifacts_dir / "reinspection-2-recorded.png"), full_page=True)
    assert [h.status for h in visit.hazards.order_by("number")] == ["复查合格", "复查不合格"]
    (attachment,) = fixed.reinspection_findings.get().attachments.all()
    with attachment.file.open("rb") as f:
        assert max(Image.open(f).size) <= 1600  # shrunk on the phone
    with page.expect_download() as download:
        page.click("#visit-reinspections >> text=整改复查意见书（Word）")
    with zipfile.ZipFile(download.value.path()) as z:
        text = z.read("word/document.xml").decode()
    assert "陈复查（执法证号：YJ201）" in text and "黄复查（执法证号：YJ202）" in text
