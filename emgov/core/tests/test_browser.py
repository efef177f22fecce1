"""In headless Chromium, as a person would: log in as a town officer and see the home page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_town_officer_logs_in_and_sees_the_home_page(live_server, browser, artifacts_dir, demo_password):
    from emgov.demo.base import ensure_base

    ensure_base()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    assert "/login/" in page.url
    page.fill("#id_username", "guicheng")
    page.fill("#id_password", demo_password)
    page.click("button[type=submit]")
    page.wait_for_selector("text=我的待办")
    assert "梁桂城，您好" in page.content()
    page.screenshot(path=str(artifacts_dir / "home-town-officer.png"), full_page=True)
    page.close()
