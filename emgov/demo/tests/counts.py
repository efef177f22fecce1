"""One definition per count: on the demo's business date the dashboard, the to-do list and the list
behind them count the same overdue items."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from emgov.core import clock
from emgov.core.models import User
from emgov.core.navigation import todo_for
from emgov.demo.targets import AS_OF
from emgov.publicity.queries import pending_decisions
from emgov.reports.dashboard import dashboard_data


@pytest.fixture
def as_of_demo_day(demo, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        clock.business_date_set(AS_OF)
        yield User.objects.get(username="legal")
        transaction.set_rollback(True)


def test_overdue_counts_agree_on_the_dashboard_the_to_do_list_and_the_lists(as_of_demo_day):
    legal = as_of_demo_day
    dashboard = {row["key"]: row["overdue"] for row in dashboard_data(legal)["deadlines"]}
    overdue_todo = [item for item in todo_for(legal) if item.overdue]
    pending = pending_decisions(legal, overdue_only=True)

    penalties_page = reverse("publicity:publications-pending")
    penalty_rows = [row for row in pending if row.slug == "penalty"]
    penalty_todo = [item for item in overdue_todo if item.url == penalties_page]
    assert dashboard["penalties"] == len(penalty_rows) == len(penalty_todo) > 0

    licence_rows = [row for row in pending if row.slug == "licensing"]
    licence_todo = [
        item for item in overdue_todo if str(item.kind) == "双公示" and item.url != penalties_page
    ]
    assert dashboard["licences"] == len(licence_rows) == len(licence_todo)

    request_todo = [item for item in overdue_todo if str(item.kind) == "依申请公开"]
    assert dashboard["requests"] == len(request_todo)


def test_on_the_demo_day_nobody_meets_a_backlog_of_hundreds(as_of_demo_day):
    for name in ("legal", "officer", "guicheng"):
        items = todo_for(User.objects.get(username=name))
        assert len([item for item in items if item.overdue]) < 60, name
