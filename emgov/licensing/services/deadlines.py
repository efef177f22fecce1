"""The clocks of a licensing case (行政许可法第三节 期限), in working days (第八十二条).

- 补正: what is missing is told once, in full, within 5 working days of receipt; without a notice in
  time the application counts as accepted on the day it was received (第三十二条第一款第四项), and
  the decision's time limit runs from that day.
- 决定: the item's time limit (or the law's 20 working days) from acceptance, plus an approved
  extension (第四十二条), plus the time of hearings, tests and expert reviews (第四十五条).
- 发证 within 10 working days of a decision to grant (第四十四条); 双公示 within 7 working days.
Every number comes from the rule table (`licensing.rules`), in the version in force on the case's
date. The due dates stored on a case are recomputed when the holiday calendar changes
(`due_dates_recompute`, registered on `core.hooks.recompute_due_dates`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar, calendar_period_end, coverage_warnings
from emgov.licensing import rules
from emgov.licensing.models import ExcludedPeriod, LicensingCase, LicensingResult

DAY = datetime.timedelta(days=1)
# The due dates a case stores, derived from its dates by `derive_deadlines`.
STORED_DUE_DATES = ("decision_due_on", "publication_due_on")


def _d(day: datetime.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def add_period(calendar: WorkdayCalendar, start: datetime.date, days: int, *, working: bool) -> datetime.date:
    """The last day of a period of `days` after `start` (the start day not counted).

    Working days count only 工作日. Natural days (自然日) count every day; when the last one is a
    statutory holiday or a rest day, the period ends on the next working day.
    """
    if working:
        return calendar.add_workdays(start, days)
    return calendar_period_end(start, days, calendar)


def time_limit(case: LicensingCase) -> tuple[int, bool]:
    """The decision's time limit: the item's (days, in working days?), else the law's 20 working days."""
    if case.item_id:
        return case.item.time_limit_days, case.item.working_days
    return rules.value(case, rules.DECISION_DAYS), True


def extension_days(case: LicensingCase) -> int:
    """The days an approved extension adds: the item's, else the law's 10 working days (第四十二条)."""
    if case.item_id:
        return case.item.extension_days
    return rules.value(case, rules.EXTENSION_DAYS)


# 补正 and acceptance (第三十二条) --------------------------------------------------------------------


def supplement_due(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """The last day to tell the applicant, once and in full, what to supplement: 5 working days after
    the application materials were received (第三十二条第一款第四项)."""
    if not case.applied_on:
        return None
    days = rules.value(case, rules.SUPPLEMENT_NOTICE_DAYS)
    return (calendar or WorkdayCalendar()).add_workdays(case.applied_on, days)


def deemed_accepted(
    case: LicensingCase, today: datetime.date | None = None, calendar: WorkdayCalendar | None = None
) -> bool:
    """Whether the application counts as accepted on the day it was received (第三十二条第一款第四项):
    no 补正 notice was given within the 5 working days, and the case was accepted after them — or, with
    `today`, is still not accepted after them."""
    if not case.applied_on or case.supplement_requested_on:
        return False
    day = case.accepted_on or today
    if day is None:
        return False
    return day > supplement_due(case, calendar)


def clock_start(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """The day the decision's time limit runs from: acceptance, or receipt when acceptance is deemed."""
    if not case.accepted_on:
        return None
    return case.applied_on if deemed_accepted(case, calendar=calendar) else case.accepted_on


# The decision (第四十二条, 第四十五条) ------------------------------------------------------------------


def excluded_periods(case: LicensingCase) -> list[ExcludedPeriod]:
    """The case's live hearings, tests and reviews (read through a prefetch where there is one)."""
    if case.pk is None:
        return []
    live = [p for p in case.excluded_periods.all() if p.voided_at is None]
    return sorted(live, key=lambda p: (p.started_on, p.pk))


def period_days(period: ExcludedPeriod, calendar: WorkdayCalendar, *, working: bool) -> int:
    """The days of a hearing, test or review not counted in the time limit, both ends included."""
    if working:
        return calendar.workdays_between(period.started_on - DAY, period.ended_on)
    return (period.ended_on - period.started_on).days + 1


def decision_due(
    case: LicensingCase,
    calendar: WorkdayCalendar | None = None,
    periods: Iterable[ExcludedPeriod] | None = None,
) -> datetime.date | None:
    """办理期限: the time limit from the clock's start, plus an approved extension and the excluded time."""
    calendar = calendar or WorkdayCalendar()
    start = clock_start(case, calendar)
    if start is None:
        return None
    days, working = time_limit(case)
    periods = excluded_periods(case) if periods is None else periods
    excluded = sum(period_days(p, calendar, working=working) for p in periods)
    return add_period(calendar, start, days + case.extension_days + excluded, working=working)


def deemed_decision_due(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """For an application not yet accepted: the decision's due date if it counts as accepted on receipt."""
    if not case.applied_on:
        return None
    days, working = time_limit(case)
    return add_period(calendar or WorkdayCalendar(), case.applied_on, days, working=working)


# After the decision (第四十四条, 双公示) -----------------------------------------------------------------


def certificate_due(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """行政许可法第四十四条: the certificate within 10 working days of the decision to grant."""
    if not (case.decided_on and case.result == LicensingResult.GRANTED):
        return None
    days = rules.value(case, rules.CERTIFICATE_DAYS)
    return (calendar or WorkdayCalendar()).add_workdays(case.decided_on, days)


def publication_due(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """双公示: a decision to grant is published within 7 working days of the decision."""
    if not (case.decided_on and case.needs_publication):
        return None
    days = rules.value(case, rules.PUBLICATION_DAYS)
    return (calendar or WorkdayCalendar()).add_workdays(case.decided_on, days)


def certificate_warning(case: LicensingCase) -> str | None:
    due = certificate_due(case)
    if case.certificate_issued_on and due and case.certificate_issued_on > due:
        return _(
            "发证日期%(issued)s晚于法定期限%(due)s：行政许可法第四十四条要求自作出准予许可决定之日起"
            "%(n)d个工作日内颁发、送达证书（第八十二条）。"
        ) % {
            "issued": _d(case.certificate_issued_on),
            "due": _d(due),
            "n": rules.value(case, rules.CERTIFICATE_DAYS),
        }
    return None


def derive_deadlines(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> None:
    """Set the due dates a case stores from its dates (and, when saved, its excluded periods)."""
    calendar = calendar or WorkdayCalendar()
    case.decision_due_on = decision_due(case, calendar)
    case.publication_due_on = publication_due(case, calendar)


# What the case page says -------------------------------------------------------------------------


@dataclass
class Clock:
    """The case's time limits as the page explains them: each line a (label, text) pair."""

    lines: list[tuple[str, str]]
    deemed: str | None
    warnings: list[str]


def explain(case: LicensingCase, today: datetime.date) -> Clock:
    """How the case's decision due date follows from its dates, in words, with the articles."""
    calendar = WorkdayCalendar()
    lines: list[tuple[str, str]] = []
    deemed = None
    notice_due = supplement_due(case, calendar)
    if case.applied_on:
        lines.append((_("收到申请材料"), _d(case.applied_on)))
    if case.supplement_requested_on:
        lines.append(
            (
                _("一次性告知补正"),
                _("%(on)s告知（期限%(due)s，行政许可法第三十二条第一款第四项）")
                % {"on": _d(case.supplement_requested_on), "due": _d(notice_due)},
            )
        )
        if case.supplement_completed_on:
            lines.append((_("补正材料收齐"), _d(case.supplement_completed_on)))
    elif notice_due and not case.accepted_on:
        lines.append(
            (
                _("补正告知期限"),
                _(
                    "%(due)s（申请材料不齐全或者不符合法定形式的，应在此前一次告知需要补正的全部内容；"
                    "逾期不告知的，自收到申请材料之日起即为受理）"
                )
                % {"due": _d(notice_due)},
            )
        )
    if case.accepted_on:
        lines.append((_("受理日期"), _d(case.accepted_on)))
    if deemed_accepted(case, today, calendar):
        deemed = _(
            "未在%(due)s前告知补正：依行政许可法第三十二条第一款第四项，申请自收到申请材料之日（%(on)s）"
            "起即为受理，办理期限自该日起计算。"
        ) % {"due": _d(notice_due), "on": _d(case.applied_on)}
        if not case.accepted_on:
            deemed += _("应于%(d)s前作出决定。") % {"d": _d(deemed_decision_due(case, calendar))}
    start = clock_start(case, calendar)
    if start:
        days, working = time_limit(case)
        unit = _("个工作日") if working else _("日")
        lines.append(
            (
                _("办理时限"),
                _("自%(start)s起%(n)d%(unit)s") % {"start": _d(start), "n": days, "unit": unit},
            )
        )
        if case.extension_days:
            who = case.extension_approver.full_name if case.extension_approver_id else ""
            lines.append(
                (
                    _("延长"),
                    _("%(n)d%(unit)s，%(who)s于%(on)s批准（行政许可法第四十二条第一款）")
                    % {
                        "n": case.extension_days,
                        "unit": unit,
                        "who": who or case.extension_approved_by,
                        "on": _d(case.extended_on),
                    },
                )
            )
        for period in excluded_periods(case):
            lines.append(
                (
                    _("不计入期限：%(kind)s") % {"kind": period.kind},
                    _("%(start)s至%(end)s，%(n)d%(unit)s，%(told)s书面告知申请人（行政许可法第四十五条）")
                    % {
                        "start": _d(period.started_on),
                        "end": _d(period.ended_on),
                        "n": period_days(period, calendar, working=working),
                        "unit": unit,
                        "told": _d(period.notified_on),
                    },
                )
            )
    due = case.decision_due_on
    warnings = coverage_warnings(case.applied_on, start, due, case.decided_on, case.publication_due_on)
    return Clock(lines, deemed, warnings)


# Holiday changes ---------------------------------------------------------------------------------


def due_dates_recompute(
    *, actor: User | None, dates: list[datetime.date], reason: str, via: str = VIA_WEB
) -> int:
    """After a 节假日调整 of `dates`: recompute the stored due dates of the live cases whose period may
    include one of them (those due on or after the first), each change audited with `reason`."""
    first = min(dates)
    cases = (
        LicensingCase.objects.filter(voided_at__isnull=True)
        .filter(Q(decision_due_on__gte=first) | Q(publication_due_on__gte=first))
        .select_related("item", "enterprise__town", "region")
        .prefetch_related("excluded_periods")
        .order_by("pk")
    )
    calendar = WorkdayCalendar()
    changed = 0
    for case in cases:
        before = {name: getattr(case, name) for name in STORED_DUE_DATES}
        derive_deadlines(case, calendar)
        changes = {
            name: getattr(case, name) for name in STORED_DUE_DATES if getattr(case, name) != before[name]
        }
        if changes:
            services.record_update(case, actor=actor, changes=changes, via=via, reason=reason)
            changed += 1
    return changed
