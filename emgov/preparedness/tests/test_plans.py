"""Plans: approval, publication, 备案, evaluation at the rule's interval, revision into a new version."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.core import clock
from emgov.core.navigation import todo_for
from emgov.preparedness import queries
from emgov.preparedness.models import EmergencyPlan
from emgov.preparedness.procedures import PLAN
from emgov.preparedness.tests.factories import drill, event_type, plan

D = datetime.date


def test_a_draft_plan_is_approved_published_filed_and_evaluated(nanhai):
    draft = plan("YA-NEW", published_on=None)
    officer = nanhai.district_officer
    assert PLAN.state(draft) == "draft"
    draft = PLAN.take(
        "approve", draft, actor=officer, approved_on=D(2023, 3, 1), approved_by="南海区人民政府"
    )
    with pytest.raises(ValidationError, match="不能早于批准日期"):
        PLAN.take("publish", draft, actor=officer, published_on=D(2023, 2, 1))
    draft = PLAN.take("publish", draft, actor=officer, published_on=D(2023, 3, 10))
    draft = PLAN.take("file", draft, actor=officer, filed_on=D(2023, 3, 20), filed_with="佛山市应急管理局")
    assert PLAN.state(draft) == "published" and draft.filed_with == "佛山市应急管理局"
    assert "file" not in [s.name for s in PLAN.available(draft, officer)]  # filed once
    assert queries.evaluation_due(draft, D(2023, 4, 1)) == D(2026, 3, 10)


def test_the_leader_cannot_take_a_plan_step(nanhai):
    draft = plan("YA-NEW", published_on=None)
    with pytest.raises(ValidationError, match="不能办理该环节"):
        PLAN.take("approve", draft, actor=nanhai.leader, approved_on=D(2023, 3, 1), approved_by="区政府")


def test_a_plan_past_its_three_years_is_overdue_and_on_the_todo_list(nanhai, settings):
    settings.EMGOV_BUSINESS_DATE = "2023-06-01"
    old = plan("YA-OLD", published_on=D(2020, 5, 1))
    fresh = plan("YA-FRESH", published_on=D(2022, 5, 1))
    due = queries.plans_to_evaluate(nanhai.district_officer, clock.today())
    assert [(d.record, d.due) for d in due] == [(old, D(2023, 5, 1))]
    items = [i for i in todo_for(nanhai.district_officer, D(2023, 6, 1)) if i.kind == "应急预案评估与修订"]
    assert len(items) == 1 and items[0].overdue and "YA-OLD" in items[0].title
    assert not [i for i in todo_for(nanhai.leader, D(2023, 6, 1)) if i.kind.startswith("preparedness")]
    page = nanhai.client_for(nanhai.district_officer).get("/preparedness/overdue/").content.decode()
    assert "YA-OLD应急预案" in page and "已逾期" in page and "YA-FRESH应急预案" not in page
    PLAN.take(
        "evaluate",
        old,
        actor=nanhai.district_officer,
        evaluated_on=D(2023, 6, 1),
        evaluation_result="继续有效",
    )
    assert not queries.plans_to_evaluate(nanhai.district_officer, D(2023, 6, 1))
    assert fresh.pk


def test_an_evaluation_that_asks_for_revision_stays_on_the_list_until_revised(nanhai):
    current = plan("YA-1", published_on=D(2022, 1, 1), events=[event_type()])
    officer = nanhai.district_officer
    PLAN.take("evaluate", current, actor=officer, evaluated_on=D(2023, 1, 5), evaluation_result="需要修订")
    assert [d.record for d in queries.plans_to_evaluate(officer, D(2023, 2, 1))] == [current]
    PLAN.take("revise", current, actor=officer, revision_trigger="定期评估结论需要修订", number="YA-1-2023")
    assert not queries.plans_to_evaluate(officer, D(2023, 2, 1))
    new = EmergencyPlan.objects.get(number="YA-1-2023")
    assert new.previous == current and PLAN.state(new) == "draft"
    assert list(new.event_types.all()) == list(current.event_types.all())
    with pytest.raises(ValidationError, match="未发布的修订版本"):
        PLAN.take("revise", current, actor=officer, revision_trigger="其他", number="YA-1-X")
    PLAN.take("approve", new, actor=officer, approved_on=D(2023, 3, 1), approved_by="区政府")
    PLAN.take("publish", new, actor=officer, published_on=D(2023, 3, 5))
    current.refresh_from_db()
    assert PLAN.state(current) == "superseded" and current.superseded_on == D(2023, 3, 5)
    client = nanhai.client_for(officer)
    assert client.get(f"/preparedness/plans/{current.pk}/edit/").status_code == 302  # versions are kept


def test_a_special_plan_not_drilled_in_three_years_is_overdue(nanhai):
    undrilled = plan("YA-A", published_on=D(2019, 1, 1))
    drilled = plan("YA-B", published_on=D(2019, 1, 1))
    drill("YL-1", D(2022, 6, 1), plan=drilled)
    plan("YA-C", kind="总体应急预案", published_on=D(2019, 1, 1))  # not a special plan
    overdue = queries.plans_undrilled(nanhai.district_officer, D(2023, 6, 1))
    assert [d.record for d in overdue] == [undrilled]
    assert overdue[0].due == D(2022, 1, 1)


def test_the_rule_table_lists_the_preparedness_rules_with_their_articles(nanhai):
    page = nanhai.client_for(nanhai.district_officer).get("/core/rules/").content.decode()
    for words in (
        "应急预案定期评估周期",
        "第三十五条",
        "生产安全事故应急条例》第八条第一款",
        "每半年组织1次演练",
    ):
        assert words in page
