"""The case reminders name at most TODO_LIMIT cases of a time limit, then one line naming the limit."""

from __future__ import annotations

import pytest

from emgov.cases.models import PenaltyCase
from emgov.cases.queries import case_todos
from emgov.cases.tests.helpers import D, open_case
from emgov.core import clock
from emgov.core.navigation import TODO_LIMIT

pytestmark = pytest.mark.django_db


def test_decisions_due_beyond_the_limit_link_to_the_undecided_cases(nanhai):
    clock.business_date_set(D(2023, 5, 25))
    cases = [open_case(nanhai, n=n) for n in range(1, TODO_LIMIT + 3)]
    *listed, more = case_todos(nanhai.guicheng_officer)
    assert len(listed) == TODO_LIMIT and all("处罚决定期限" in item.title for item in listed)
    assert more.title == "处罚决定期限：另有2项，查看全部"
    page = nanhai.client_for(nanhai.guicheng_officer).get(more.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert all(case.case_number in text for case in cases)
    assert case_todos(nanhai.jiujiang_officer) == []


def test_unpaid_lists_only_the_cases_with_a_fine_still_owed(nanhai):
    clock.business_date_set(D(2023, 5, 25))
    owed, without_fine = open_case(nanhai, n=1), open_case(nanhai, n=2)
    # A fine's payment deadline is set once a fine is decided and served; a case without it owes nothing.
    PenaltyCase.objects.filter(pk=owed.pk).update(payment_due_on=D(2023, 6, 9))
    text = nanhai.client_for(nanhai.guicheng_officer).get("/cases/penalties/", {"paid": "0"}).content.decode()
    assert owed.case_number in text and without_fine.case_number not in text
