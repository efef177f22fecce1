"""In headless Chromium at a phone's size (390×844): an officer issues a 黄色预警, which then shows on the
public warnings page and in the CAP feed; the responsibility matrix fits the phone."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from lxml import etree

from emgov.enforcement.tests import phone
from emgov.preparedness.models import EarlyWarning
from emgov.preparedness.tests.factories import event_type, plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LOCAL = "%Y-%m-%dT%H:%M"


def test_an_officer_issues_a_yellow_warning_seen_on_the_public_page_and_in_the_feed(
    live_server, browser, artifacts_dir, demo_password
):
    from emgov.demo.base import ensure_base

    ensure_base()
    rain = event_type("暴雨洪涝")
    page = phone.phone_page(browser, live_server, "officer", demo_password)
    page.goto(f"{live_server.url}/preparedness/warnings/new/")
    now = timezone.localtime()
    page.fill("#id_number", "YJ2023-008")
    page.fill("#id_headline", "南海区暴雨黄色预警")
    page.select_option("#id_level", "黄色")
    page.select_option("#id_event_type", str(rain.pk))
    page.fill("#id_area", "桂城街道、大沥镇")
    page.fill("#id_onset", now.strftime(LOCAL))
    page.fill("#id_expires", (now + datetime.timedelta(hours=12)).strftime(LOCAL))
    page.fill("#id_description", "预计未来6小时内将出现50毫米以上降雨。")
    page.fill("#id_measures", "暂停户外作业，低洼地带人员做好转移准备。")
    page.click("form button[type=submit].primary")
    page.wait_for_selector("#step-issue")
    page.click("#step-issue summary")
    page.click("#step-issue button[type=submit]")
    page.wait_for_selector(".messages, .errors, .error")
    assert EarlyWarning.objects.get().status == "已发布"

    page.goto(f"{live_server.url}/public/warnings/")
    assert "南海区暴雨黄色预警" in page.inner_text("main")
    assert "桂城街道、大沥镇" in page.inner_text("main")
    assert phone.no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts_dir / "public-warnings-phone.png"), full_page=True)
    feed = etree.fromstring(page.request.get(f"{live_server.url}/public/warnings/feed.atom").body())
    titles = [t.text for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "【黄色预警】南海区暴雨黄色预警" in titles


def test_the_matrix_page_fits_a_phone(live_server, browser, artifacts_dir, demo_password):
    from emgov.demo.base import ensure_base

    ensure_base()
    typhoon = event_type("台风", support=("消防", "住建"))
    event_type("燃气事故", category="事故灾难", lead="住建")
    plan("YA-1", events=[typhoon])
    page = phone.phone_page(browser, live_server, "leader", demo_password)
    page.goto(f"{live_server.url}/preparedness/matrix/")
    table = page.inner_text("#matrix")
    assert "牵头" in table and "配合" in table and "无应急预案覆盖" in table
    assert phone.no_horizontal_scroll(page)  # the wide table scrolls inside its own box
    page.select_option("select[name=category]", "事故灾难")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**category=**")
    assert "台风" not in page.inner_text("#matrix")
    page.screenshot(path=str(artifacts_dir / "matrix-phone.png"), full_page=True)
