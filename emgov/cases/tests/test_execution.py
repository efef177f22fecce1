"""送达 and 执行: payment period, late fee and its cap, deferral, court enforcement; the summary procedure."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases import rules, services
from emgov.cases.models import CaseStep, PenaltyCase
from emgov.cases.queries import case_deadlines, case_todos
from emgov.cases.tests.helpers import available, decided_case, make_visit, take

D = datetime.date


def test_the_late_fee_is_3_percent_a_day_and_never_more_than_the_fine():
    fine = Decimal("10000")
    assert rules.late_fee(fine, D(2023, 4, 13), D(2023, 4, 13)) == 0
    assert rules.late_fee(fine, D(2023, 4, 13), D(2023, 4, 14)) == Decimal("300.00")
    assert rules.late_fee(fine, D(2023, 4, 13), D(2023, 5, 16)) == Decimal("9900.00")  # 33 days
    assert rules.late_fee(fine, D(2023, 4, 13), D(2023, 5, 17)) == fine  # 34 days: capped
    assert rules.late_fee(fine, D(2023, 4, 13), D(2024, 4, 13)) == fine


def test_payment_15_calendar_days_after_service_and_the_late_fee_on_late_payment(nanhai):
    case = decided_case(nanhai, fine="20000")
    case = take("serve", case, nanhai.legal, on=D(2023, 9, 28))
    assert case.payment_due_on == D(2023, 10, 13)  # calendar days, holidays included
    case = take("pay", case, nanhai.legal, on=D(2023, 10, 15))
    assert case.late_fee == Decimal("1200.00")
    assert "1,200.00" in CaseStep.objects.get(case=case, label="加处罚款").note
    assert "close" in available(case)


def test_deferral_needs_approval_and_moves_the_payment_day(nanhai):
    case = take("serve", decided_case(nanhai), nanhai.legal, on=D(2023, 3, 29))
    with pytest.raises(ValidationError, match="批准人和理由"):
        take(
            "defer", case, nanhai.legal, on=D(2023, 4, 3), approved_by="", new_due_on=D(2023, 6, 1), reason=""
        )
    case = take(
        "defer",
        case,
        nanhai.legal,
        on=D(2023, 4, 3),
        approved_by="陈局长",
        new_due_on=D(2023, 6, 1),
        reason="分两期缴纳",
    )
    assert case.payment_due_on == D(2023, 6, 1)
    case = take("pay", case, nanhai.legal, on=D(2023, 5, 30))
    assert case.late_fee == 0


def test_court_enforcement_ten_working_days_after_the_demand_across_national_day(nanhai):
    case = take("serve", decided_case(nanhai), nanhai.legal, on=D(2023, 9, 1))
    assert case.payment_due_on == D(2023, 9, 16)
    with pytest.raises(ValidationError, match="最早2023-10-17"):
        take("court", case, nanhai.legal, on=D(2023, 10, 16), demanded_on=D(2023, 9, 27))
    case = take("court", case, nanhai.legal, on=D(2023, 10, 17), demanded_on=D(2023, 9, 27))
    assert case.court_applied_on == D(2023, 10, 17) and "close" in available(case)
    assert "court" not in available(case) and "pay" in available(case)


def test_the_service_limit_is_seven_working_days_across_spring_festival(nanhai):
    case = decided_case(nanhai)
    assert rules.service_due(D(2023, 1, 20)) == D(2023, 2, 3)
    deadlines = {d.key: d for d in case_deadlines(case, today=D(2023, 4, 20))}
    assert deadlines["service"].due_on == rules.service_due(case.decided_on)
    assert deadlines["service"].overdue
    assert deadlines["decision"].done_on == case.decided_on


@pytest.mark.parametrize(
    ("party", "kinds", "fine", "refused"),
    [
        ("自然人", ["罚款"], "200", None),
        ("自然人", ["罚款"], "201", "不能超过200元"),
        ("法人", ["罚款"], "3000", None),
        ("法人", ["罚款"], "3001", "不能超过3000元"),
        ("法人", ["警告"], None, None),
        ("法人", ["责令停产停业"], None, "只能给予警告或小额罚款"),
    ],
)
def test_the_summary_procedure_within_its_limits(nanhai, party, kinds, fine, refused):
    fields = (
        {"party_name": "张某", "party_type": "自然人"}
        if party == "自然人"
        else {"visit": make_visit(nanhai.guicheng)}
    )
    call = lambda: services.case_summary_decide(  # noqa: E731
        actor=nanhai.legal,
        decided_on=D(2023, 5, 6),
        violation="未佩戴劳动防护用品",
        legal_basis="《安全生产法》第九十九条",
        penalty_kinds=kinds,
        fine_amount=Decimal(fine) if fine else None,
        **fields,
    )
    if refused:
        with pytest.raises(ValidationError, match=refused):
            call()
        assert not PenaltyCase.objects.exists()
    else:
        case = call()
        assert case.procedure == "简易程序" and case.decision_number == "（南海）应急罚〔2023〕1号"
        assert case.decided_on == D(2023, 5, 6)


def test_reminders_list_a_decision_falling_due_in_scope_only(nanhai, settings):
    case = services.case_open(
        actor=nanhai.legal,
        visit=make_visit(nanhai.guicheng),
        filed_on=datetime.date.today() - datetime.timedelta(days=85),
        violation="未开展培训",
    )
    titles = [t.title for t in case_todos(nanhai.guicheng_officer)]
    assert any(str(case) in t and "处罚决定期限" in t for t in titles)
    assert case_todos(nanhai.jiujiang_officer) == []


def test_the_calendar_day_periods_do_not_skip_holidays(db):
    assert rules.decision_limit(D(2023, 7, 5)) == D(2023, 10, 3)  # falls in the National Day holiday
    assert rules.payment_due(D(2023, 1, 15)) == D(2023, 1, 30)  # across Spring Festival
    assert rules.statement_due(D(2023, 1, 20)) == D(2023, 2, 1)  # working days skip it


def test_the_home_page_reminds_of_a_decision_falling_due(nanhai):
    case = services.case_open(
        actor=nanhai.legal,
        visit=make_visit(nanhai.guicheng),
        filed_on=datetime.date.today() - datetime.timedelta(days=95),
        violation="未开展培训",
    )
    page = nanhai.client_for(nanhai.legal).get("/").content.decode()
    assert "处罚决定期限" in page and case.case_number in page
