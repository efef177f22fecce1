"""In headless Chromium at a phone's size (390×844): a resident takes part from the public page to the result."""

import pytest
from playwright.sync_api import expect

from emgov.outreach.models import Attempt
from emgov.outreach.tests.builders import open_competition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_takes_part_on_a_phone(nanhai, live_server, browser, artifacts_dir):
    open_competition(questions=4)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    inline_blocked = []
    page.on(
        "console", lambda m: inline_blocked.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.goto(f"{live_server.url}/public/competitions/xxqa/")
    page.fill("input[name=name]", "张三丰")
    page.fill("input[name=phone]", "13800138000")
    page.select_option("select[name=town]", label="桂城街道")
    page.click("button[type=submit]")
    for n in range(1, 5):
        expect(page.locator("#q-number")).to_have_text(str(n))
        expect(page.locator("#q-total")).to_have_text("4")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if n == 1:
            page.screenshot(path=str(artifacts_dir / "competition-phone-question.png"), full_page=True)
        page.locator(".quiz-choices label").first.click()
        page.click("button[type=submit]")
    page.wait_for_selector("#result")
    assert "得分" in page.inner_text("#result")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator("script:not([src])").count() == 0, "no inline script"
    assert inline_blocked == [], "nothing was blocked by the Content-Security-Policy"
    page.screenshot(path=str(artifacts_dir / "competition-phone-result.png"), full_page=True)
    attempt = Attempt.objects.get()
    assert attempt.finished_at and len(attempt.answers) == 4
    assert f"得分 {attempt.score} 分" in page.inner_text("#result")
    context.close()
