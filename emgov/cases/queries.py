"""Reads of cases reused by pages, the API and the to-do list: the time limits of a case and the
reminders (待办) they give, and the discretion grades in force."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import CaseStage, DiscretionGrade, DiscretionVersion, PenaltyCase
from emgov.core import clock
from emgov.core.models import User
from emgov.core.navigation import TodoItem, capped
from emgov.core.workdays import WorkdayCalendar, coverage_warning

REMIND_DAYS = 10  # reminders show limits falling due within this many days


@dataclass
class Deadline:
    key: str
    label: str
    due_on: datetime.date
    basis: str
    done_on: datetime.date | None = None
    overdue: bool = False
    late: bool = False
    lapsed: bool = False  # a period of the party's that ran out (it cannot be "overdue")
    starts_on: datetime.date | None = None  # a window's first day (court enforcement)


def _deadline(key, label, due, basis, done, today) -> Deadline:
    return Deadline(
        key,
        label,
        due,
        basis,
        done,
        overdue=done is None and today > due,
        late=done is not None and done > due,
    )


def case_deadlines(
    case: PenaltyCase, today: datetime.date | None = None, calendar: WorkdayCalendar | None = None
) -> list[Deadline]:
    """Every time limit that applies to the case so far, with the day it was met (if it was)."""
    today = today or clock.today()
    calendar = calendar or WorkdayCalendar()
    out: list[Deadline] = []
    if not case.stage or case.procedure != "普通程序":
        return out
    if case.decision_due_on:
        extended = case.decision_due_on != rules.decision_limit(case, calendar)
        basis = _("立案之日起九十日，届满日为节假日的顺延（行政处罚法第六十条）")
        if extended:
            basis += _("，经负责人批准延长")
        out.append(
            _deadline("decision", _("作出处罚决定"), case.decision_due_on, basis, case.decided_on, today)
        )
    if case.notified_on and case.statement_due_on:
        done = case.statement_on or case.hearing_requested_on
        out.append(
            _deadline(
                "statement",
                _("陈述申辩、申请听证"),
                case.statement_due_on,
                _("收到告知书（%(d)s）后五个工作日（行政处罚法第六十四条、第八十五条）")
                % {"d": f"{case.notice_served_on or case.notified_on:%Y-%m-%d}"},
                done,
                today,
            )
        )
        # The party's period: it lapses rather than falls overdue.
        out[-1].overdue = False
        out[-1].lapsed = done is None and today > case.statement_due_on
    if case.hearing_notified_on and case.hearing_on:
        earliest = rules.earliest_hearing(case, case.hearing_notified_on, calendar)
        out.append(
            Deadline(
                "hearing",
                _("举行听证（最早）"),
                earliest,
                _("听证七个工作日前通知当事人（行政处罚法第六十四条）"),
                case.hearing_on if case.hearing_held else None,
            )
        )
    if case.decided_on:
        due = rules.service_due(case, case.decided_on, calendar)
        out.append(
            _deadline(
                "service",
                _("送达决定书"),
                due,
                _("七个工作日内送达（行政处罚法第六十一条）"),
                case.served_on,
                today,
            )
        )
    if case.payment_due_on and rules.has_fine(case):
        out.append(
            _deadline(
                "payment",
                _("缴纳罚款"),
                case.payment_due_on,
                _(
                    "收到决定书之日起十五日，届满日为节假日的顺延（行政处罚法第六十七条），逾期每日加处3%罚款，"
                    "复议、诉讼期间不计算（第七十二条、第七十三条）"
                ),
                case.paid_on,
                today,
            )
        )
    window = rules.court_window(case, calendar) if case.served_on and rules.has_fine(case) else None
    if window and (case.demanded_on or case.court_applied_on or not case.paid_on):
        first, last = window
        basis = _(
            "复议（六十日）、诉讼（六个月）期限届满后三个月内，且催告书送达十个工作日后（行政强制法第五十三条、第五十四条）"
        )
        if not case.demanded_on and not case.court_applied_on:
            basis += _("；尚未催告")
        deadline = _deadline(
            "court", _("申请法院强制执行（期间）"), last, basis, case.court_applied_on, today
        )
        deadline.starts_on = first
        # Only a fine still owed makes the window a limit of the bureau's.
        deadline.overdue = deadline.overdue and not case.paid_on
        out.append(deadline)
    return out


def calendar_warnings(case: PenaltyCase) -> list[str]:
    dates = (
        case.notified_on,
        case.decided_on,
        case.decision_due_on,
        case.statement_due_on,
        case.payment_due_on,
    )
    years = {case.filed_on.year} | {d.year for d in dates if d}
    return [w for w in (coverage_warning(y) for y in sorted(years)) if w]


def _todo(case: PenaltyCase, label: str, due: datetime.date, today: datetime.date) -> TodoItem:
    return TodoItem(
        title=_("%(label)s：%(case)s（%(party)s）")
        % {"label": label, "case": case, "party": case.party_name},
        due=due,
        url=reverse("cases:penalties-detail", args=[case.pk]),
        kind=_("行政处罚"),
        overdue=today > due,
    )


def case_todos(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    """Reminders: decisions, service and payments falling due within 10 days or overdue."""
    today = today or clock.today()
    horizon = today + datetime.timedelta(days=REMIND_DAYS)
    kind = _("行政处罚")
    list_url = reverse("cases:penalties-list")
    live = (
        PenaltyCase.objects.visible_to(user)
        .live()
        .exclude(stage="")
        .only(
            "pk",
            "case_number",
            "decision_number",
            "party_name",
            "decision_due_on",
            "decided_on",
            "payment_due_on",
        )
    )
    items = capped(
        live.filter(decided_on__isnull=True, decision_due_on__lte=horizon).order_by("decision_due_on", "pk"),
        kind,
        f"{list_url}?decided=0",
        lambda c: _todo(c, _("处罚决定期限"), c.decision_due_on, today),
        label=_("处罚决定期限"),
    )
    items += capped(
        live.filter(stage__in=[CaseStage.SERVED, CaseStage.EXECUTION], paid_on__isnull=True)
        .filter(payment_due_on__lte=horizon, court_applied_on__isnull=True)
        .order_by("payment_due_on", "pk"),
        kind,
        f"{list_url}?paid=0",
        lambda c: _todo(c, _("缴纳罚款期限"), c.payment_due_on, today),
        label=_("缴纳罚款期限"),
    )
    calendar = WorkdayCalendar()
    undelivered = (
        PenaltyCase.objects.visible_to(user)
        .live()
        .filter(stage=CaseStage.DECIDED, served_on__isnull=True, procedure="普通程序")
        .select_related("enterprise__town", "visit__enterprise__town", "region")
        .order_by("decided_on", "pk")
    )
    service_due = [
        (c, due) for c in undelivered if (due := rules.service_due(c, c.decided_on, calendar)) <= horizon
    ]
    items += capped(
        service_due,
        kind,
        f"{list_url}?{urlencode({'stage': CaseStage.DECIDED})}",
        lambda pair: _todo(pair[0], _("送达期限"), pair[1], today),
        label=_("送达期限"),
    )
    return items


def current_grades(on: datetime.date | None = None) -> models.QuerySet[DiscretionGrade]:
    """The grades of the version in force on `on` (the latest effective one), for choosing in a form."""
    qs = DiscretionVersion.objects.all()
    if on is not None:
        qs = qs.filter(effective_from__lte=on)
    version = qs.order_by("-effective_from", "-pk").first()
    if version is None:
        return DiscretionGrade.objects.none()
    return DiscretionGrade.objects.filter(item__version=version).select_related("item__version")
