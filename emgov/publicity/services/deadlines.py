"""The clocks of the publicity app, in working days: the answer to a disclosure request (条例第三十条至
第三十三条) and the publication of a decision (双公示, 7 working days).

A request's periods come from the rule table (`publicity.rules`), read on its receipt date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from emgov.core import rules as core_rules
from emgov.core.workdays import WorkdayCalendar, coverage_warning
from emgov.publicity import rules


def request_days(request, rule: core_rules.Rule) -> int:
    """The rule's days in force on the request's receipt date, for its region."""
    return core_rules.days(rule.key, on=request.received_on, region=getattr(request, "region", None))


def supplement_due(request, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """The end of the period the applicant was given to complete the application (条例第三十条): the
    notice's own, or (for a notice recorded without one) the rule's days after the notice."""
    if not request.supplement_requested_on:
        return None
    if request.supplement_due_on:
        return request.supplement_due_on
    days = request_days(request, rules.SUPPLEMENT_PERIOD_DAYS)
    return (calendar or WorkdayCalendar()).add_workdays(request.supplement_requested_on, days)


@dataclass
class Clock:
    """The due date of a request and the steps it was computed from, in words."""

    due_on: datetime.date | None
    steps: list[tuple[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    waiting: str | None = None
    warnings: list[str] = field(default_factory=list)


def _d(day: datetime.date) -> str:
    return f"{day:%Y-%m-%d}"


def compute_clock(request, calendar: WorkdayCalendar | None = None) -> Clock:
    """The clock of `request` (saved or not): its due date, and how it follows from the request's dates."""
    calendar = calendar or WorkdayCalendar()
    steps: list[tuple[str, str]] = [(_("收到申请"), _d(request.received_on))]
    if request.supplement_requested_on:
        due = supplement_due(request, calendar)
        steps.append(
            (
                _("通知补正"),
                _("%(day)s，补正期限至%(due)s")
                % {"day": _d(request.supplement_requested_on), "due": _d(due)},
            )
        )
        if request.withdrawn_on:
            steps.append((_("视为放弃申请"), _d(request.withdrawn_on)))
            return Clock(
                None,
                steps,
                waiting=_("申请人无正当理由逾期不补正，视为放弃申请，本机关不再处理该申请（条例第三十条）。"),
                warnings=_warnings({request.received_on.year}),
            )
        if not request.supplement_completed_on:
            return Clock(
                None,
                steps,
                waiting=_(
                    "等待申请人补正：收到补正后的申请之日起重新计算答复期限；申请人无正当理由逾期（%(due)s后）"
                    "不补正的，视为放弃申请（条例第三十条）。"
                )
                % {"due": _d(due)},
                warnings=_warnings({request.received_on.year, due.year}),
            )
        steps.append(
            (
                _("收到补正后的申请"),
                _("%(day)s，答复期限自该日起重新计算") % {"day": _d(request.supplement_completed_on)},
            )
        )
    start = request.supplement_completed_on or request.received_on
    answer_days = request_days(request, rules.ANSWER_DAYS)
    consultation_days = request_days(request, rules.CONSULTATION_DAYS)
    days = answer_days
    steps.append((_("法定答复期限"), _("%(n)d个工作日（条例第三十三条第二款）") % {"n": answer_days}))
    if request.extension_days:
        days += request.extension_days
        steps.append(
            (
                _("延长答复期限"),
                _("%(n)d个工作日，%(by)s于%(approved)s批准，%(notified)s告知申请人")
                % {
                    "n": request.extension_days,
                    "by": request.extension_approved_by,
                    "approved": _d(request.extension_approved_on),
                    "notified": _d(request.extension_notified_on),
                },
            )
        )
    paused = 0
    if request.consultation_sent_on:
        if request.consultation_replied_on:
            counted = calendar.workdays_between(request.consultation_sent_on, request.consultation_replied_on)
            paused = min(counted, consultation_days)
            text = _("%(sent)s发出，%(replied)s答复，%(n)d个工作日不计入答复期限") % {
                "sent": _d(request.consultation_sent_on),
                "replied": _d(request.consultation_replied_on),
                "n": paused,
            }
            if counted > consultation_days:
                text += _("（第三方逾期答复，最多扣除%(max)d个工作日）") % {"max": consultation_days}
        else:
            paused = consultation_days
            text = _(
                "%(sent)s发出，尚未答复：暂按第三方答复期限%(max)d个工作日不计入答复期限，收到答复后按实际天数重新计算"
            ) % {
                "sent": _d(request.consultation_sent_on),
                "max": consultation_days,
            }
        steps.append((_("征求第三方意见"), text))
    due = calendar.add_workdays(start, days + paused)
    steps.append(
        (
            _("答复期限"),
            _("%(start)s后第%(n)d个工作日：%(due)s")
            % {"start": _d(start), "n": days + paused, "due": _d(due)},
        )
    )
    return Clock(due, steps, sorted(calendar.sources), warnings=_warnings({start.year, due.year}))


def _warnings(years: set[int]) -> list[str]:
    return [w for w in (coverage_warning(y) for y in sorted(years)) if w]


def publication_due(
    decided_on: datetime.date | None, calendar: WorkdayCalendar | None = None
) -> datetime.date | None:
    """双公示: the last day to publish a decision, 7 working days after it (the rule in force on the
    decision day: `publicity.penalty_publication_days`)."""
    if decided_on is None:
        return None
    days = core_rules.days(rules.PENALTY_PUBLICATION_DAYS.key, on=decided_on)
    return (calendar or WorkdayCalendar()).add_workdays(decided_on, days)
