"""In headless Chromium the pages keep their Content-Security-Policy: no violation is reported while
signing in, opening the home page, a list, the dashboard, the API docs and the tokens page, and a
drop-down marked data-autosubmit still sends its form (from the static script, not an inline handler)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/enterprises/enterprises/", "/dashboard/", "/core/account/tokens/", "/api/docs"]


def test_the_pages_raise_no_policy_violation(live_server, browser, demo_password):
    from emgov.core.tests.browser import new_page, sign_in
    from emgov.demo.base import ensure_base

    ensure_base()
    page = new_page(browser)
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    sign_in(page, live_server, "admin", demo_password)
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
    page.goto(f"{live_server.url}/")
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.evaluate("document.documentElement.lang").startswith("en")
    page.close()
