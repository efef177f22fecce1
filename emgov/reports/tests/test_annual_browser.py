"""In headless Chromium: a leader reads the annual report, follows a number to its records, downloads it."""

import io

import pytest

from emgov.core.tests.browser import new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_reads_the_report_follows_a_figure_and_downloads_word(
    live_server, browser, artifacts_dir, demo_password
):
    from docx import Document

    from emgov.demo.base import ensure_base
    from emgov.reports.tests import builders as b

    ensure_base()
    b.load_officers()
    company = b.enterprise("桂城街道")
    for date in ("2023-03-01", "2023-05-10", "2023-09-20"):
        b.hazard(b.visit(company, b.day(date)))
    b.litigation(b.day("2023-04-01"), head_required=True, head_appeared=True)

    page = new_page(browser)
    sign_in(page, live_server, "leader", demo_password)

    page.goto(f"{live_server.url}/reports/annual/?year=2023&region=440605&as_of=2023-12-04")
    report = page.inner_text("#report")
    assert "佛山市南海区应急管理局2023年法治政府建设年度报告" in report
    assert "共计出动执法人员6人次，检查企业1家，共计检查3次，发现隐患3处" in report
    assert "行政诉讼案件1宗，行政机关负责人应出庭1次，实际出庭1次" in report
    page.screenshot(path=str(artifacts_dir / "annual-report.png"), full_page=True)

    page.click('a[data-figure="enforcement.hazards_found"]')
    page.wait_for_selector("#records")
    assert page.inner_text("#record-count") == "3"
    assert page.locator("#records tbody tr").count() == 3
    page.screenshot(path=str(artifacts_dir / "annual-report-drilldown.png"), full_page=True)

    page.go_back()
    with page.expect_download() as download_info:
        page.click("text=下载 Word")
    text = "\n".join(p.text for p in Document(io.BytesIO(download_info.value.path().read_bytes())).paragraphs)
    assert "共计检查3次" in text and "三、2024年工作计划" in text
    page.context.close()


def test_leader_edits_the_narrative_and_an_unknown_placeholder_is_refused(
    live_server, browser, artifacts_dir, demo_password
):
    from emgov.demo.base import ensure_base

    ensure_base()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, live_server, "leader", demo_password)

    page.goto(f"{live_server.url}/reports/annual/edit/?year=2023&region=440605")
    page.wait_for_selector("#narrative-editor:not([hidden])")
    typed = "{{ enforcement.checks }}"  # placeholder syntax typed by hand stays text, and is checked
    page.locator(".ed-body p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(typed)
    page.click("#narrative-form button[type=submit]")
    page.wait_for_selector("text=未知的数据项“enforcement.checks”")
    assert typed in page.inner_text(".ed-body")  # the writer's text is kept
    page.locator(".ed-body p").first.click()
    page.keyboard.press("End")
    for _ in typed:
        page.keyboard.press("Backspace")
    page.keyboard.type("依法查处安全生产违法行为。")
    page.click("#narrative-form button[type=submit]")
    page.wait_for_selector("text=已保存2023年报告文稿。")
    assert "依法查处安全生产违法行为。" in page.inner_text("#report")
    page.screenshot(path=str(artifacts_dir / "annual-report-edited.png"), full_page=True)
    page.close()
