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


def test_on_a_phone_the_menu_folds_and_starts_with_the_roles_own_pages(
    live_server, browser, artifacts_dir, demo_password
):
    from playwright.sync_api import expect

    from emgov.core import clock
    from emgov.core.tests.browser import PHONE, new_page, sign_in
    from emgov.demo.base import ensure_base
    from emgov.demo.targets import AS_OF

    ensure_base()
    clock.business_date_set(AS_OF)
    page = sign_in(new_page(browser, PHONE), live_server, "officer", demo_password)
    expect(page.locator(".business-date")).to_contain_text("2023年12月4日")
    nav = page.locator("nav.mainnav")
    expect(nav.locator("details.navtoggle")).not_to_have_attribute("open", "")
    page.click("nav.mainnav summary >> text=菜单")
    areas = nav.locator(".area > details > summary")
    expect(areas.first).to_have_text("执法监管")
    page.screenshot(path=str(artifacts_dir / "phone-menu-officer.png"), full_page=True)
    areas.first.click()
    expect(nav.locator(".area > details").first).to_have_attribute("open", "")
    page.goto(f"{live_server.url}/enforcement/no-such-page/")
    expect(page.locator("main")).to_contain_text("找不到该页面")
    expect(page.locator("main a").first).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "phone-error-404.png"), full_page=True)
    page.close()
