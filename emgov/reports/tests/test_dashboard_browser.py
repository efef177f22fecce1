"""In headless Chromium: the leader's home page draws the dashboard's charts with the application's ECharts."""

from __future__ import annotations

import pytest

from emgov.core.tests.browser import sign_in
from emgov.reports.tests.dashboard_fixtures import records_fixture  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHARTS = ("chart-trends", "chart-penalties", "chart-towns", "chart-industries", "chart-rectification")


def test_the_leader_sees_the_charts_drawn_from_local_echarts(
    records, live_server, browser, artifacts_dir, demo_password
):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requested: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    sign_in(page, live_server, "leader", demo_password)
    assert page.locator("#dashboard").count() == 1
    for chart in CHARTS:
        page.wait_for_selector(f"#{chart} canvas, #{chart} svg")

    page.select_option("#dashboard select[name=year]", "2023")
    page.wait_for_url("**/dashboard/?year=2023*")
    for chart in CHARTS:
        page.wait_for_selector(f"#{chart} canvas, #{chart} svg")
    assert (
        page.locator('.dash-figure[data-key="enforcement.inspections"] .value').inner_text().startswith("3")
    )
    page.screenshot(path=str(artifacts_dir / "dashboard-leader.png"), full_page=True)

    echarts = [url for url in requested if "echarts" in url]
    assert echarts and all(url.startswith(f"{live_server.url}/static/vendor/echarts/") for url in echarts)
    assert all(url.startswith(live_server.url) for url in requested), requested
    # The browser's own request for /favicon.ico (the site has none) is not the page's error.
    assert [e for e in errors if "/favicon.ico" not in e] == []
    context.close()
