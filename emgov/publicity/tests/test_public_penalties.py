"""The public penalty pages (/public/penalties/): no login, published decisions only, nothing private."""

from __future__ import annotations

import pytest
from django.test import Client

from emgov.core import services
from emgov.publicity.services.publications import publication_publish, publication_withdraw
from emgov.publicity.tests.publication_helpers import (
    ADDRESS,
    ID_NUMBER,
    PERSON,
    PERSON_MASKED,
    PHONE,
    d,
    firm_penalty,
    person_penalty,
)

pytestmark = pytest.mark.django_db

LIST = "/public/penalties/"


@pytest.fixture
def published(nanhai, today):
    today("2023-10-20")
    firm = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", decided="2023-09-28")
    person = person_penalty(nanhai.jiujiang, "（南海）应急罚〔2023〕2号", decided="2023-10-09")
    waiting = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕3号", 3, decided="2023-10-16")
    publication_publish(actor=nanhai.legal, case=firm, on=d("2023-10-09"))
    publication_publish(actor=nanhai.legal, case=person, on=d("2023-10-10"))
    return firm, person, waiting


def test_the_list_needs_no_login_and_shows_only_published_decisions(published):
    firm, person, waiting = published
    response = Client().get(LIST)
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        firm.party_name in page
        and "（南海）应急罚〔2023〕1号" in page
        and "（南海）应急罚〔2023〕2号" in page
    )
    assert "（南海）应急罚〔2023〕3号" not in page


def test_a_natural_persons_private_data_never_reaches_the_public_pages(published):
    _firm, person, _waiting = published
    for url in (LIST, f"{LIST}{person.pk}/"):
        page = Client().get(url).content.decode()
        assert PERSON_MASKED in page
        for private in (PERSON, ID_NUMBER, PHONE, ADDRESS, "建国"):
            assert private not in page, (url, private)


def test_the_decision_page_shows_the_publishable_fields(published):
    firm, _person, _waiting = published
    page = Client().get(f"{LIST}{firm.pk}/").content.decode()
    assert firm.party_credit_code in page and "黄志强" in page
    assert "第九十七条第三项" in page and "罚款人民币20,000.00元" in page
    assert "2023-09-28" in page and "2024-09-28" in page  # decided, published until
    assert PHONE not in page  # the firm's phone is not published either


def test_withdrawn_and_voided_decisions_are_not_public(nanhai, published):
    firm, person, _waiting = published
    publication_withdraw(actor=nanhai.legal, case=firm, reason="罚款金额更正")
    services.record_void(person, actor=nanhai.legal, reason="决定被复议撤销")
    page = Client().get(LIST).content.decode()
    assert "应急罚〔2023〕1号" not in page and "应急罚〔2023〕2号" not in page
    assert Client().get(f"{LIST}{firm.pk}/").status_code == 404
    assert Client().get(f"{LIST}{person.pk}/").status_code == 404


def test_a_decision_published_in_the_future_is_not_public_yet(nanhai, published, today):
    today("2023-10-09")
    page = Client().get(LIST).content.decode()
    assert "应急罚〔2023〕1号" in page and "应急罚〔2023〕2号" not in page


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"party": "桂城"}, ["1号"]),
        ({"number": "2023〕2"}, ["2号"]),
        ({"start": "2023-10-01", "end": "2023-10-31"}, ["2号"]),
        ({"start": "2023-09-01", "end": "2023-09-30"}, ["1号"]),
        ({"party": PERSON}, []),  # a full name never confirms a natural person
        ({"party": "欧"}, ["2号"]),  # the surname, as published, finds them
    ],
)
def test_search_by_party_number_and_date(published, query, found):
    page = Client().get(LIST, query).content.decode()
    assert sorted(n for n in ("1号", "2号") if f"应急罚〔2023〕{n}" in page) == found


def test_the_list_is_paginated_with_the_search_kept(nanhai, today):
    today("2023-12-20")
    for n in range(1, 23):
        case = firm_penalty(nanhai.guicheng, f"（南海）应急罚〔2023〕{n}号", n, decided="2023-11-01")
        publication_publish(actor=nanhai.legal, case=case, on=d("2023-11-02"))
    first = Client().get(LIST, {"party": "桂城"}).content.decode()
    assert "共 22 条" in first and "第 1 / 2 页" in first and "party=%E6%A1%82%E5%9F%8E" in first
    second = Client().get(LIST, {"party": "桂城", "page": 2}).content.decode()
    assert second.count("/public/penalties/") >= 2


def test_the_public_list_pins_its_queries(nanhai, today, django_assert_num_queries):
    today("2023-12-20")
    for n in range(1, 8):
        case = firm_penalty(nanhai.guicheng, f"（南海）应急罚〔2023〕{n}号", n, decided="2023-11-01")
        publication_publish(actor=nanhai.legal, case=case, on=d("2023-11-02"))
    client = Client()
    client.get(LIST)
    with django_assert_num_queries(5):  # and, once each, the period rules and the decisions between periods
        page = client.get(LIST).content.decode()
    assert page.count("应急罚〔2023〕") == 7
