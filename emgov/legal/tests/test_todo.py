"""The legal officer's to-do list names at most TODO_LIMIT records of a kind and says how many more there are."""

from __future__ import annotations

import datetime

import pytest

from emgov.core import clock, services
from emgov.core.models import Department, Officer
from emgov.core.navigation import TODO_LIMIT
from emgov.legal import queries
from emgov.legal.models import CounselRecord
from emgov.legal.procedures import COUNSEL

D = datetime.date
TODAY = D(2023, 12, 4)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_today(db):
    clock.business_date_set(TODAY)


def of_kind(user, kind: str) -> list:
    return [item for item in queries.todo_items(user, TODAY) if item.kind == kind]


def test_overdue_counsel_beyond_the_limit_is_one_line_to_the_unanswered_requests(nanhai):
    for n in range(1, TODO_LIMIT + 3):
        record = services.record_create(
            CounselRecord(
                number=f"GW{n:02d}", kind="法律意见", date=D(2023, 11, 1), subject=f"事项GW{n:02d}"
            ),
            actor=nanhai.legal,
        )
        COUNSEL.take(
            "request",
            record,
            actor=nanhai.legal,
            matter="重大决策",
            requested_on=D(2023, 11, 1),
            due_on=D(2023, 11, 10) + datetime.timedelta(days=n),
        )
    answered = services.record_create(
        CounselRecord(number="GW99", kind="法律意见", date=D(2023, 11, 1), subject="事项已答复"),
        actor=nanhai.legal,
    )
    COUNSEL.take(
        "request", answered, actor=nanhai.legal, matter="重大决策", requested_on=D(2023, 11, 1), due_on=TODAY
    )
    COUNSEL.take("answer", answered, actor=nanhai.legal, adviser="李律师", opinion="同意", answered_on=TODAY)

    *listed, more = of_kind(nanhai.legal, "法律顾问")
    assert len(listed) == TODO_LIMIT and all(item.overdue for item in listed)
    assert more.title == "另有2项，查看全部" and more.due is None
    page = nanhai.client_for(nanhai.legal).get(more.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "事项GW22" in text and "事项GW01" in text and "事项已答复" not in text
    home = nanhai.client_for(nanhai.legal).get("/").content.decode()
    assert "22 项" in home and "另有2项，查看全部" in home


def test_expiring_certificates_beyond_the_limit_link_to_the_register_of_those_expiring(nanhai):
    bureau = Department.objects.get(is_bureau=True)
    for n in range(1, TODO_LIMIT + 4):
        services.record_create(
            Officer(
                certificate_number=f"YJ{n:03d}",
                name=f"到期{n:02d}",
                department=bureau,
                valid_until=TODAY + datetime.timedelta(days=n),
            ),
            actor=None,
        )
    services.record_create(
        Officer(certificate_number="YJ999", name="长期有效", department=bureau, valid_until=D(2030, 1, 1)),
        actor=None,
    )
    for user in (nanhai.legal, nanhai.admin):
        *listed, more = of_kind(user, "执法证")
        assert len(listed) == TODO_LIMIT and more.title == "另有3项，查看全部"
        page = nanhai.client_for(user).get(more.url)
        assert page.status_code == 200
        text = page.content.decode()
        assert "到期23" in text and "长期有效" not in text


def test_a_short_list_has_no_overflow_line(nanhai):
    services.record_create(
        Officer(
            certificate_number="YJ001",
            name="到期01",
            department=Department.objects.get(is_bureau=True),
            valid_until=TODAY + datetime.timedelta(days=1),
        ),
        actor=None,
    )
    assert [item.title for item in of_kind(nanhai.legal, "执法证")] == ["执法证即将到期：到期01（YJ001）"]


def test_the_register_filters_expiring_certificates_in_english_too(nanhai):
    bureau = Department.objects.get(is_bureau=True)
    for number, name, days in (("YJ001", "到期01", 10), ("YJ002", "长期01", 900)):
        services.record_create(
            Officer(
                certificate_number=number,
                name=name,
                department=bureau,
                valid_until=TODAY + datetime.timedelta(days=days),
            ),
            actor=None,
        )
    client = nanhai.client_for(nanhai.legal)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/legal/officers/", {"state": "即将到期"}).content.decode()
    assert "到期01" in page and "长期01" not in page
    assert '<option value="即将到期" selected>' in page and "即将到期</option>" not in page
