"""The officer's to-do list: deadlines within a week, review requests, expiring seizures, overdue hazards."""

from __future__ import annotations

import datetime

from emgov.core.navigation import todo_for
from emgov.enforcement.models import OrderType
from emgov.enforcement.procedures import HAZARD
from emgov.enforcement.services import orders
from emgov.enforcement.services.reminders import hazard_todo
from emgov.enforcement.tests.hazard_helpers import make_visit, register

D = datetime.date
TODAY = D(2023, 6, 20)


def fill(nanhai):
    visit = make_visit(nanhai.guicheng, day=D(2023, 5, 20))
    register(visit, None, deadline=D(2023, 6, 27), text="七日内到期")
    register(visit, None, deadline=D(2023, 6, 28), text="八日后到期")
    register(visit, None, deadline=D(2023, 6, 19), text="昨日到期")
    asked = register(visit, None, deadline=D(2023, 6, 30), text="已申请复查")
    asked = HAZARD.take("order", asked, actor=None, deadline=D(2023, 6, 30))
    asked = HAZARD.take("start", asked, actor=None)
    HAZARD.take("request-review", asked, actor=None, rectified_on=D(2023, 6, 18))
    orders.order_issue(
        actor=None, visit=visit, doc_type=OrderType.SEIZE, issued_on=D(2023, 5, 26)
    )  # ends 06-25
    orders.order_issue(
        actor=None, visit=visit, doc_type=OrderType.SEIZE, issued_on=D(2023, 6, 1)
    )  # ends 07-01
    return visit


def test_the_town_officer_sees_each_kind_of_reminder(nanhai):
    fill(nanhai)
    items = hazard_todo(nanhai.guicheng_officer, today=TODAY)
    by_kind = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    assert [i.due for i in by_kind["整改期限"]] == [D(2023, 6, 27)]
    assert len(by_kind["复查申请"]) == 1 and "JC2023001-04" in by_kind["复查申请"][0].title
    assert [i.due for i in by_kind["查封扣押期满"]] == [D(2023, 6, 25)]
    late = by_kind["逾期隐患"]
    assert [i.due for i in late] == [D(2023, 6, 19)] and late[0].overdue


def test_reminders_stay_in_scope_and_by_role(nanhai):
    fill(nanhai)
    assert hazard_todo(nanhai.jiujiang_officer, today=TODAY) == []
    assert hazard_todo(nanhai.legal, today=TODAY) == []
    assert len(hazard_todo(nanhai.district_officer, today=TODAY)) == 4


def test_the_home_page_lists_overdue_hazards_first(nanhai):
    fill(nanhai)
    items = todo_for(nanhai.guicheng_officer)
    assert items[0].overdue and any(i.kind == "逾期隐患" for i in items)
    page = nanhai.client_for(nanhai.guicheng_officer).get("/").content.decode()
    assert "逾期未整改" in page
