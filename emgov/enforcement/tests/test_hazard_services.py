"""The hazard procedure: only the steps of the hazard's state, each audited; the rules of the escalations
(逾期未改 → 责令停产停业整顿 or 立案查处) with their articles; overdue from the right day; 挂牌督办."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit, services
from emgov.enforcement import queries
from emgov.enforcement.models import Hazard, HazardStatus
from emgov.enforcement.procedures import HAZARD, next_steps
from emgov.enforcement.tests.hazard_helpers import make_visit, register

S = HazardStatus
D = datetime.date


def offered(hazard: Hazard, user) -> dict[str, str | None]:
    """The steps the hazard's page offers `user`: name → why not (None: it can be taken)."""
    return {o.step.name: o.refusal for o in HAZARD.options(hazard, user)}


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
    hazard = HAZARD.take("order", hazard, actor=officer, deadline=D(2023, 6, 20))
    assert hazard.status == S.ORDERED
    hazard = HAZARD.take("start", hazard, actor=officer)
    assert hazard.status == S.RECTIFYING
    hazard = HAZARD.take("request-review", hazard, actor=officer, rectified_on=D(2023, 6, 15))
    assert hazard.status == S.REVIEW_REQUESTED
    hazard = HAZARD.take("review", hazard, actor=officer, reviewed_on=D(2023, 6, 16), passed=False)
    assert (hazard.status, hazard.review_result) == (S.FAILED, "未整改")
    hazard = HAZARD.take("reorder", hazard, actor=officer, deadline=D(2023, 7, 10))
    assert (hazard.status, hazard.deadline, hazard.reviewed_on) == (S.RECTIFYING, D(2023, 7, 10), None)
    hazard = HAZARD.take("request-review", hazard, actor=officer, rectified_on=D(2023, 7, 5))
    hazard = HAZARD.take("review", hazard, actor=officer, reviewed_on=D(2023, 7, 6), passed=True)
    assert (hazard.status, hazard.review_result) == (S.CLOSED, "已整改")
    steps = [(e.reason, e.actor) for e in audit.history(hazard)]
    reasons = [r for r, _ in steps]
    for label in ("下达整改", "开始整改", "申请复查", "复查", "重新限期整改"):
        assert label in reasons
    assert all(actor == officer for _, actor in steps)
    assert HAZARD.options(hazard, officer) == []


@pytest.mark.parametrize(
    ("status", "loop"),
    [
        (S.REGISTERED, ["order"]),
        (S.ORDERED, ["start"]),
        (S.RECTIFYING, ["request-review"]),
        (S.REVIEW_REQUESTED, ["review"]),
        (S.FAILED, ["reorder"]),
        (S.CLOSED, []),
    ],
)
def test_only_the_steps_of_the_state_are_offered(nanhai, status, loop):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=datetime.date.today())
    Hazard.objects.filter(pk=hazard.pk).update(status=status)
    hazard.refresh_from_db()
    assert next_steps(hazard) == loop
    escalations = ["suspend", "open-case"] if status in queries.OWED_STATES else []
    assert list(offered(hazard, nanhai.district_officer)) == loop + escalations


def test_a_step_from_the_wrong_state_names_the_step_and_writes_nothing(nanhai):
    hazard = register(make_visit(nanhai.guicheng), nanhai.guicheng_officer)
    with pytest.raises(ValidationError) as exc:
        HAZARD.take("review", hazard, actor=nanhai.guicheng_officer, reviewed_on=D(2023, 6, 5), passed=True)
    assert exc.value.messages == ["“复查”不是当前（登记）可以办理的环节。"]
    hazard.refresh_from_db()
    assert (hazard.status, hazard.reviewed_on, hazard.version) == (S.REGISTERED, None, 1)


def test_a_stale_step_is_refused_and_writes_nothing(nanhai):
    officer = nanhai.guicheng_officer
    hazard = register(make_visit(nanhai.guicheng), officer)
    HAZARD.take("order", hazard, actor=officer, expected_version=hazard.version, deadline=D(2023, 6, 20))
    with pytest.raises(ValidationError, match="已被其他人修改"):
        HAZARD.take("start", hazard, actor=officer, expected_version=hazard.version)
    hazard.refresh_from_db()
    assert (hazard.status, hazard.version) == (S.ORDERED, 2)


def test_ordering_needs_a_deadline(nanhai):
    hazard = register(make_visit(nanhai.guicheng), nanhai.guicheng_officer)
    form = HAZARD.form(HAZARD.step("order"), hazard, {})
    assert not form.is_valid() and "deadline" in form.errors


def test_a_rectification_cannot_be_reported_for_tomorrow_or_reviewed_before_it(nanhai):
    officer = nanhai.guicheng_officer
    hazard = register(make_visit(nanhai.guicheng), officer)
    hazard = HAZARD.take("order", hazard, actor=officer, deadline=D(2023, 6, 20))
    hazard = HAZARD.take("start", hazard, actor=officer)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        HAZARD.take("request-review", hazard, actor=officer, rectified_on=tomorrow)
    assert exc.value.message_dict == {"rectified_on": ["整改完成日期不能晚于今天。"]}
    hazard = HAZARD.take("request-review", hazard, actor=officer, rectified_on=D(2023, 6, 15))
    with pytest.raises(ValidationError, match="复查日期不能早于整改完成日期"):
        HAZARD.take("review", hazard, actor=officer, reviewed_on=D(2023, 6, 14), passed=True)
    assert Hazard.objects.get(pk=hazard.pk).status == S.REVIEW_REQUESTED


def test_a_town_officer_cannot_take_a_step_on_another_towns_hazard(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    with pytest.raises(ValidationError, match="区划以外"):
        HAZARD.take("order", hazard, actor=nanhai.jiujiang_officer, deadline=D(2023, 6, 20))
    assert Hazard.objects.get(pk=hazard.pk).status == S.REGISTERED


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
    assert queries.is_overdue(hazard, today) is overdue
    found = queries.overdue(Hazard.objects.all(), today).filter(pk=hazard.pk).exists()
    assert found is overdue


def test_a_closed_or_review_requested_hazard_is_not_overdue(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 20))
    Hazard.objects.filter(pk=hazard.pk).update(status=S.REVIEW_REQUESTED)
    hazard.refresh_from_db()
    assert not queries.is_overdue(hazard, D(2023, 7, 1))


def test_a_major_hazard_is_supervised_once_until_closed(nanhai):
    officer = nanhai.district_officer
    major = register(make_visit(nanhai.guicheng), officer, grade="重大事故隐患", deadline=D(2023, 7, 1))
    general = register(major.visit, officer)
    assert "supervise" not in offered(general, officer)
    with pytest.raises(ValidationError, match="不是当前"):
        HAZARD.take(
            "supervise", general, actor=officer, supervised_on=D(2023, 6, 2), supervising_body="区安委办"
        )
    assert offered(major, officer)["supervise"] is None
    major = HAZARD.take(
        "supervise", major, actor=officer, supervised_on=D(2023, 6, 2), supervising_body="区安委办"
    )
    assert "挂牌督办" in [e.reason for e in audit.history(major)]
    assert "supervise" not in offered(major, officer)
    assert list(queries.supervised(Hazard.objects.all())) == [major]
    Hazard.objects.filter(pk=major.pk).update(status=S.CLOSED)
    assert not queries.supervised(Hazard.objects.all()).exists()


def test_only_an_overdue_hazard_is_suspended_and_only_once(nanhai):
    officer = nanhai.district_officer
    hazard = register(
        make_visit(nanhai.guicheng), officer, grade="重大事故隐患", deadline=datetime.date.today()
    )
    refusal = offered(hazard, officer)["suspend"]
    assert "尚未逾期" in refusal and "安全生产法第一百零二条" in refusal
    with pytest.raises(ValidationError, match="尚未逾期"):
        HAZARD.take("suspend", hazard, actor=officer)
    late = register(hazard.visit, officer, grade="重大事故隐患", deadline=D(2023, 6, 10))
    HAZARD.take("suspend", late, actor=officer, issued_on=D(2023, 6, 20))
    order = queries.suspension_of(late)
    assert order.doc_type == "责令停产停业整顿" and list(order.hazards.all()) == [late]
    assert order.number.startswith("（南海）应急停〔") and order.issued_on == D(2023, 6, 20)
    assert f"责令停产停业整顿：{order.number}" in [e.reason for e in audit.history(late)]
    assert "已责令停产停业整顿" in offered(late, officer)["suspend"]
    with pytest.raises(ValidationError, match="不能重复下达"):
        HAZARD.take("suspend", late, actor=officer)
    assert late.orders.count() == 1


def test_an_overdue_hazard_becomes_a_penalty_case_once(nanhai):
    officer = nanhai.district_officer
    hazard = register(make_visit(nanhai.guicheng), officer, deadline=datetime.date.today())
    assert "尚未逾期" in offered(hazard, officer)["open-case"]
    with pytest.raises(ValidationError, match="尚未逾期"):
        HAZARD.take("open-case", hazard, actor=officer)
    late = register(hazard.visit, officer, deadline=D(2023, 6, 10), text="配电房堆放易燃物")
    assert offered(late, officer)["open-case"] is None
    HAZARD.take("open-case", late, actor=officer)
    [case] = late.penalties.all()
    assert case.enterprise == late.visit.enterprise and "配电房堆放易燃物" in case.violation
    assert f"立案查处：{case}" in [e.reason for e in audit.history(late)]
    # The page's offer and the refusal are the same rule (the cases app's): a live case blocks another.
    refusal = offered(late, officer)["open-case"]
    assert "不能重复立案" in refusal and "行政处罚法第二十九条" in refusal
    with pytest.raises(ValidationError, match="不能重复立案"):
        HAZARD.take("open-case", late, actor=officer)
    services.record_void(case, actor=None, reason="立案有误")
    assert offered(late, officer)["open-case"] is None


def test_a_town_officer_is_not_offered_the_case_step(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 10))
    assert "open-case" not in offered(hazard, nanhai.guicheng_officer)
    assert "suspend" in offered(hazard, nanhai.guicheng_officer)
    with pytest.raises(ValidationError, match="不能办理该环节"):
        HAZARD.take("open-case", hazard, actor=nanhai.guicheng_officer)
    assert not hazard.penalties.exists()
