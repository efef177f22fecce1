"""The legal officer's licensing to-dos name at most TODO_LIMIT cases of a kind and say how many more there are."""

from __future__ import annotations

import pytest

from emgov.core import clock
from emgov.core.navigation import TODO_LIMIT
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.queries import legal_officer_todos
from emgov.licensing.tests.factories import D, apply, granted, make_item

pytestmark = pytest.mark.django_db

TODAY = D(2023, 11, 20)


@pytest.fixture(autouse=True)
def _on_today(db):
    clock.business_date_set(TODAY)


def of_kind(user, kind: str) -> list:
    return [item for item in legal_officer_todos(user) if item.kind == kind]


def test_unpublished_grants_beyond_the_limit_link_to_the_unpublished_grants(nanhai):
    item = make_item()
    for n in range(1, TODO_LIMIT + 3):
        granted(item, D(2023, 9, 27), number=f"SL2023{n:03d}")
    published = granted(item, D(2023, 9, 27), number="SL2023900")
    LICENSING_CASE.take("publish", published, actor=nanhai.legal, published_on=D(2023, 10, 9))

    *listed, more = of_kind(nanhai.legal, "双公示")
    assert len(listed) == TODO_LIMIT and all(item.overdue for item in listed)
    assert more.title == "另有2项，查看全部"
    page = nanhai.client_for(nanhai.legal).get(more.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert all(f"SL2023{n:03d}" in text for n in range(1, TODO_LIMIT + 3)) and "SL2023900" not in text


def test_applications_to_accept_beyond_the_limit_link_to_those_not_accepted(nanhai):
    item = make_item()
    for n in range(1, TODO_LIMIT + 6):
        apply(item, f"SQ2023{n:03d}", applied_on=D(2023, 10, 9))
    granted(item, D(2023, 10, 20), number="SL2023900")

    *listed, more = of_kind(nanhai.legal, "许可受理")
    assert len(listed) == TODO_LIMIT and more.title == "另有5项，查看全部"
    page = nanhai.client_for(nanhai.legal).get(more.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "SQ2023025" in text and "SL2023900" not in text


def test_a_town_officer_has_no_licensing_to_dos(nanhai):
    item = make_item()
    for n in range(1, TODO_LIMIT + 3):
        granted(item, D(2023, 9, 27), number=f"SL2023{n:03d}")
    assert legal_officer_todos(nanhai.guicheng_officer) == []
