"""In headless Chromium at a phone's size (390×844): a 桂城街道 officer records a visit with two hazards,
issues a 责令限期整改指令书 and downloads it; the .docx carries the order's 文号 and both hazards."""

from pathlib import Path

import pytest

from emgov.enforcement.models import Hazard, Order
from emgov.enforcement.tests import phone
from emgov.enforcement.tests.test_order_documents import docx_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_town_officer_issues_a_rectification_order_on_a_phone_and_downloads_it(
    live_server, browser, artifacts_dir, demo_password
):
    page = phone.guicheng_on_a_phone(
        browser, live_server, demo_password, address="桂城街道南海大道1号", legal_representative="张三"
    )
    phone.record_visit(
        page,
        live_server,
        query="gcwj",
        enterprise_name="桂城五金制品有限公司",
        officers=["李执法（YJ101）", "王执法（YJ102）"],
        answers=[
            ("第三条第（二）项", "不符合", "叉车司机无证上岗"),
            ("第十一条第（十）项", "不符合", "打磨车间积尘严重"),
        ],
        result="责令限期整改",
    )
    page.wait_for_selector("text=已提交")
    assert Hazard.objects.count() == 2

    page.locator("#visit-hazards a").first.click()
    page.get_by_role("link", name="签发执法文书").click()
    page.select_option("#id_doc_type", "责令限期整改指令书")
    boxes = page.locator("input[name=hazards]")
    assert boxes.count() == 2
    for i in range(2):
        boxes.nth(i).check()
    page.fill("#id_due_date", "2030-01-31")
    assert phone.no_horizontal_scroll(page)
    page.get_by_role("button", name="签发").click()
    page.wait_for_url("**/enforcement/orders/*/")
    order = Order.objects.get()
    assert order.number in page.inner_text("h1")
    assert phone.no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts_dir / "order-phone-issued.png"), full_page=True)

    with page.expect_download() as info:
        page.get_by_role("link", name="下载 Word（.docx）").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    text = docx_text(Path(download.path()).read_bytes())
    assert order.number in text and "桂城五金制品有限公司" in text
    assert "叉车司机无证上岗" in text and "打磨车间积尘严重" in text
    assert "YJ101" in text and "YJ102" in text
