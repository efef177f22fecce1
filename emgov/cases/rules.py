"""The rules of 行政处罚法 that a case's steps check: hearing triggers, legal review, time limits, late fees."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from emgov.cases.models import PartyType, PenaltyCase, PenaltyKind
from emgov.core.workdays import WorkdayCalendar, add_days

# Working-day periods of 行政处罚法 (Art. 85) and 行政强制法 (Art. 69).
STATEMENT_DAYS = 5  # Art. 63/64: request a hearing within 5 days of the notice
HEARING_NOTICE_DAYS = 7  # Art. 64: notice of the hearing 7 days ahead
SERVICE_DAYS = 7  # Art. 61: serve within 7 days when the party is absent
DEMAND_DAYS = 10  # 行政强制法 Art. 54: apply to court 10 days after the demand
# Calendar-day periods.
DECISION_DAYS = 90  # Art. 60
PAYMENT_DAYS = 15  # Art. 67
LATE_FEE_RATE = Decimal("0.03")  # Art. 72: 3% of the fine a day, capped at the fine

# Art. 63: heavy penalties that give the right to a hearing, and the "large amount" of a fine.
HEARING_KINDS = {
    PenaltyKind.DOWNGRADE,
    PenaltyKind.REVOKE_LICENCE,
    PenaltyKind.SUSPEND_BUSINESS,
    PenaltyKind.CLOSE,
    PenaltyKind.BAN_PRACTICE,
    PenaltyKind.RESTRICT_BUSINESS,
}
LARGE_FINE_PERSON = Decimal("10000")
LARGE_FINE_ORGANISATION = Decimal("50000")


def hearing_reason(party_type: str, kinds: list[str], fine: Decimal | None) -> str | None:
    """Why the intended penalty gives the party the right to a hearing (Art. 63), or None."""
    heavy = [k for k in kinds if k in HEARING_KINDS]
    if heavy:
        return _("拟给予%(k)s（行政处罚法第六十三条）") % {"k": "、".join(heavy)}
    if fine:
        person = party_type == PartyType.NATURAL_PERSON
        limit = LARGE_FINE_PERSON if person else LARGE_FINE_ORGANISATION
        if fine >= limit:
            who = _("公民") if person else _("法人或其他组织")
            return _("对%(who)s拟罚款%(fine)s元，达到较大数额%(limit)s元（行政处罚法第六十三条）") % {
                "who": who,
                "fine": f"{fine:,.2f}",
                "limit": f"{limit:,.0f}",
            }
    return None


def hearing_applies(case: PenaltyCase) -> bool:
    """The intended penalty gives the party the right to a hearing (Art. 63)."""
    return bool(hearing_reason(case.party_type, list(case.penalty_kinds or []), case.fine_amount))


def hearing_pending(case: PenaltyCase) -> bool:
    """The party asked for a hearing that has not been held: the case waits for it (Art. 65)."""
    return bool(case.hearing_requested_on) and not case.hearing_held


def review_applies(case: PenaltyCase) -> bool:
    """法制审核 (Art. 58): major public interest, complex, required by law, or a hearing case."""
    return case.review_required or case.major_case or case.hearing_held or hearing_applies(case)


def has_fine(case: PenaltyCase) -> bool:
    return PenaltyKind.FINE in (case.penalty_kinds or []) and bool(case.fine_amount)


def late_fee(fine: Decimal, due_on: datetime.date, paid_on: datetime.date) -> Decimal:
    """加处罚款 (Art. 72): 3% of the fine for each day after the due day, never more than the fine."""
    days = (paid_on - due_on).days
    if days <= 0 or not fine:
        return Decimal("0.00")
    fee = (fine * LATE_FEE_RATE * days).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return min(fee, fine)


def continuous_days(start: datetime.date, end: datetime.date) -> int:
    """Days of a daily continuous fine (安全生产法 Art. 112), both ends included."""
    return (end - start).days + 1


def continuous_fine(daily: Decimal, start: datetime.date, end: datetime.date) -> Decimal:
    return daily * continuous_days(start, end)


def decision_limit(filed_on: datetime.date) -> datetime.date:
    return add_days(filed_on, DECISION_DAYS)


def statement_due(notified_on: datetime.date, calendar: WorkdayCalendar | None = None) -> datetime.date:
    return (calendar or WorkdayCalendar()).add_workdays(notified_on, STATEMENT_DAYS)


def earliest_hearing(notified_on: datetime.date, calendar: WorkdayCalendar | None = None) -> datetime.date:
    return (calendar or WorkdayCalendar()).add_workdays(notified_on, HEARING_NOTICE_DAYS)


def service_due(decided_on: datetime.date, calendar: WorkdayCalendar | None = None) -> datetime.date:
    return (calendar or WorkdayCalendar()).add_workdays(decided_on, SERVICE_DAYS)


def payment_due(served_on: datetime.date) -> datetime.date:
    return add_days(served_on, PAYMENT_DAYS)


def court_earliest(demanded_on: datetime.date, calendar: WorkdayCalendar | None = None) -> datetime.date:
    return (calendar or WorkdayCalendar()).add_workdays(demanded_on, DEMAND_DAYS)
