"""Helpers of the Playwright tests: a fresh page of a given size, and signing in on it."""

from __future__ import annotations

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def new_page(browser, viewport: dict[str, int] = DESKTOP):
    """A page in a context of its own (downloads accepted), so tests share no cookies."""
    return browser.new_context(viewport=viewport, accept_downloads=True).new_page()


def sign_in(page, live_server, username: str, password: str):
    """Sign in through the login form and wait for the home page."""
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_selector("text=我的待办")
    return page
