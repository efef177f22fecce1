"""In headless Chromium: the legal officer handles a disclosure request; the public reads a published item."""

import io

import pytest

from emgov.core.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_legal_officer_registers_extends_replies_and_downloads_the_letter(
    live_server, browser, artifacts_dir, demo_password
):
    from docx import Document

    from emgov.demo.base import ensure_base

    ensure_base()
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    sign_in(page, live_server, "legal", demo_password)

    page.goto(f"{live_server.url}/publicity/requests/new/")
    page.fill("#id_applicant_name", "王建国")
    page.fill("#id_applicant_id_number", "440605199001011234")
    page.fill("#id_applicant_phone", "13912345678")
    page.select_option("#id_channel", "当面")
    page.fill("#id_submitted_on", "2023-09-27")
    page.fill("#id_received_on", "2023-09-27")
    page.fill("#id_description", "2023年安全生产执法检查计划")
    page.select_option("#id_format_wanted", "电子数据")
    page.select_option("#id_delivery_wanted", "电子邮件")
    page.click("main button[type=submit].primary")
    page.wait_for_selector("#clock")
    assert "2023-10-31" in page.inner_text("#clock")

    page.click("#step-extend summary")
    page.fill("#id_extend_extension_days", "20")
    page.fill("#id_extend_extension_reason", "需要汇总多个镇街的材料")
    page.fill("#id_extend_extension_approved_by", "政务公开办主任")
    page.fill("#id_extend_extension_approved_on", "2023-10-25")
    page.fill("#id_extend_extension_notified_on", "2023-10-26")
    page.click("#step-extend button[type=submit]")
    page.wait_for_selector("text=已办理：延长答复期限")
    assert "2023-11-28" in page.inner_text("#clock")
    assert "答复期限只能延长一次" in page.inner_text("#step-extend")

    page.click("#step-reply summary")
    page.select_option("#id_reply_reply_type", "予以公开")
    page.fill("#id_reply_replied_on", "2023-11-20")
    page.click("#step-reply button[type=submit]")
    page.wait_for_selector("text=下载答复书")
    assert "按期答复" in page.inner_text("#clock")
    page.screenshot(path=str(artifacts_dir / "disclosure-request-replied.png"), full_page=True)

    with page.expect_download() as download_info:
        page.click("text=下载答复书")
    letter = Document(io.BytesIO(download_info.value.path().read_bytes()))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "政府信息公开申请答复书" in text and "王建国" in text and "予以公开" in text
    context.close()


def test_published_item_appears_on_the_public_page_without_login(live_server, browser, artifacts_dir):
    import datetime

    from emgov.core import services
    from emgov.demo.base import ensure_base
    from emgov.publicity.models import DisclosureItem

    ensure_base()
    services.record_create(
        DisclosureItem(
            number="GK2023-0001",
            title="2023年安全生产执法检查计划",
            category="执法检查",
            published_on=datetime.date(2023, 3, 1),
        ),
        actor=None,
    )
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}/public/")
    assert "/login/" not in page.url
    page.click("text=2023年安全生产执法检查计划")
    page.wait_for_selector("text=GK2023-0001")
    page.goto(f"{live_server.url}/public/")
    page.screenshot(path=str(artifacts_dir / "public-disclosures.png"), full_page=True)
    page.close()
