"""The rules of 行政处罚法 that a case's steps check: time limits, hearing triggers, legal review, the
late fee and court enforcement.

Every number is declared once in the rule table (`core.rules`, listed on the page 法定期限与规则) and
read with the version in force on the case's filing date (`on=case.filed_on`) for the case's region,
so that a new version with a later effective date changes only the cases filed after it.

Periods: those of 行政处罚法 of up to seven days count working days (Art. 85), as those of 行政强制法 of
up to ten days (Art. 69); the others count calendar days, and a calendar-day period whose last day is a
statutory holiday or rest day ends on the next working day (`core.workdays.calendar_period_end`).
"""

from __future__ import annotations

import calendar as month_calendar
import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.cases.models import PartyType, PenaltyCase, PenaltyKind
from emgov.core import rules
from emgov.core.workdays import WorkdayCalendar, add_days, calendar_period_end

DAYS = gettext_lazy("日")
WORKING_DAYS = gettext_lazy("工作日")
MONTHS = gettext_lazy("个月")
YUAN = gettext_lazy("元")

# Holiday rule of calendar-day periods: 民事诉讼法第八十五条 (期间的最后一日是法定休假日的，以法定休假日后
# 的第一日为期间的最后一日), applied to administrative cases by 行政诉讼法第一百零一条.
HOLIDAY_RULE = "民事诉讼法第八十五条第三款（行政诉讼法第一百零一条）"
HOLIDAY_TO_CONFIRM = gettext_lazy(
    "行政处罚法未规定期间届满日遇节假日的顺延，按民事诉讼法期间规定顺延，待确认"
)

# Periods ------------------------------------------------------------------------------------------

STATEMENT_DAYS = rules.declare(
    "cases.statement_days",
    gettext_lazy("陈述申辩、申请听证期限"),
    5,
    WORKING_DAYS,
    "行政处罚法第六十四条第（一）项、第八十五条",
    gettext_lazy("告知书送达当事人之日起计算；期限内未记录陈述申辩或书面放弃的，不能作出处罚决定"),
)
HEARING_NOTICE_DAYS = rules.declare(
    "cases.hearing_notice_days",
    gettext_lazy("听证通知提前期"),
    7,
    WORKING_DAYS,
    "行政处罚法第六十四条第（二）项、第八十五条",
    gettext_lazy("听证通知：举行听证的七个工作日前通知当事人"),
)
SERVICE_DAYS = rules.declare(
    "cases.service_days",
    gettext_lazy("处罚决定书送达期限（当事人不在场）"),
    7,
    WORKING_DAYS,
    "行政处罚法第六十一条第一款、第八十五条",
    gettext_lazy("送达决定书：自决定之日起计算"),
)
DECISION_DAYS = rules.declare(
    "cases.decision_days",
    gettext_lazy("作出处罚决定期限"),
    90,
    DAYS,
    f"行政处罚法第六十条；届满日为节假日的顺延：{HOLIDAY_RULE}",
    gettext_lazy("立案之日起计算；届满日为节假日的，顺延至节假日后第一个工作日"),
    to_confirm=gettext_lazy(
        "行政处罚法第六十条允许规章另行规定；《安全生产违法行为行政处罚办法》（令第77号）第三十条"
        "规定的办案期限未核对原文；节假日顺延见上"
    ),
)
EXTENSION_DAYS = rules.declare(
    "cases.extension_days",
    gettext_lazy("延长办案期限（每次最长）"),
    30,
    DAYS,
    "行政处罚法第六十条",
    gettext_lazy("延长办案期限：期限届满前经本局负责人批准，每次自现有期限起最长延长的天数"),
    to_confirm=gettext_lazy(
        "应急管理部门办案期限延长的规章条文未核对原文（二手资料：令第77号第三十条经负责人同意可延长、"
        "特殊情况经上一级批准；其他部门规章多为经负责人批准延长三十日）"
    ),
)
DECISION_MAX_DAYS = rules.declare(
    "cases.decision_max_days",
    gettext_lazy("办案期限（含延长）最长"),
    180,
    DAYS,
    "行政处罚法第六十条",
    gettext_lazy("延长办案期限：延长后的期限自立案之日起不得超过的天数"),
    to_confirm=gettext_lazy(
        "据二手资料，令第77号第三十条规定特殊情况经上一级批准可延长至一百八十日，未核对原文"
    ),
)
PAYMENT_DAYS = rules.declare(
    "cases.payment_days",
    gettext_lazy("缴纳罚款期限"),
    15,
    DAYS,
    f"行政处罚法第六十七条第三款；届满日为节假日的顺延：{HOLIDAY_RULE}",
    gettext_lazy("收到处罚决定书之日起计算；届满日为节假日的，顺延至节假日后第一个工作日"),
    to_confirm=HOLIDAY_TO_CONFIRM,
)
LATE_FEE_RATE = rules.declare(
    "cases.late_fee_rate",
    gettext_lazy("加处罚款比例（每日）"),
    "0.03",
    gettext_lazy("（罚款数额的比例）"),
    "行政处罚法第七十二条第一款第（一）项",
    gettext_lazy(
        "逾期缴纳：每日按罚款数额加处，总额不超过罚款数额；复议、诉讼期间不计算（第七十三条第三款）"
    ),
)
DEMAND_DAYS = rules.declare(
    "cases.demand_days",
    gettext_lazy("催告后申请强制执行的等待期"),
    10,
    WORKING_DAYS,
    "行政强制法第五十四条、第六十九条",
    gettext_lazy("申请法院强制执行：催告书送达十日后当事人仍未履行"),
)
REVIEW_PERIOD_DAYS = rules.declare(
    "cases.review_period_days",
    gettext_lazy("申请行政复议期限"),
    60,
    DAYS,
    "行政复议法第二十条第一款（2023年修订；修订前为第九条第一款）",
    gettext_lazy("申请法院强制执行：复议期限届满前不能申请（行政强制法第五十三条）"),
)
LAWSUIT_PERIOD_MONTHS = rules.declare(
    "cases.lawsuit_period_months",
    gettext_lazy("提起行政诉讼期限"),
    6,
    MONTHS,
    "行政诉讼法第四十六条第一款",
    gettext_lazy("申请法院强制执行：诉讼期限届满前不能申请（行政强制法第五十三条）"),
)
COURT_WINDOW_MONTHS = rules.declare(
    "cases.court_window_months",
    gettext_lazy("申请法院强制执行期限"),
    3,
    MONTHS,
    "行政强制法第五十三条",
    gettext_lazy("复议、诉讼期限届满之日起计算"),
)

# Art. 63: the "large amounts" that give the right to a hearing, by party type. 行政处罚法 leaves them to
# the ministries and provinces; 《安全生产违法行为行政处罚办法》 Art. 33 para. 2 sets them where the
# province has none.
HEARING_TO_CONFIRM = gettext_lazy(
    "广东省规定的较大数额优先适用（据广东省政府网站问答：公民5000元以上、法人或者其他组织10万元以上，"
    "待核对《广东省行政处罚听证程序实施办法》原文后由管理员按区划添加版本）；"
    "令第77号第三十三条第二款的数额取自二手资料，未核对原文"
)
HEARING_FINE_PERSON = rules.declare(
    "cases.hearing_fine_person",
    gettext_lazy("听证：较大数额罚款（公民）"),
    10000,
    YUAN,
    "行政处罚法第六十三条第一款第（一）项；安全生产违法行为行政处罚办法第三十三条第二款",
    gettext_lazy("告知：达到该数额的，同时告知听证权利；当事人可申请听证"),
    to_confirm=HEARING_TO_CONFIRM,
)
HEARING_FINE_SOLE_TRADER = rules.declare(
    "cases.hearing_fine_sole_trader",
    gettext_lazy("听证：较大数额罚款（个体工商户）"),
    30000,
    YUAN,
    "行政处罚法第六十三条第一款第（一）项；安全生产违法行为行政处罚办法第三十三条第二款",
    gettext_lazy("告知：达到该数额的，同时告知听证权利；当事人可申请听证"),
    to_confirm=gettext_lazy("令第77号按生产经营单位计；广东省规定可能将个体工商户按公民计，待核对"),
)
HEARING_FINE_ORGANISATION = rules.declare(
    "cases.hearing_fine_organisation",
    gettext_lazy("听证：较大数额罚款（法人或者其他组织）"),
    30000,
    YUAN,
    "行政处罚法第六十三条第一款第（一）项；安全生产违法行为行政处罚办法第三十三条第二款",
    gettext_lazy("告知：达到该数额的，同时告知听证权利；当事人可申请听证"),
    to_confirm=HEARING_TO_CONFIRM,
)
CONFISCATION_TO_CONFIRM = gettext_lazy(
    "部门规章未见没收较大数额违法所得、较大价值非法财物的数额，默认与较大数额罚款相同（广东省规定为"
    "“等价值违法所得或者非法财物”，待核对）"
)
HEARING_CONFISCATION_PERSON = rules.declare(
    "cases.hearing_confiscation_person",
    gettext_lazy("听证：没收较大数额违法所得或较大价值非法财物（公民）"),
    10000,
    YUAN,
    "行政处罚法第六十三条第一款第（二）项",
    gettext_lazy("告知：没收数额达到该数额的，同时告知听证权利"),
    to_confirm=CONFISCATION_TO_CONFIRM,
)
HEARING_CONFISCATION_SOLE_TRADER = rules.declare(
    "cases.hearing_confiscation_sole_trader",
    gettext_lazy("听证：没收较大数额违法所得或较大价值非法财物（个体工商户）"),
    30000,
    YUAN,
    "行政处罚法第六十三条第一款第（二）项",
    gettext_lazy("告知：没收数额达到该数额的，同时告知听证权利"),
    to_confirm=CONFISCATION_TO_CONFIRM,
)
HEARING_CONFISCATION_ORGANISATION = rules.declare(
    "cases.hearing_confiscation_organisation",
    gettext_lazy("听证：没收较大数额违法所得或较大价值非法财物（法人或者其他组织）"),
    30000,
    YUAN,
    "行政处罚法第六十三条第一款第（二）项",
    gettext_lazy("告知：没收数额达到该数额的，同时告知听证权利"),
    to_confirm=CONFISCATION_TO_CONFIRM,
)

HEARING_FINE = {
    PartyType.NATURAL_PERSON: HEARING_FINE_PERSON,
    PartyType.SOLE_TRADER: HEARING_FINE_SOLE_TRADER,
    PartyType.LEGAL_PERSON: HEARING_FINE_ORGANISATION,
    PartyType.UNINCORPORATED: HEARING_FINE_ORGANISATION,
}
HEARING_CONFISCATION = {
    PartyType.NATURAL_PERSON: HEARING_CONFISCATION_PERSON,
    PartyType.SOLE_TRADER: HEARING_CONFISCATION_SOLE_TRADER,
    PartyType.LEGAL_PERSON: HEARING_CONFISCATION_ORGANISATION,
    PartyType.UNINCORPORATED: HEARING_CONFISCATION_ORGANISATION,
}
PARTY_WORDS = {
    PartyType.NATURAL_PERSON: gettext_lazy("公民"),
    PartyType.SOLE_TRADER: gettext_lazy("个体工商户"),
    PartyType.LEGAL_PERSON: gettext_lazy("法人或者其他组织"),
    PartyType.UNINCORPORATED: gettext_lazy("法人或者其他组织"),
}

# Art. 63: heavy penalties that give the right to a hearing.
HEARING_KINDS = {
    PenaltyKind.DOWNGRADE,
    PenaltyKind.REVOKE_LICENCE,
    PenaltyKind.SUSPEND_BUSINESS,
    PenaltyKind.CLOSE,
    PenaltyKind.BAN_PRACTICE,
    PenaltyKind.RESTRICT_BUSINESS,
}
CONFISCATION_KINDS = {PenaltyKind.CONFISCATE_GAINS, PenaltyKind.CONFISCATE_PROPERTY}
# Art. 57 para. 2: heavier penalties for serious violations are decided by the heads collectively.
DISCUSSION_KINDS = HEARING_KINDS


# Reading a rule for a case ------------------------------------------------------------------------


def case_region(case: PenaltyCase) -> Any:
    """The region whose rule versions apply to the case: its enterprise's town, its visit's, its own."""
    for lookup in case.scope:
        target: Any = case
        for part in lookup.split("__"):
            target = getattr(target, part, None)
            if target is None:
                break
        if target is not None:
            return target
    return getattr(case.department, "region", None) if case.department_id else None


def value(rule: rules.Rule, case: PenaltyCase | None = None, *, on: datetime.date | None = None) -> Any:
    """The rule's value for `case`: the version in force on its filing date, for its region."""
    if case is not None:
        return rules.value(rule.key, on=case.filed_on, region=case_region(case))
    return rules.value(rule.key, on=on)


def days(rule: rules.Rule, case: PenaltyCase | None = None, *, on: datetime.date | None = None) -> int:
    return int(value(rule, case, on=on))


# Counting periods ---------------------------------------------------------------------------------


def add_months(start: datetime.date, n: int) -> datetime.date:
    """The day of the n-th month after `start` with the same number (the month's last day if it has none)."""
    month = start.month - 1 + n
    year, month = start.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(start.day, month_calendar.monthrange(year, month)[1]))


def months_end(start: datetime.date, n: int, calendar: WorkdayCalendar | None = None) -> datetime.date:
    """The last day of a period of `n` months after `start`, moved past a holiday like `calendar_period_end`."""
    return (calendar or WorkdayCalendar()).add_workdays(add_months(start, n), 0)


def decision_limit(case: PenaltyCase, calendar: WorkdayCalendar | None = None) -> datetime.date:
    """The 90-day limit of the decision (Art. 60), from filing."""
    return calendar_period_end(case.filed_on, days(DECISION_DAYS, case), calendar)


def extension_bound(case: PenaltyCase, calendar: WorkdayCalendar | None = None) -> datetime.date:
    """The latest limit one extension may set: at most `extension_days` after the current limit and at
    most `decision_max_days` after filing (Art. 60; the rule table)."""
    current = case.decision_due_on or decision_limit(case, calendar)
    return min(
        calendar_period_end(current, days(EXTENSION_DAYS, case), calendar),
        calendar_period_end(case.filed_on, days(DECISION_MAX_DAYS, case), calendar),
    )


def statement_due(case: PenaltyCase, received_on: datetime.date, calendar: WorkdayCalendar | None = None):
    """The last day for the statement and the hearing request: 5 working days from receiving the notice."""
    return (calendar or WorkdayCalendar()).add_workdays(received_on, days(STATEMENT_DAYS, case))


def earliest_hearing(case: PenaltyCase, notified_on: datetime.date, calendar: WorkdayCalendar | None = None):
    return (calendar or WorkdayCalendar()).add_workdays(notified_on, days(HEARING_NOTICE_DAYS, case))


def service_due(case: PenaltyCase, decided_on: datetime.date, calendar: WorkdayCalendar | None = None):
    return (calendar or WorkdayCalendar()).add_workdays(decided_on, days(SERVICE_DAYS, case))


def payment_due(case: PenaltyCase, served_on: datetime.date, calendar: WorkdayCalendar | None = None):
    """15 days from receiving the decision (Art. 67), the next working day when the last is a holiday."""
    return calendar_period_end(served_on, days(PAYMENT_DAYS, case), calendar)


def court_earliest(case: PenaltyCase, demanded_on: datetime.date, calendar: WorkdayCalendar | None = None):
    """The 10th working day after the demand was served (行政强制法第五十四条)."""
    return (calendar or WorkdayCalendar()).add_workdays(demanded_on, days(DEMAND_DAYS, case))


def challenge_periods_end(case: PenaltyCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """The day the periods for review (60 days) and lawsuit (6 months) from service both end, or None
    before service (行政强制法第五十三条)."""
    if not case.served_on:
        return None
    calendar = calendar or WorkdayCalendar()
    return max(
        calendar_period_end(case.served_on, days(REVIEW_PERIOD_DAYS, case), calendar),
        months_end(case.served_on, days(LAWSUIT_PERIOD_MONTHS, case), calendar),
    )


def court_window(
    case: PenaltyCase, calendar: WorkdayCalendar | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """The days on which the bureau may apply to the court (行政强制法第五十三条、第五十四条): after the
    review and lawsuit periods have passed and 10 working days after the demand, within the 3 months
    after the periods end. None before service."""
    calendar = calendar or WorkdayCalendar()
    periods_end = challenge_periods_end(case, calendar)
    if periods_end is None:
        return None
    first = add_days(periods_end, 1)
    if case.demanded_on:
        first = max(first, court_earliest(case, case.demanded_on, calendar))
    return first, court_window_end(case, periods_end, calendar)


def court_window_end(
    case: PenaltyCase, periods_end: datetime.date, calendar: WorkdayCalendar | None = None
) -> datetime.date:
    """The last day to apply to the court: 3 months after the review and lawsuit periods end."""
    return months_end(periods_end, days(COURT_WINDOW_MONTHS, case), calendar)


# Hearing, review, discussion ----------------------------------------------------------------------


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def hearing_reason(case: PenaltyCase) -> str | None:
    """Why the intended penalty gives the party the right to a hearing (Art. 63), or None."""
    kinds = list(case.penalty_kinds or [])
    heavy = [k for k in kinds if k in HEARING_KINDS]
    if heavy:
        return _("拟给予%(k)s（行政处罚法第六十三条）") % {"k": "、".join(heavy)}
    who = PARTY_WORDS.get(case.party_type, PARTY_WORDS[PartyType.LEGAL_PERSON])
    if PenaltyKind.FINE in kinds and case.fine_amount:
        limit = value(HEARING_FINE.get(case.party_type, HEARING_FINE_ORGANISATION), case)
        if case.fine_amount >= limit:
            return _(
                "对%(who)s拟罚款%(fine)s元，达到较大数额%(limit)s元（行政处罚法第六十三条第一款第（一）项）"
            ) % {
                "who": who,
                "fine": _money(case.fine_amount),
                "limit": _money(Decimal(limit)),
            }
    if set(kinds) & CONFISCATION_KINDS and case.confiscation_amount:
        limit = value(HEARING_CONFISCATION.get(case.party_type, HEARING_CONFISCATION_ORGANISATION), case)
        if case.confiscation_amount >= limit:
            return _(
                "对%(who)s拟没收违法所得、非法财物%(amount)s元，达到较大数额%(limit)s元（行政处罚法第六十三条第一款第（二）项）"
            ) % {"who": who, "amount": _money(case.confiscation_amount), "limit": _money(Decimal(limit))}
    return None


def hearing_applies(case: PenaltyCase) -> bool:
    """The intended penalty gives the party the right to a hearing (Art. 63)."""
    return bool(hearing_reason(case))


def hearing_pending(case: PenaltyCase) -> bool:
    """The party asked for a hearing that has not been held: the case waits for it (Art. 65)."""
    return bool(case.hearing_requested_on) and not case.hearing_held


def review_applies(case: PenaltyCase) -> bool:
    """法制审核 (Art. 58): major public interest, complex, required by law, or a hearing case."""
    return case.review_required or case.major_case or case.hearing_held or hearing_applies(case)


def discussion_applies(case: PenaltyCase) -> bool:
    """集体讨论 (Art. 57 para. 2): a case marked complex or major, or a heavy penalty (停产停业, 吊销 …)."""
    return case.major_case or bool(set(case.penalty_kinds or []) & DISCUSSION_KINDS)


def has_fine(case: PenaltyCase) -> bool:
    return PenaltyKind.FINE in (case.penalty_kinds or []) and bool(case.fine_amount)


# Execution ---------------------------------------------------------------------------------------


def suspended_days(
    periods: Iterable[tuple[datetime.date, datetime.date | None]], after: datetime.date, until: datetime.date
) -> int:
    """The days after `after` up to `until` during which a review or lawsuit ran (filed on its first day,
    ended on its last; still running: up to `until`), each day counted once (Art. 73 para. 3)."""
    days_off: set[datetime.date] = set()
    for start, end in periods:
        first = max(start, add_days(after, 1))
        last = min(end or until, until)
        day = first
        while day <= last:
            days_off.add(day)
            day = add_days(day, 1)
    return len(days_off)


def late_fee(
    case: PenaltyCase,
    paid_on: datetime.date,
    periods: Iterable[tuple[datetime.date, datetime.date | None]] = (),
) -> Decimal:
    """加处罚款 (Art. 72): a share of the fine (3%) for each day after the due day, never more than the
    fine; the days a review or lawsuit about the decision ran are not counted (Art. 73 para. 3)."""
    fine, due_on = case.fine_amount, case.payment_due_on
    if not fine or due_on is None:
        return Decimal("0.00")
    late_days = (paid_on - due_on).days - suspended_days(periods, due_on, paid_on)
    if late_days <= 0:
        return Decimal("0.00")
    rate = Decimal(value(LATE_FEE_RATE, case))
    fee = (fine * rate * late_days).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return min(fee, fine)


def continuous_days(start: datetime.date, end: datetime.date) -> int:
    """Days of a daily continuous fine (安全生产法 Art. 112), both ends included."""
    return (end - start).days + 1


def continuous_fine(daily: Decimal, start: datetime.date, end: datetime.date) -> Decimal:
    return daily * continuous_days(start, end)
