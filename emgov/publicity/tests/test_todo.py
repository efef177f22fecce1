"""The legal officer's disclosure and 双公示 to-dos name at most TODO_LIMIT records of a kind and say how
many more there are, linking to the list that shows them."""

from __future__ import annotations

import pytest

from emgov.core import clock
from emgov.core.navigation import TODO_LIMIT
from emgov.publicity.queries import legal_officer_todos, request_todos
from emgov.publicity.tests.helpers import d, register, reply
from emgov.publicity.tests.publication_helpers import firm_penalty

pytestmark = pytest.mark.django_db

TODAY = d("2023-11-20")


@pytest.fixture(autouse=True)
def _on_today(db):
    clock.business_date_set(TODAY)


def test_overdue_requests_beyond_the_limit_link_to_the_unanswered_requests(nanhai):
    requests = [
        register(nanhai.legal, "2023-09-27", applicant_name=f"申请人{n:02d}") for n in range(TODO_LIMIT + 4)
    ]
    reply(
        register(nanhai.legal, "2023-09-27", applicant_name="已答复人"),
        nanhai.legal,
        "予以公开",
        "2023-10-20",
    )

    *listed, more = [item for item in request_todos(nanhai.legal) if item.kind == "依申请公开"]
    assert len(listed) == TODO_LIMIT and all(item.overdue for item in listed)
    assert more.title == "另有4项，查看全部"
    page = nanhai.client_for(nanhai.legal).get(more.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert all(r.number in text for r in requests) and "已答复人" not in text


def test_unpublished_penalties_beyond_the_limit_link_to_the_decisions_awaiting_publication(nanhai):
    for n in range(1, TODO_LIMIT + 2):
        firm_penalty(nanhai.guicheng, f"（南海）应急罚〔2023〕{n}号", n, decided="2023-09-28")

    *listed, more = [item for item in legal_officer_todos(nanhai.legal) if item.kind == "双公示"]
    assert len(listed) == TODO_LIMIT and more.title == "另有1项，查看全部"
    page = nanhai.client_for(nanhai.legal).get(more.url)
    assert page.status_code == 200
    assert f"（南海）应急罚〔2023〕{TODO_LIMIT + 1}号" in page.content.decode()
