"""In headless Chromium at a phone's size (390×844): a 桂城街道 officer records a visit on site."""

import pytest

from emgov.enforcement.models import Hazard, Visit, VisitDraft
from emgov.enforcement.tests import phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def record_two_hazard_visit(browser, live_server, demo_password):
    """The officer finds the firm by its pinyin initials, answers the checklist and submits: two hazards."""
    page = phone.guicheng_on_a_phone(browser, live_server, demo_password)
    phone.record_visit(
        page,
        live_server,
        query="gcwj",
        enterprise_name="桂城五金制品有限公司",
        officers=["李执法（YJ101）", "王执法（YJ102）"],
        answers=[
            ("第三条第（一）项", "符合", ""),
            ("第三条第（二）项", "不符合", "叉车司机无证上岗"),
            ("第十一条第（十）项", "不符合", "打磨车间积尘严重"),
        ],
        result="责令限期整改",
        photos=[("现场照片.png", phone.PNG)],
    )
    page.wait_for_selector(".messages, .errors, .error")
    assert page.locator(".error, .errors").count() == 0, page.locator(".error, .errors").all_inner_texts()
    return page


def test_town_officer_records_a_visit_with_two_hazards_on_a_phone(
    live_server, browser, artifacts_dir, demo_password
):
    page = record_two_hazard_visit(browser, live_server, demo_password)
    assert "登记隐患2项" in page.inner_text(".messages")
    assert phone.no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts_dir / "visit-phone-submitted.png"), full_page=True)
    visit = Visit.objects.get()
    assert visit.enterprise.name == "桂城五金制品有限公司" and visit.av_recorded
    hazards = Hazard.objects.filter(visit=visit).order_by("number")
    assert [h.description for h in hazards] == ["叉车司机无证上岗", "打磨车间积尘严重"]
    assert {h.grade for h in hazards} == {"重大事故隐患"}
    assert "叉车司机无证上岗" in page.inner_text("#visit-hazards")
    assert "现场照片.png" in page.inner_text("#visit-attachments")


def test_phone_form_fits_and_refuses_an_expired_certificate(
    live_server, browser, artifacts_dir, demo_password
):
    import datetime

    from emgov.demo.base import ensure_base

    ensure_base()
    town = phone.Region.objects.get(name="桂城街道")
    phone.enterprise(town, 1, "桂城五金制品有限公司")
    phone.officer("YJ101", "李执法")
    phone.officer("YJ109", "赵过期", valid_until=datetime.date(2020, 1, 1))
    phone.checklist()
    page = phone.phone_page(browser, live_server, "guicheng", demo_password)
    page.goto(f"{live_server.url}{phone.RECORD}")
    assert phone.no_horizontal_scroll(page)
    phone.choose_enterprise(page, "五金", "桂城五金制品有限公司")
    phone.pick_officer(page, "李执法")
    phone.pick_officer(page, "赵过期")
    page.click("button[name=action][value=submit]")
    error = page.locator("#field-officers .error").inner_text()
    assert "赵过期（YJ109）" in error
    assert phone.no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts_dir / "visit-phone-refused.png"), full_page=True)
    assert not Visit.objects.exists()


def test_officer_saves_a_draft_on_site_and_submits_it_later(live_server, browser, demo_password):
    page = phone.guicheng_on_a_phone(browser, live_server, demo_password)
    page.goto(f"{live_server.url}{phone.RECORD}")
    phone.choose_enterprise(page, "91440605", "桂城五金制品有限公司")
    phone.pick_officer(page, "李执法")
    phone.answer(page, "第三条第（二）项", "不符合", "叉车司机无证上岗")
    page.click("button[name=action][value=draft]")
    page.wait_for_selector("text=草稿已保存")
    assert not Visit.objects.exists() and VisitDraft.objects.count() == 1

    page.goto(f"{live_server.url}{phone.RECORD}")
    page.click("#my-drafts >> text=桂城五金制品有限公司")
    assert page.locator("#enterprise-options input[type=radio]").is_checked()
    row = page.locator(".check-item[data-article='第三条第（二）项']")
    assert row.locator("input[value='不符合']").is_checked()
    phone.pick_officer(page, "王执法")
    page.click("button[name=action][value=submit]")
    page.wait_for_selector("text=登记隐患1项")
    assert Hazard.objects.get().description == "叉车司机无证上岗"
    assert phone.no_horizontal_scroll(page)
