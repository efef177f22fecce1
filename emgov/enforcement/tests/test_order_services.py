"""Orders: numbering, the rectification order driving its hazards, seizure limits, resumption after review
(the steps of `procedures.ORDER`)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit
from emgov.core.models import User
from emgov.enforcement.models import HazardStatus, Order, OrderType
from emgov.enforcement.procedures import HAZARD, ORDER
from emgov.enforcement.services import orders
from emgov.enforcement.tests.hazard_helpers import make_visit, register

D = datetime.date


def test_orders_are_numbered_per_type_and_year(nanhai):
    officer = nanhai.guicheng_officer
    visit = make_visit(nanhai.guicheng)
    hazard = register(visit, officer, deadline=D(2023, 6, 20))
    first = orders.order_issue(
        actor=officer, visit=visit, doc_type=OrderType.RECTIFY, hazards=[hazard], issued_on=D(2023, 6, 1)
    )
    second = orders.order_issue(
        actor=officer, visit=visit, doc_type=OrderType.ON_SITE, issued_on=D(2023, 6, 1)
    )
    third = orders.order_issue(
        actor=officer, visit=visit, doc_type=OrderType.ON_SITE, issued_on=D(2023, 6, 2)
    )
    assert first.number == "（南海）应急责改〔2023〕1号"
    assert (second.number, third.number) == ("（南海）应急现决〔2023〕1号", "（南海）应急现决〔2023〕2号")


def test_a_rectification_order_orders_its_hazards_and_takes_the_latest_deadline(nanhai):
    officer = nanhai.guicheng_officer
    visit = make_visit(nanhai.guicheng)
    a = register(visit, officer, deadline=D(2023, 6, 20))
    b = register(visit, officer)
    order = orders.order_issue(
        actor=officer,
        visit=visit,
        doc_type=OrderType.RECTIFY,
        hazards=[a, b],
        issued_on=D(2023, 6, 1),
        due_date=D(2023, 6, 30),
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.deadline) == (HazardStatus.ORDERED, D(2023, 6, 20))
    assert (b.status, b.deadline) == (HazardStatus.ORDERED, D(2023, 6, 30))
    assert order.due_date == D(2023, 6, 30)


def test_a_rectification_order_needs_hazards_and_writes_nothing_without(nanhai):
    visit = make_visit(nanhai.guicheng)
    with pytest.raises(ValidationError, match="至少一项隐患"):
        orders.order_issue(actor=None, visit=visit, doc_type=OrderType.RECTIFY, issued_on=D(2023, 6, 1))
    assert not Order.objects.exists()


def extend(seizure, officer, days, reason, decided_on, **kw):
    kw.setdefault("extension_approved_by", User.objects.get(username="leader"))
    return ORDER.take(
        "extend",
        seizure,
        actor=officer,
        extension_days=days,
        extension_reason=reason,
        decided_on=decided_on,
        **kw,
    )


def test_a_seizure_lasts_30_days_and_extends_once_by_at_most_30(nanhai):
    officer = nanhai.district_officer
    visit = make_visit(nanhai.guicheng)
    seizure = orders.order_issue(
        actor=officer, visit=visit, doc_type=OrderType.SEIZE, issued_on=D(2023, 6, 1)
    )
    # The 30th day, Saturday 2023-07-01, is a rest day: the term ends on Monday 07-03.
    assert seizure.due_date == D(2023, 7, 3)
    with pytest.raises(ValidationError, match="不得超过30日"):
        extend(seizure, officer, 31, "检测未完成", D(2023, 6, 25))
    with pytest.raises(ValidationError, match="延长理由"):
        extend(seizure, officer, 30, " ", D(2023, 6, 25))
    with pytest.raises(ValidationError, match="期满"):
        extend(seizure, officer, 30, "检测未完成", D(2023, 7, 4))
    seizure = extend(seizure, officer, 30, "检测未完成", D(2023, 6, 25), expected_version=1)
    assert (seizure.due_date, seizure.extension_days) == (D(2023, 7, 31), 30)
    assert "延长查封扣押期限" in [e.reason for e in audit.history(seizure)]
    extension = next(o for o in ORDER.options(seizure, officer) if o.step.name == "extend")
    assert "只能延长一次" in extension.refusal and "行政强制法第二十五条" in extension.refusal
    with pytest.raises(ValidationError, match="只能延长一次"):
        extend(seizure, officer, 1, "再延", D(2023, 7, 5))
    assert Order.objects.get(pk=seizure.pk).due_date == D(2023, 7, 31)


def test_a_stale_extension_is_refused_and_writes_nothing(nanhai):
    seizure = orders.order_issue(
        actor=None, visit=make_visit(nanhai.guicheng), doc_type=OrderType.SEIZE, issued_on=D(2023, 6, 1)
    )
    with pytest.raises(ValidationError, match="已被其他人修改"):
        extend(seizure, None, 10, "检测未完成", D(2023, 6, 25), expected_version=0)
    seizure.refresh_from_db()
    assert (seizure.due_date, seizure.extension_days, seizure.version) == (D(2023, 7, 3), None, 1)


def test_only_a_seizure_can_be_extended(nanhai):
    visit = make_visit(nanhai.guicheng)
    order = orders.order_issue(actor=None, visit=visit, doc_type=OrderType.ON_SITE, issued_on=D(2023, 6, 1))
    assert ORDER.options(order, nanhai.district_officer) == []
    with pytest.raises(ValidationError, match="“延长查封扣押期限”不是当前（已签发）可以办理的环节"):
        extend(order, None, 5, "x", D(2023, 6, 2))


def test_a_suspension_is_lifted_only_after_a_passed_review(nanhai):
    officer = nanhai.district_officer
    visit = make_visit(nanhai.guicheng)
    hazard = register(visit, officer, grade="重大事故隐患", deadline=D(2023, 6, 20), unsafe=True)
    suspension = orders.order_issue(
        actor=officer, visit=visit, doc_type=OrderType.SUSPEND, hazards=[hazard], issued_on=D(2023, 6, 1)
    )
    [option] = ORDER.options(suspension, officer)
    assert "尚未复查合格" in option.refusal and "安全生产法第六十五条第一款第三项" in option.refusal
    with pytest.raises(ValidationError, match="尚未复查合格"):
        ORDER.take("resume", suspension, actor=officer, resumed_on=D(2023, 6, 25))
    hazard = HAZARD.take("order", hazard, actor=officer, deadline=D(2023, 6, 20))
    hazard = HAZARD.take("start", hazard, actor=officer)
    hazard = HAZARD.take("request-review", hazard, actor=officer, rectified_on=D(2023, 6, 18))
    hazard = HAZARD.take("review", hazard, actor=officer, reviewed_on=D(2023, 6, 19), passed=False)
    with pytest.raises(ValidationError, match="尚未复查合格"):
        ORDER.take("resume", suspension, actor=officer, resumed_on=D(2023, 6, 25))
    hazard = HAZARD.take("reorder", hazard, actor=officer, deadline=D(2023, 6, 30))
    hazard = HAZARD.take("request-review", hazard, actor=officer, rectified_on=D(2023, 6, 28))
    HAZARD.take("review", hazard, actor=officer, reviewed_on=D(2023, 6, 29), passed=True)
    assert ORDER.options(suspension, officer)[0].available
    with pytest.raises(ValidationError, match="不能早于复查日期"):
        ORDER.take("resume", suspension, actor=officer, resumed_on=D(2023, 6, 28))
    suspension = ORDER.take("resume", suspension, actor=officer, resumed_on=D(2023, 6, 30))
    assert suspension.resumed_on == D(2023, 6, 30)
    assert ORDER.state_label(suspension) == "已恢复生产经营" and ORDER.options(suspension, officer) == []


def test_a_review_opinion_lists_only_reviewed_hazards(nanhai):
    officer = nanhai.guicheng_officer
    visit = make_visit(nanhai.guicheng)
    hazard = register(visit, officer, deadline=D(2023, 6, 20))
    with pytest.raises(ValidationError, match="尚未复查"):
        orders.order_issue(
            actor=officer, visit=visit, doc_type=OrderType.REVIEW, hazards=[hazard], issued_on=D(2023, 6, 1)
        )


def test_an_order_cannot_list_another_visits_hazard(nanhai):
    visit = make_visit(nanhai.guicheng)
    other = make_visit(nanhai.guicheng, number="JC2023002", n=2)
    hazard = register(other, None, deadline=D(2023, 6, 20))
    with pytest.raises(ValidationError, match="不是本次检查"):
        orders.order_issue(
            actor=None, visit=visit, doc_type=OrderType.RECTIFY, hazards=[hazard], issued_on=D(2023, 6, 1)
        )
