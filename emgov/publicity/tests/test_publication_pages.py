"""双公示 pages for staff: 待公示/逾期未公示 with the publish button, the legal officer's to-dos, withdrawal."""

from __future__ import annotations

import pytest

from emgov.core.navigation import todo_for
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.tests.factories import D, granted, make_item
from emgov.publicity.models import Publication
from emgov.publicity.services.publications import publication_publish, publication_withdraw
from emgov.publicity.tests.publication_helpers import (
    APPLICANT,
    PERSON,
    PERSON_MASKED,
    d,
    firm_penalty,
    person_penalty,
)

pytestmark = pytest.mark.django_db

PENDING = "/publicity/publications/pending/"
RECORDS = "/publicity/publications/"


def penalty_todos(user):
    return [item for item in todo_for(user) if item.title.startswith("处罚决定待公示")]


def test_overdue_reaches_the_legal_officers_list_on_the_right_day(nanhai, today):
    firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", decided="2023-09-28")  # due 2023-10-13
    today("2023-10-05")
    assert penalty_todos(nanhai.legal) == []  # due more than a week ahead
    today("2023-10-06")
    [item] = penalty_todos(nanhai.legal)
    assert item.due == d("2023-10-13") and not item.overdue
    today("2023-10-13")
    assert not penalty_todos(nanhai.legal)[0].overdue  # the last day is still in time
    today("2023-10-14")
    [item] = penalty_todos(nanhai.legal)
    assert item.overdue and "（南海）应急罚〔2023〕1号" in item.title
    assert penalty_todos(nanhai.guicheng_officer) == []  # the list of the legal officer only


def test_a_published_decision_leaves_the_to_do_list(nanhai, today):
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", decided="2023-09-28")
    today("2023-10-16")
    assert penalty_todos(nanhai.legal)
    publication_publish(actor=nanhai.legal, case=case)
    assert penalty_todos(nanhai.legal) == []


def test_the_to_do_masks_a_natural_persons_name(nanhai, today):
    person_penalty(nanhai.jiujiang, "（南海）应急罚〔2023〕2号", decided="2023-09-28")
    today("2023-10-16")
    [item] = penalty_todos(nanhai.legal)
    assert PERSON not in item.title and PERSON_MASKED in item.title


def test_the_pending_page_shows_due_days_and_overdue_first(nanhai, today):
    firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", 1, decided="2023-10-10")
    firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕2号", 2, decided="2023-09-28")
    firm_penalty(
        nanhai.guicheng,
        "（南海）应急罚〔2023〕3号",
        3,
        decided="2023-09-01",
        procedure="简易程序",
        fine="200",
        party_type="法人",
    )
    granted(make_item(), D(2023, 10, 9), "SL1", **APPLICANT)
    today("2023-10-16")
    page = nanhai.client_for(nanhai.legal).get(PENDING).content.decode()
    assert page.index("应急罚〔2023〕2号") < page.index("某化工有限公司") < page.index("应急罚〔2023〕1号")
    assert "2023-10-13" in page and "逾期未公示" in page
    assert "应急罚〔2023〕3号" not in page  # summary procedure decisions are not on the list
    overdue = nanhai.client_for(nanhai.legal).get(PENDING, {"overdue": "1"}).content.decode()
    assert "应急罚〔2023〕2号" in overdue and "应急罚〔2023〕1号" not in overdue


def test_the_pending_page_is_scoped(nanhai):
    firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    page = nanhai.client_for(nanhai.jiujiang_officer).get(PENDING).content.decode()
    assert "应急罚〔2023〕1号" not in page


def test_the_publish_button_posts_with_htmx_and_replaces_the_row(nanhai, today):
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    today("2023-10-16")
    client = nanhai.client_for(nanhai.legal)
    page = client.get(PENDING).content.decode()
    assert f'hx-post="/publicity/publications/penalty/{case.pk}/publish/"' in page
    assert "csrfmiddlewaretoken" in page
    response = client.post(
        f"/publicity/publications/penalty/{case.pk}/publish/",
        {"published_on": "2023-10-16"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith("<tr") and "已于2023-10-16公示" in body
    case.refresh_from_db()
    assert case.published_on == d("2023-10-16")
    again = client.post(f"/publicity/publications/penalty/{case.pk}/publish/", {}, HTTP_HX_REQUEST="true")
    assert "该决定已于2023-10-16公示" in again.content.decode()
    assert Publication.objects.count() == 1


def test_publishing_needs_the_csrf_token(nanhai):
    from django.test import Client

    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    client = Client(enforce_csrf_checks=True)
    client.force_login(nanhai.legal)
    response = client.post(f"/publicity/publications/penalty/{case.pk}/publish/", {})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.published_on is None


def test_only_the_legal_officer_publishes_and_only_in_scope(nanhai):
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    url = f"/publicity/publications/penalty/{case.pk}/publish/"
    assert nanhai.client_for(nanhai.guicheng_officer).post(url).status_code == 404
    assert nanhai.client_for(nanhai.legal).post("/publicity/publications/other/1/publish/").status_code == 404
    case.refresh_from_db()
    assert case.published_on is None


def test_withdraw_page_needs_a_reason_then_lists_the_withdrawal(nanhai, today):
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-09"))
    client = nanhai.client_for(nanhai.legal)
    records = client.get(RECORDS).content.decode()
    url = f"/publicity/publications/penalty/{case.pk}/withdraw/"
    assert url in records
    form = client.get(url).content.decode()
    version = Publication.objects.get().version
    assert f'name="_version" value="{version}"' in form
    refused = client.post(url, {"withdraw_reason": "", "_version": version})
    assert refused.status_code == 422 and "必填" in refused.content.decode()
    case.refresh_from_db()
    assert case.published_on == d("2023-10-09")
    done = client.post(
        url, {"withdraw_reason": "罚款金额更正", "_version": version}, follow=True
    ).content.decode()
    assert "已撤销公示" in done and "罚款金额更正" in done
    case.refresh_from_db()
    assert case.published_on is None
    assert url not in client.get(RECORDS).content.decode()


def test_the_records_list_pins_its_queries(nanhai, today, django_assert_num_queries):
    today("2023-10-20")
    for n in range(1, 6):
        case = firm_penalty(nanhai.guicheng, f"（南海）应急罚〔2023〕{n}号", n)
        publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-09"))
    client = nanhai.client_for(nanhai.legal)
    client.get(RECORDS)
    with django_assert_num_queries(6):  # and the versions of the period rules, once
        response = client.get(RECORDS)
    assert response.content.decode().count("/withdraw/") == 5


def test_the_pending_page_pins_its_queries(nanhai, today, django_assert_num_queries):
    for n in range(1, 6):
        firm_penalty(nanhai.guicheng, f"（南海）应急罚〔2023〕{n}号", n, decided="2023-09-28")
    granted(make_item(), D(2023, 10, 9), "SL1", **APPLICANT)
    today("2023-10-16")
    client = nanhai.client_for(nanhai.legal)
    client.get(PENDING)
    with django_assert_num_queries(
        8
    ):  # and the departments without a credit code, and the rule versions, once each
        page = client.get(PENDING).content.decode()
    assert page.count("逾期未公示") >= 5


ROLES = ["admin", "leader", "legal", "district_officer", "guicheng_officer", "jiujiang_officer"]


@pytest.mark.parametrize("who", ROLES)
def test_every_role_reads_records_published_and_withdrawn_by_the_system(nanhai, today, who):
    """The demo publishes licensing decisions as the system (no user): the records page answered 500
    to every role that could see such a record, on the missing publisher's name."""
    today("2023-10-20")
    licence = granted(make_item(), D(2023, 10, 9), "SL1", region=nanhai.guicheng, **APPLICANT)
    LICENSING_CASE.take("publish", licence, actor=None, published_on=d("2023-10-10"))
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    publication_publish(actor=None, case=case, on=d("2023-10-09"))
    publication_withdraw(actor=None, case=case, reason="决定书罚款金额更正")
    response = nanhai.client_for(getattr(nanhai, who)).get(RECORDS)
    assert response.status_code == 200
    page = response.content.decode()
    in_scope = who != "jiujiang_officer"
    assert ("某化工有限公司" in page) is in_scope
    assert ("2023-10-20：决定书罚款金额更正" in page) is in_scope


def test_a_stale_withdrawal_is_refused_and_writes_nothing(nanhai, today):
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    seen = publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-09")).version
    Publication.objects.filter(penalty_case=case).update(version=seen + 1)
    url = f"/publicity/publications/penalty/{case.pk}/withdraw/"
    response = nanhai.client_for(nanhai.legal).post(
        url, {"withdraw_reason": "罚款金额更正", "_version": seen}
    )
    assert response.status_code == 422 and "已被其他人修改" in response.content.decode()
    case.refresh_from_db()
    assert case.published_on == d("2023-10-09") and Publication.objects.get().withdrawn_on is None
