"""Helpers for tests of the visit recorded on a phone: officers, enterprises, the checklist, the page flow."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterable

from emgov.core import services
from emgov.core.models import Department, Officer, Region
from emgov.core.tests.browser import sign_in
from emgov.enforcement.models import ChecklistItem
from emgov.enterprises.models import Enterprise
from emgov.enterprises.services import enterprise_create
from emgov.enterprises.tests.test_views import credit_code

PHONE = {"width": 390, "height": 844}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
RECORD = "/enforcement/visits/record/"

_seed = importlib.import_module("emgov.enforcement.migrations.0005_checklist_items_of_order_10")


def bureau() -> Department:
    return Department.objects.get(is_bureau=True)


def officer(number: str, name: str, **fields) -> Officer:
    return services.record_create(
        Officer(certificate_number=number, name=name, department=bureau(), **fields), actor=None
    )


def officer_pair() -> list[Officer]:
    return [officer("YJ101", "李执法"), officer("YJ102", "王执法")]


def enterprise(town: Region, n: int, name: str, **fields) -> Enterprise:
    values = {"industry": "工贸", **fields}
    return enterprise_create(actor=None, credit_code=credit_code(n), name=name, town=town, **values)


def checklist() -> dict[str, ChecklistItem]:
    """The catalogue as the data migration seeds it (a transactional test may have emptied the table)."""
    if not ChecklistItem.objects.exists():
        for position, (article, part, industry, text) in enumerate(_seed.ITEMS, start=1):
            ChecklistItem.objects.create(
                article=article, part=part, industry=industry, text=text, major=True, position=position * 10
            )
    return {i.article: i for i in ChecklistItem.objects.all()}


def form_data(
    company: Enterprise,
    officers: Iterable[Officer],
    *,
    day: datetime.date = datetime.date(2023, 6, 1),
    answers: dict[ChecklistItem, tuple[str, str]] | None = None,
    **changes,
) -> dict:
    """What the phone form posts: `answers` maps an item to (结论, 说明)."""
    data = {
        "enterprise": company.pk,
        "date": day.isoformat(),
        "department": bureau().pk,
        "nature": "执法检查",
        "officers": [o.pk for o in officers],
        "findings": "",
        "result": "已检查",
        "action": "submit",
    }
    for item, (answer, note) in (answers or {}).items():
        data[f"answer_{item.pk}"] = answer
        data[f"note_{item.pk}"] = note
    return {**data, **changes}


# Browser ------------------------------------------------------------------------------------------


def guicheng_on_a_phone(browser, live_server, password: str, **enterprise_fields):
    """The demo base, a 桂城街道 firm (桂城五金制品有限公司), two bureau officers and the checklist; the
    town officer signed in on a phone-sized page."""
    from emgov.demo.base import ensure_base

    ensure_base()
    enterprise(Region.objects.get(name="桂城街道"), 1, "桂城五金制品有限公司", **enterprise_fields)
    officer_pair()
    checklist()
    return phone_page(browser, live_server, "guicheng", password)


def phone_page(browser, live_server, username: str, password: str):
    """A signed-in page in a phone-sized (390×844) browser context."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    sign_in(page, live_server, username, password)
    return page


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def choose_enterprise(page, query: str, name: str) -> None:
    page.fill("#enterprise-q", query)
    page.locator("#enterprise-options label.option", has_text=name).first.click()


def answer(page, article: str, value: str, note: str = "") -> None:
    row = page.locator(f".check-item[data-article='{article}']")
    details = row.locator("xpath=ancestor::details")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    row.locator(f"input[type=radio][value='{value}']").check()
    if note:
        row.locator("input[type=text]").fill(note)


def record_visit(
    page,
    live_server,
    *,
    query: str,
    enterprise_name: str,
    officers: Iterable[str],
    answers: Iterable[tuple[str, str, str]],
    result: str = "",
    photos: Iterable[tuple[str, bytes]] = (),
) -> None:
    """Fill the phone form (officers by label, answers as (条款, 结论, 说明)) and submit it."""
    page.goto(f"{live_server.url}{RECORD}")
    choose_enterprise(page, query, enterprise_name)
    for label in officers:
        pick_officer(page, label)
    for article, value, note in answers:
        answer(page, article, value, note)
    if result:
        page.fill("#id_result", result)
    files = [{"name": name, "mimeType": "image/png", "buffer": content} for name, content in photos]
    if files:
        page.set_input_files("#id_files", files=files)
    page.check("#id_av_recorded")
    page.click("button[name=action][value=submit]")


def pick_officer(page, name: str) -> None:
    """Find an officer by name in the picker (only the chosen ones show without a search) and tick them."""
    page.fill("#officer-q", name.split("（")[0])
    page.locator("#field-officers label", has_text=name).locator("input").check()
    page.fill("#officer-q", "")
