"""In headless Chromium: the legal officer publishes an overdue decision from 待公示; the public sees it masked."""

import datetime

import pytest

from emgov.core.tests.browser import new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_legal_officer_publishes_with_the_button_and_the_public_reads_it(
    live_server, browser, artifacts_dir, demo_password
):
    from django.utils import timezone

    from emgov.core.models import Region
    from emgov.demo.base import ensure_base
    from emgov.publicity.tests.publication_helpers import ID_NUMBER, PERSON, PERSON_MASKED, person_penalty

    ensure_base()
    decided = timezone.localdate() - datetime.timedelta(days=30)
    person_penalty(
        Region.objects.get(name="九江镇"), "（南海）应急罚〔2099〕7号", decided=decided.isoformat()
    )

    page = new_page(browser)
    sign_in(page, live_server, "legal", demo_password)
    assert "处罚决定待公示" in page.content()

    page.goto(f"{live_server.url}/publicity/publications/pending/")
    row = page.locator("#pending-table tbody tr", has_text="应急罚〔2099〕7号")
    assert "逾期未公示" in row.inner_text()
    row.locator("button[type=submit]").click()
    page.wait_for_selector("#pending-table >> text=已于")
    page.screenshot(path=str(artifacts_dir / "publication-published.png"), full_page=True)
    page.context.close()

    public = browser.new_context()
    reader = public.new_page()
    reader.goto(f"{live_server.url}/public/penalties/")
    assert "应急罚〔2099〕7号" in reader.content()
    reader.click("text=（南海）应急罚〔2099〕7号")
    reader.wait_for_selector("text=违法事实")
    text = reader.content()
    assert PERSON_MASKED in text and PERSON not in text and ID_NUMBER not in text
    reader.screenshot(path=str(artifacts_dir / "public-penalty.png"), full_page=True)
    public.close()
