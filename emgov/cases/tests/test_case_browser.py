"""In headless Chromium: the legal officer files a case and takes it to the party's statement, the
bureau's head decides it (行政处罚法第五十七条), the legal officer publishes it; the public page lists it
without login, and the year's report counts it."""

import io
import json

import pytest

from emgov.core.tests.browser import new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _step(page, label: str, fields: dict[str, str], checks: tuple[str, ...] = ()) -> None:
    page.click(f"#steps summary:has-text('{label}')")
    for selector, value in fields.items():
        if selector.endswith("evidence_type"):
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    for selector in checks:
        page.check(selector)
    page.click(f"#steps details[open] button[type=submit]:has-text('{label}')")
    page.wait_for_selector("text=已办理")


def test_legal_officer_takes_a_case_from_filing_to_a_published_decision(
    live_server, browser, artifacts_dir, demo_password
):
    from django.core.management import call_command

    from emgov.cases.models import PenaltyCase
    from emgov.cases.tests.helpers import make_visit
    from emgov.core.models import Region
    from emgov.demo.base import ensure_base

    ensure_base()
    visit = make_visit(Region.objects.get(name="桂城街道"), day=__import__("datetime").date(2023, 8, 30))
    page = new_page(browser)
    sign_in(page, live_server, "legal", demo_password)

    page.goto(f"{live_server.url}/cases/penalties/")
    page.click("#open-case")
    page.fill("#id_filed_on", "2023-09-01")
    page.fill("#id_visit_number", visit.number)
    page.fill("#id_violation", "未按规定对从业人员进行安全生产教育和培训")
    page.click("main button[type=submit].primary")
    page.wait_for_selector("#case-stage")
    assert "2023-11-30" in page.inner_text("#deadlines")  # 90 days from filing
    assert "作出处罚决定" not in page.inner_text("#steps")  # not offered yet

    _step(page, "开始调查取证", {"#id_investigate_on": "2023-09-04"})
    _step(
        page,
        "登记证据",
        {
            "#id_evidence_evidence_type": "书证",
            "#id_evidence_title": "培训记录",
            "#id_evidence_collected_on": "2023-09-04",
        },
    )
    _step(
        page,
        "行政处罚告知",
        {
            "#id_notify_on": "2023-09-28",
            "#id_notify_served_on": "2023-09-28",
            "#id_notify_fine_amount": "20000",
            "#id_notify_legal_basis": "《安全生产法》第九十七条",
        },
        checks=("#step-notify input[name=penalty_kinds][value=罚款]",),
    )
    assert "2023-10-11" in page.inner_text("#deadlines")  # five working days across National Day
    _step(
        page,
        "记录陈述申辩",
        {"#id_statement_on": "2023-10-09", "#id_statement_note": "当事人对违法事实无异议"},
        checks=("#id_statement_waives_hearing",),
    )
    assert "作出处罚决定" not in page.inner_text("#steps")  # the head's, not the legal officer's
    case_url = page.url

    head = sign_in(new_page(browser), live_server, "leader", demo_password)
    head.goto(case_url)
    _step(head, "作出处罚决定", {"#id_decide_on": "2023-10-10"})
    assert "（南海）应急罚〔2023〕1号" in head.inner_text("h1")
    assert "陈局长" in head.inner_text("#decision-approver")
    head.screenshot(path=str(artifacts_dir / "case-decided.png"), full_page=True)
    head.context.close()
    page.goto(case_url)

    with page.expect_download() as download_info:
        page.click("#documents li:has-text('行政处罚决定书') >> text=Word")
    from docx import Document

    doc = Document(io.BytesIO(download_info.value.path().read_bytes()))
    assert "（南海）应急罚〔2023〕1号" in "\n".join(p.text for p in doc.paragraphs)

    page.goto(f"{live_server.url}/publicity/publications/pending/")
    row = page.locator("#pending-table tbody tr", has_text="应急罚〔2023〕1号")
    row.locator("input[name=published_on]").fill("2023-10-13")
    row.locator("button[type=submit]").click()
    page.wait_for_selector("#pending-table >> text=已于")
    page.context.close()

    public = browser.new_context()
    reader = public.new_page()
    reader.goto(f"{live_server.url}/public/penalties/")
    # Published in 2023 for the longest period of an ordinary penalty (a year from the decision):
    # by today it has left the public pages.
    assert "（南海）应急罚〔2023〕1号" not in reader.content()
    public.close()

    case = PenaltyCase.objects.get()
    assert case.published_on.isoformat() == "2023-10-13"
    out = io.StringIO()
    call_command("report", year=2023, region="440605", format="json", stdout=out)
    figures = json.loads(out.getvalue())["figures"]
    assert figures["enforcement.penalties"] == 1
    assert figures["enforcement.fines_yuan"] in (20000, 20000.0, "20000", 2.0)  # as the report states it
    assert figures["double_publicity.penalty_records"] == 1
