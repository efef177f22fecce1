"""The time limits of a licensing case, and the order of its steps."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit
from emgov.core.navigation import todo_for
from emgov.licensing import services
from emgov.licensing.models import LicensingCase
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.tests.factories import D, accepted, apply, granted, make_item

pytestmark = pytest.mark.django_db

# 2023: 9-29 to 10-6 are the Mid-Autumn and National Day holidays; 10-7 and 10-8 (a weekend) are worked.
BEFORE_NATIONAL_DAY = D(2023, 9, 28)


def test_due_date_in_natural_days_for_a_case_accepted_before_national_day(nanhai):
    case = accepted(make_item(working_days=False), BEFORE_NATIONAL_DAY)
    assert case.decision_due_on == D(2023, 10, 18)


def test_due_date_in_working_days_skips_the_national_day_holiday(nanhai):
    case = accepted(make_item(working_days=True), BEFORE_NATIONAL_DAY)
    assert case.decision_due_on == D(2023, 11, 1)


def test_natural_days_ending_in_the_holiday_end_on_the_next_working_day(nanhai):
    case = accepted(make_item(working_days=False), D(2023, 9, 12))
    assert case.decision_due_on == D(2023, 10, 7)


def test_a_case_without_an_item_has_the_twenty_working_days_of_the_law(nanhai):
    case = LicensingCase(
        number="SL1", item_name="某备案", category="备案", applicant="某公司", accepted_on=BEFORE_NATIONAL_DAY
    )
    services.derive_fields(case)
    assert case.decision_due_on == D(2023, 11, 1)


def test_the_time_limit_is_extended_once_and_a_second_extension_is_refused(nanhai):
    case = accepted(make_item(working_days=False), BEFORE_NATIONAL_DAY)
    case = LICENSING_CASE.take(
        "extend",
        case,
        actor=nanhai.legal,
        extended_on=D(2023, 10, 16),
        reason="需现场核查",
        approved_by=nanhai.leader,
    )
    # 30 days end on Saturday 10-28, a rest day: the period ends on Monday 10-30.
    assert (case.extension_days, case.decision_due_on) == (10, D(2023, 10, 30))
    assert case.extension_approver == nanhai.leader and case.extension_approved_by == "陈局长"
    assert case.extension_reason == "需现场核查"
    with pytest.raises(ValidationError, match="只能延长一次"):
        LICENSING_CASE.take(
            "extend",
            case,
            actor=nanhai.legal,
            extended_on=D(2023, 10, 20),
            reason="再次延期",
            approved_by=nanhai.leader,
        )
    assert LicensingCase.objects.get(pk=case.pk).decision_due_on == D(2023, 10, 30)


def test_an_extension_needs_a_reason_and_who_approved_it(nanhai):
    case = accepted(make_item(), BEFORE_NATIONAL_DAY)
    with pytest.raises(ValidationError) as caught:
        LICENSING_CASE.take(
            "extend", case, actor=nanhai.legal, extended_on=D(2023, 10, 9), reason="", approved_by=None
        )
    assert set(caught.value.message_dict) == {"reason", "approved_by"}


def test_an_item_that_may_not_be_extended_refuses_the_extension(nanhai):
    case = accepted(make_item(extendable=False, extension_days=0), BEFORE_NATIONAL_DAY)
    with pytest.raises(ValidationError, match="不可延长"):
        LICENSING_CASE.take(
            "extend",
            case,
            actor=nanhai.legal,
            extended_on=D(2023, 10, 9),
            reason="理由",
            approved_by=nanhai.leader,
        )


def test_the_decision_is_blocked_before_acceptance(nanhai):
    case = apply(make_item())
    with pytest.raises(ValidationError, match="不是当前（已申请，待受理）可以办理的环节"):
        LICENSING_CASE.take("decide", case, actor=nanhai.legal, decided_on=D(2023, 10, 9), result="准予")
    assert LicensingCase.objects.get(pk=case.pk).result == ""


def test_the_decision_takes_a_document_number_and_is_audited(nanhai):
    case = accepted(make_item(), BEFORE_NATIONAL_DAY)
    case = LICENSING_CASE.take("decide", case, actor=nanhai.legal, decided_on=D(2023, 10, 9), result="准予")
    assert case.decision_number == "（南海）应急许〔2023〕1号"
    assert case.decision_document == "准予行政许可决定书"
    change = audit.history(case).filter(action="change").first()
    assert change.actor == nanhai.legal and change.changes["result"] == ["", "准予"]


def test_a_filing_can_only_be_filed(nanhai):
    case = accepted(make_item("应急预案备案", category="备案"), BEFORE_NATIONAL_DAY)
    with pytest.raises(ValidationError, match="已备案"):
        LICENSING_CASE.take("decide", case, actor=nanhai.legal, decided_on=D(2023, 10, 9), result="准予")
    case = LICENSING_CASE.take("decide", case, actor=nanhai.legal, decided_on=D(2023, 10, 9), result="已备案")
    assert case.publication_due_on is None


def test_art_44_a_certificate_later_than_ten_working_days_after_the_decision_warns(nanhai):
    # The item counts its own time limit in natural days; the law's ten days are working days (Art. 82).
    case = granted(make_item(), D(2023, 5, 10))
    assert services.certificate_due(case) == D(2023, 5, 24)
    late = LICENSING_CASE.take(
        "certificate",
        case,
        actor=nanhai.legal,
        issued_on=D(2023, 5, 25),
        certificate_number="粤佛南烟零字〔2023〕1号",
    )
    assert late.certificate_name == "烟花爆竹经营（零售）许可证"
    assert "晚于法定期限2023-05-24" in services.certificate_warning(late)
    on_time = granted(make_item("另一事项"), D(2023, 5, 10), number="SL2023002")
    on_time = LICENSING_CASE.take(
        "certificate",
        on_time,
        actor=nanhai.legal,
        issued_on=D(2023, 5, 24),
        certificate_number="粤佛南烟零字〔2023〕2号",
    )
    assert services.certificate_warning(on_time) is None


def test_publication_is_due_seven_working_days_after_the_decision_across_the_holiday(nanhai):
    case = granted(make_item(), D(2023, 9, 27))
    assert case.publication_due_on == D(2023, 10, 12)
    case = LICENSING_CASE.take("publish", case, actor=nanhai.legal, published_on=D(2023, 10, 13))
    assert case.published_on == D(2023, 10, 13) and case.publication_overdue(D(2023, 10, 20))


def test_an_overdue_publication_is_on_the_legal_officers_todo_list(nanhai):
    case = granted(make_item(), D(2023, 9, 27))
    todo = [t for t in todo_for(nanhai.legal) if t.kind == "双公示"]
    assert [(t.due, t.overdue) for t in todo] == [(D(2023, 10, 12), True)]
    assert str(case.number) in todo[0].title
    assert not [t for t in todo_for(nanhai.district_officer) if t.kind == "双公示"]
    LICENSING_CASE.take("publish", case, actor=nanhai.legal, published_on=D(2023, 10, 16))
    assert not [t for t in todo_for(nanhai.legal) if t.kind == "双公示"]


def test_the_home_page_shows_the_overdue_publication(nanhai):
    granted(make_item(), D(2023, 9, 27))
    page = nanhai.client_for(nanhai.legal).get("/").content.decode()
    assert "许可决定待公示" in page and "2023-10-12" in page


def test_a_refusal_is_not_published(nanhai):
    case = accepted(make_item(), BEFORE_NATIONAL_DAY)
    case = LICENSING_CASE.take("decide", case, actor=nanhai.legal, decided_on=D(2023, 10, 9), result="不予")
    with pytest.raises(ValidationError, match="“双公示”不是当前"):
        LICENSING_CASE.take("publish", case, actor=nanhai.legal, published_on=D(2023, 10, 10))


def test_a_stale_version_is_refused(nanhai):
    case = accepted(make_item(), BEFORE_NATIONAL_DAY)
    with pytest.raises(ValidationError, match="已被其他人修改"):
        LICENSING_CASE.take(
            "decide",
            case,
            actor=nanhai.legal,
            decided_on=D(2023, 10, 9),
            result="准予",
            expected_version=case.version - 1,
        )
