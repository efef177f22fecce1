"""送达 and 执行: payment period, late fee and its cap, deferral, court enforcement; the summary procedure."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases import rules, services
from emgov.cases.models import CaseStep, PenaltyCase
from emgov.cases.procedures import PENALTY_CASE
from emgov.cases.queries import case_deadlines, case_todos
from emgov.cases.tests.helpers import available, decided_case, make_visit, take

D = datetime.date


def test_art_72_the_late_fee_is_3_percent_a_day_and_never_more_than_the_fine(db):
    case = PenaltyCase(filed_on=D(2023, 3, 2), fine_amount=Decimal("10000"), payment_due_on=D(2023, 4, 13))
    assert rules.late_fee(case, D(2023, 4, 13)) == 0
    assert rules.late_fee(case, D(2023, 4, 14)) == Decimal("300.00")
    assert rules.late_fee(case, D(2023, 5, 16)) == Decimal("9900.00")  # 33 days
    assert rules.late_fee(case, D(2023, 5, 17)) == Decimal("10000")  # 34 days: capped
    assert rules.late_fee(case, D(2024, 4, 13)) == Decimal("10000")


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


def test_art_54_court_enforcement_after_the_demand_and_after_the_appeal_periods(nanhai):
    """行政强制法第五十三条、第五十四条: served 2023-09-01, the lawsuit period (6 months) ends 2024-03-01;
    demanded 2024-02-08, its 10 working days run across the 2024 Spring Festival to 2024-02-28."""
    case = take("serve", decided_case(nanhai), nanhai.legal, on=D(2023, 9, 1))
    assert case.payment_due_on == D(2023, 9, 18)  # Sep 16 is a Saturday
    with pytest.raises(ValidationError, match="须先催告"):
        take("court", case, nanhai.legal, on=D(2024, 3, 4))
    with pytest.raises(ValidationError, match="缴款期限（2023-09-18）届满后才能催告"):
        take("demand", case, nanhai.legal, on=D(2023, 9, 18))
    case = take("demand", case, nanhai.legal, on=D(2024, 2, 8))
    assert rules.court_earliest(case, D(2024, 2, 8)) == D(2024, 2, 28)  # Feb 10–17 off, Feb 18 worked
    first, last = rules.court_window(case)
    assert (first, last) == (D(2024, 3, 2), D(2024, 6, 3))  # Jun 1 is a Saturday
    with pytest.raises(ValidationError, match="期限至2024-03-01，期限届满前不能申请法院强制执行"):
        take("court", case, nanhai.legal, on=D(2024, 3, 1))
    with pytest.raises(ValidationError, match="已于2024-06-03届满"):
        take("court", case, nanhai.legal, on=D(2024, 6, 4))
    case = take("court", case, nanhai.legal, on=D(2024, 3, 4))
    assert case.court_applied_on == D(2024, 3, 4) and "close" in available(case)
    assert "court" not in available(case) and "pay" in available(case)


def test_art_54_the_court_cannot_be_asked_before_ten_working_days_after_the_demand(nanhai):
    case = take("serve", decided_case(nanhai), nanhai.legal, on=D(2023, 3, 29))
    case = take("demand", case, nanhai.legal, on=D(2023, 9, 27))  # 10 working days: 2023-10-17 (National Day)
    with pytest.raises(ValidationError, match="最早2023-10-17"):
        take("court", case, nanhai.legal, on=D(2023, 10, 16))


def test_the_case_page_shows_the_court_enforcement_window(nanhai):
    case = take("serve", decided_case(nanhai), nanhai.legal, on=D(2023, 9, 1))
    deadlines = {d.key: d for d in case_deadlines(case, today=D(2023, 10, 1))}
    assert (deadlines["court"].starts_on, deadlines["court"].due_on) == (D(2024, 3, 2), D(2024, 6, 3))
    assert "尚未催告" in deadlines["court"].basis
    page = nanhai.client_for(nanhai.legal).get(f"/cases/penalties/{case.pk}/").content.decode()
    assert "申请法院强制执行（期间）" in page and "2024-03-02 至 2024-06-03" in page


def test_the_service_limit_is_seven_working_days_across_spring_festival(nanhai):
    case = decided_case(nanhai)
    assert rules.service_due(case, D(2023, 1, 20)) == D(2023, 2, 3)
    deadlines = {d.key: d for d in case_deadlines(case, today=D(2023, 4, 20))}
    assert deadlines["service"].due_on == rules.service_due(case, case.decided_on)
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


def test_a_calendar_day_period_ending_on_a_holiday_ends_on_the_next_working_day(nanhai):
    """民事诉讼法第八十五条 (the period's last day a holiday: the next working day) for the 90-day limit
    (行政处罚法第六十条) and the 15-day payment (第六十七条); the 5 working days skip holidays anyway."""
    case = services.case_open(
        actor=nanhai.legal, visit=make_visit(nanhai.guicheng), filed_on=D(2023, 7, 5), violation="未开展培训"
    )
    assert case.decision_due_on == D(2023, 10, 7)  # Oct 3 falls in the National Day holiday; Oct 7 worked
    assert rules.payment_due(case, D(2023, 1, 15)) == D(2023, 1, 30)  # Jan 30 is a working day
    assert rules.payment_due(case, D(2024, 1, 27)) == D(2024, 2, 18)  # Feb 11: Spring Festival 2024
    assert rules.statement_due(case, D(2023, 1, 20)) == D(2023, 2, 1)  # working days skip it


def test_art_67_served_2023_09_16_the_fine_is_due_after_national_day_and_paid_then_without_late_fee(nanhai):
    case = take("serve", decided_case(nanhai, fine="20000"), nanhai.legal, on=D(2023, 9, 16))
    assert case.payment_due_on == D(2023, 10, 7)  # Oct 1 is a holiday: the first working day after it
    case = take("pay", case, nanhai.legal, on=D(2023, 10, 7))
    assert case.late_fee == 0
    assert not CaseStep.objects.filter(case=case, label="加处罚款").exists()


def test_art_72_paid_the_day_after_the_holiday_adjusted_due_day_costs_one_day(nanhai):
    case = take("serve", decided_case(nanhai, fine="20000"), nanhai.legal, on=D(2023, 9, 16))
    case = take("pay", case, nanhai.legal, on=D(2023, 10, 8))
    assert case.late_fee == Decimal("600.00")


def test_art_73_no_late_fee_is_counted_while_a_review_of_the_decision_runs(nanhai):
    """Due 2023-10-13; a review applied for on 2023-10-10 and decided on 2023-10-31; paid 2023-11-03:
    of the 21 days after the due day, the 18 days of the review (Oct 14–31) are not counted."""
    case = take("serve", decided_case(nanhai, fine="20000"), nanhai.legal, on=D(2023, 9, 28))
    assert case.payment_due_on == D(2023, 10, 13)
    case = take(
        "challenge", case, nanhai.legal, kind="行政复议", filed_on=D(2023, 10, 10), number="NHFY-2023-07"
    )
    assert "challenge_end" in available(case) and "court" not in available(case, nanhai.legal)
    case = take(
        "challenge_end",
        case,
        nanhai.legal,
        challenge=case.challenges.get(),
        ended_on=D(2023, 10, 31),
        result="维持原处罚决定",
    )
    case = take("pay", case, nanhai.legal, on=D(2023, 11, 3))
    assert case.late_fee == Decimal("1800.00")  # 3 days × 600
    assert case.challenges.get().number == "NHFY-2023-07"


def test_art_53_the_court_is_not_asked_while_a_lawsuit_about_the_decision_runs(nanhai):
    case = take("serve", decided_case(nanhai), nanhai.legal, on=D(2023, 3, 29))
    case = take(
        "challenge", case, nanhai.legal, kind="行政诉讼", filed_on=D(2023, 5, 4), body="南海区人民法院"
    )
    refusal = {o.step.name: o.refusal for o in PENALTY_CASE.options(case, nanhai.legal)}["court"]
    assert "行政强制法第五十三条" in refusal
    with pytest.raises(ValidationError, match="尚未审结"):
        take("court", case, nanhai.legal, on=D(2023, 11, 1), demanded_on=D(2023, 10, 9))


def test_the_home_page_reminds_of_a_decision_falling_due(nanhai):
    case = services.case_open(
        actor=nanhai.legal,
        visit=make_visit(nanhai.guicheng),
        filed_on=datetime.date.today() - datetime.timedelta(days=95),
        violation="未开展培训",
    )
    page = nanhai.client_for(nanhai.legal).get("/").content.decode()
    assert "处罚决定期限" in page and case.case_number in page
