"""The hazard loop: only the allowed next steps, each audited; overdue from the right day; 挂牌督办."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit
from emgov.enforcement import hazards, hazards_queries
from emgov.enforcement import hazards_escalation as escalation
from emgov.enforcement.models import Hazard, HazardStatus
from emgov.enforcement.tests.hazard_helpers import make_visit, register

S = HazardStatus
D = datetime.date


def test_register_numbers_the_hazard_after_its_visit(nanhai):
    visit = make_visit(nanhai.guicheng)
    first = register(visit, nanhai.guicheng_officer)
    second = register(visit, nanhai.guicheng_officer)
    assert (first.number, second.number) == ("JC2023001-01", "JC2023001-02")
    assert first.status == S.REGISTERED


def test_town_officer_cannot_register_a_hazard_in_another_town(nanhai):
    visit = make_visit(nanhai.guicheng)
    with pytest.raises(ValidationError, match="区划以外"):
        register(visit, nanhai.jiujiang_officer)
    assert not Hazard.objects.exists()


def test_the_loop_goes_through_every_state_and_each_step_is_audited(nanhai):
    officer = nanhai.guicheng_officer
    hazard = register(make_visit(nanhai.guicheng), officer)
    hazard = hazards.hazard_order(hazard, actor=officer, deadline=D(2023, 6, 20))
    assert hazard.status == S.ORDERED
    hazard = hazards.hazard_start(hazard, actor=officer)
    assert hazard.status == S.RECTIFYING
    hazard = hazards.hazard_request_review(hazard, actor=officer, rectified_on=D(2023, 6, 15))
    assert hazard.status == S.REVIEW_REQUESTED
    hazard = hazards.hazard_review(hazard, actor=officer, reviewed_on=D(2023, 6, 16), passed=False)
    assert (hazard.status, hazard.review_result) == (S.FAILED, "未整改")
    hazard = hazards.hazard_reorder(hazard, actor=officer, deadline=D(2023, 7, 10))
    assert (hazard.status, hazard.deadline, hazard.reviewed_on) == (S.RECTIFYING, D(2023, 7, 10), None)
    hazard = hazards.hazard_request_review(hazard, actor=officer, rectified_on=D(2023, 7, 5))
    hazard = hazards.hazard_review(hazard, actor=officer, reviewed_on=D(2023, 7, 6), passed=True)
    assert (hazard.status, hazard.review_result) == (S.CLOSED, "已整改")
    steps = [(e.reason, e.actor) for e in audit.history(hazard)]
    reasons = [r for r, _ in steps]
    for label in ("下达整改", "开始整改", "申请复查", "复查", "重新限期整改"):
        assert label in reasons
    assert all(actor == officer for _, actor in steps)
    assert hazards.allowed_steps(hazard) == []


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.REGISTERED, ["order"]),
        (S.ORDERED, ["start"]),
        (S.RECTIFYING, ["request-review"]),
        (S.REVIEW_REQUESTED, ["review"]),
        (S.FAILED, ["reorder"]),
        (S.CLOSED, []),
    ],
)
def test_only_the_next_steps_are_allowed(nanhai, status, allowed):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 20))
    Hazard.objects.filter(pk=hazard.pk).update(status=status)
    hazard.refresh_from_db()
    assert [s.name for s in hazards.allowed_steps(hazard)] == allowed


def test_a_refused_step_names_the_step_and_writes_nothing(nanhai):
    hazard = register(make_visit(nanhai.guicheng), nanhai.guicheng_officer)
    with pytest.raises(ValidationError) as exc:
        hazards.hazard_review(hazard, actor=nanhai.guicheng_officer, reviewed_on=D(2023, 6, 5), passed=True)
    assert "不能执行“复查”" in exc.value.messages[0] and "下达整改" in exc.value.messages[0]
    hazard.refresh_from_db()
    assert (hazard.status, hazard.reviewed_on, hazard.version) == (S.REGISTERED, None, 1)


def test_ordering_needs_a_deadline(nanhai):
    hazard = register(make_visit(nanhai.guicheng), nanhai.guicheng_officer)
    with pytest.raises(ValidationError, match="整改期限"):
        hazards.hazard_order(hazard, actor=nanhai.guicheng_officer, deadline=None)


# Overdue: 2023-10-01..06 were the National Day holidays; 07 and 08 (Sat, Sun) were working days.


@pytest.mark.parametrize(
    ("deadline", "today", "overdue"),
    [
        (D(2023, 6, 20), D(2023, 6, 20), False),  # on the deadline: not yet
        (D(2023, 6, 20), D(2023, 6, 21), True),  # the day after
        (D(2023, 10, 3), D(2023, 10, 4), False),  # a holiday deadline runs to the next working day
        (D(2023, 10, 3), D(2023, 10, 7), False),  # 10-07, the make-up working day, is the last day
        (D(2023, 10, 3), D(2023, 10, 8), True),
        (D(2023, 9, 28), D(2023, 9, 29), True),  # a working-day deadline is not moved by the holiday
    ],
)
def test_overdue_from_the_day_after_the_last_day(nanhai, deadline, today, overdue):
    hazard = register(make_visit(nanhai.guicheng, day=D(2023, 6, 1)), None, deadline=deadline)
    assert hazards_queries.is_overdue(hazard, today) is overdue
    found = hazards_queries.overdue(Hazard.objects.all(), today).filter(pk=hazard.pk).exists()
    assert found is overdue


def test_a_closed_or_review_requested_hazard_is_not_overdue(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 20))
    Hazard.objects.filter(pk=hazard.pk).update(status=S.REVIEW_REQUESTED)
    hazard.refresh_from_db()
    assert not hazards_queries.is_overdue(hazard, D(2023, 7, 1))


def test_a_major_hazard_is_supervised_until_closed(nanhai):
    officer = nanhai.district_officer
    major = register(make_visit(nanhai.guicheng), officer, grade="重大事故隐患", deadline=D(2023, 7, 1))
    general = register(major.visit, officer)
    with pytest.raises(ValidationError, match="不能挂牌督办"):
        hazards.hazard_supervise(
            general, actor=officer, supervised_on=D(2023, 6, 2), supervising_body="区安委办"
        )
    major = hazards.hazard_supervise(
        major, actor=officer, supervised_on=D(2023, 6, 2), supervising_body="区安委办"
    )
    assert list(hazards_queries.supervised(Hazard.objects.all())) == [major]
    Hazard.objects.filter(pk=major.pk).update(status=S.CLOSED)
    assert not hazards_queries.supervised(Hazard.objects.all()).exists()


def test_only_an_overdue_hazard_can_be_turned_into_a_suspension(nanhai):
    officer = nanhai.district_officer
    hazard = register(
        make_visit(nanhai.guicheng), officer, grade="重大事故隐患", deadline=datetime.date.today()
    )
    with pytest.raises(ValidationError, match="未逾期"):
        escalation.hazard_suspend(hazard, actor=officer)
    late = register(hazard.visit, officer, grade="重大事故隐患", deadline=D(2023, 6, 10))
    order = escalation.hazard_suspend(late, actor=officer)
    assert order.doc_type == "责令停产停业整顿" and list(order.hazards.all()) == [late]
    assert order.number.startswith("（南海）应急停〔")


def test_an_overdue_hazard_becomes_a_penalty_case_in_one_step(nanhai):
    officer = nanhai.district_officer
    hazard = register(make_visit(nanhai.guicheng), officer, deadline=datetime.date.today())
    with pytest.raises(ValidationError, match="未逾期"):
        escalation.hazard_open_case(hazard, actor=officer)
    late = register(hazard.visit, officer, deadline=D(2023, 6, 10), text="配电房堆放易燃物")
    case = escalation.hazard_open_case(late, actor=officer)
    assert case.hazard == late and case.enterprise == late.visit.enterprise
    assert "配电房堆放易燃物" in case.violation
    assert escalation.open_case_of(late) == case
    with pytest.raises(ValidationError, match="不能重复立案"):
        escalation.hazard_open_case(late, actor=officer)
