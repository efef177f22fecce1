"""In headless Chromium, on a desktop and on a phone: a leader edits the report's narrative without
placeholder syntax — inserts a figure by its Chinese name, picks its format by example, changes a
number's format — and the report shows it; a second writer of the same year is refused and keeps their
text; the drill-down behind a number reads in Chinese."""

import pytest

from emgov.core.tests.browser import DESKTOP, PHONE, new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EDIT = "/reports/annual/edit/?year=2023&region=440605"


def _data():
    from emgov.demo.base import ensure_base
    from emgov.reports.tests import builders as b

    ensure_base()
    b.load_officers()
    company = b.enterprise("桂城街道")
    for date in ("2023-03-01", "2023-05-10", "2023-09-20"):
        b.hazard(b.visit(company, b.day(date)))
    b.penalty(b.day("2023-04-01"), fine="21212000")


@pytest.mark.parametrize("viewport,name", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_leader_inserts_a_figure_by_name_and_picks_its_format_by_example(
    live_server, browser, artifacts_dir, demo_password, viewport, name
):
    from emgov.reports.models import ReportNarrative

    _data()
    page = new_page(browser, viewport)
    sign_in(page, live_server, "leader", demo_password)
    page.goto(f"{live_server.url}{EDIT}")
    page.wait_for_selector("#narrative-editor:not([hidden])")
    assert not page.is_visible("#id_body")  # the placeholder text stays underneath
    body = page.inner_text(".ed-body")
    assert "{{" not in body and "佛山市南海区应急管理局" in page.inner_text(".ed-title")
    page.screenshot(path=str(artifacts_dir / f"narrative-editor-{name}.png"), full_page=False)

    # Put the caret at the end of the first paragraph and insert 经济罚款 as "2,121.2万元".
    first = page.locator(".ed-body p").first
    first.click()
    page.keyboard.press("End")
    page.keyboard.type("全年罚款")
    page.click("#fig-open")
    page.fill("#fig-search", "罚款")
    page.click('button.fig-choice[data-key="enforcement.fines_yuan"]')
    page.screenshot(path=str(artifacts_dir / f"narrative-editor-formats-{name}.png"), full_page=False)
    page.click('button.fig-format[data-format="wan_yuan1"]')
    assert (
        page.locator('.ed-body .fig-chip[data-key="enforcement.fines_yuan"][data-format="wan_yuan1"]').count()
        == 1
    )
    assert "全年罚款2,121.2万元" in page.inner_text(".ed-body")

    # A number already in the text: click it and choose another format.
    page.click('.ed-title .fig-chip[data-key="year"]')
    page.click("#fig-close")
    page.click("#narrative-form button[type=submit]")
    page.wait_for_selector("text=已保存2023年报告文稿。")
    assert "全年罚款2,121.2万元" in page.inner_text("#report")
    stored = ReportNarrative.objects.get()
    assert "全年罚款{{ enforcement.fines_yuan|wan_yuan1 }}" in stored.body
    assert stored.title == "{{ bureau }}{{ year }}年法治政府建设年度报告"
    page.context.close()


def test_the_second_writer_of_the_same_year_is_refused_and_keeps_their_text(
    live_server, browser, artifacts_dir, demo_password
):
    from emgov.reports.models import ReportNarrative

    _data()
    first, second = new_page(browser), new_page(browser, PHONE)
    sign_in(first, live_server, "leader", demo_password)
    sign_in(second, live_server, "admin", demo_password)
    for page in (first, second):
        page.goto(f"{live_server.url}{EDIT}")
        page.wait_for_selector("#narrative-editor:not([hidden])")
    first.locator(".ed-body p").first.click()
    first.keyboard.press("End")
    first.keyboard.type("甲补充的一句。")
    first.click("#narrative-form button[type=submit]")
    first.wait_for_selector("text=已保存2023年报告文稿。")

    second.locator(".ed-body p").first.click()
    second.keyboard.press("End")
    second.keyboard.type("乙补充的一句。")
    second.click("#narrative-form button[type=submit]")
    second.wait_for_selector("#form-errors")
    assert "已由他人先行保存，您的修改未保存" in second.inner_text("#form-errors")
    assert "乙补充的一句。" in second.inner_text(".ed-body")
    assert "甲补充的一句。" in second.inner_text("#latest-narrative")
    assert "乙补充的一句。" not in ReportNarrative.objects.get().body
    second.screenshot(path=str(artifacts_dir / "narrative-editor-refused-phone.png"), full_page=True)
    first.context.close()
    second.context.close()


@pytest.mark.parametrize("viewport,name", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_the_drill_down_reads_in_chinese(live_server, browser, artifacts_dir, demo_password, viewport, name):
    _data()
    page = new_page(browser, viewport)
    sign_in(page, live_server, "leader", demo_password)
    page.goto(f"{live_server.url}/reports/annual/?year=2023&region=440605&as_of=2023-12-04")
    page.click('a[data-figure="enforcement.fines_yuan"]')
    page.wait_for_selector("#records")
    summary = page.inner_text("#figure-summary")
    assert "2,121.2万元（21,212,000元）" in summary and "enforcement." not in summary
    assert "2023-01-01 至 2023-12-04" in summary
    assert "21,212,000.00" in page.inner_text("#records")
    page.screenshot(path=str(artifacts_dir / f"annual-report-drilldown-{name}.png"), full_page=True)
    page.context.close()
