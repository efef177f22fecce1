"""陈述申辩 and 听证 (行政处罚法 Arts. 45, 63–65): the party's statement, the hearing request, notice and
hearing. The rules on the case itself (whether a hearing applies) are the guards of `cases.procedures`;
the checks here are on the dates the form gives."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import PenaltyCase
from emgov.cases.services.history import Entry, d, require_date
from emgov.core.models import User
from emgov.core.workdays import WorkdayCalendar


def case_statement(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    note: str,
    waives_hearing: bool = False,
) -> dict[str, Any]:
    """陈述申辩: the party's statement and defence (Art. 45), or its written waiver, recorded; with it the
    decision need not wait for the end of the party's period (a hearing case: with the hearing waived)."""
    require_date(on, "on", _("陈述申辩日期"))
    if case.notice_served_on and on < case.notice_served_on:
        raise ValidationError(
            {"on": _("陈述申辩日期不能早于告知书送达日期（%(d)s）。") % {"d": d(case.notice_served_on)}},
            code="before_notice",
        )
    if not (note or "").strip():
        raise ValidationError(
            {"note": _("必须记录当事人陈述申辩的内容（或书面放弃陈述申辩）。")}, code="statement_required"
        )
    return {"hearing_waived": bool(waives_hearing), "statement_on": on}


def hearing_request(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    """The party asks for a hearing: within 5 working days of receiving the notice (Art. 64)."""
    require_date(on, "on", _("申请听证日期"))
    received = case.notice_served_on or case.notified_on
    if received and on < received:
        raise ValidationError(
            {"on": _("申请听证日期不能早于告知书送达日期（%(d)s）。") % {"d": d(received)}},
            code="before_notice",
        )
    if case.statement_due_on and on > case.statement_due_on:
        raise ValidationError(
            {
                "on": _(
                    "当事人应在收到告知书后五个工作日内申请听证，期限已于%(due)s届满，视为放弃听证"
                    "（行政处罚法第六十四条第（一）项）。"
                )
                % {"due": d(case.statement_due_on)}
            },
            code="hearing_request_late",
        )
    return {"hearing_requested_on": on}


def hearing_notice(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, hearing_on: datetime.date
) -> dict[str, Any]:
    """听证通知: the time and place, at least 7 working days before the hearing (Art. 64)."""
    require_date(on, "on", _("通知日期"))
    if hearing_on is None:
        raise ValidationError({"hearing_on": _("必须填写听证日期。")}, code="required")
    earliest = rules.earliest_hearing(case, on, WorkdayCalendar())
    if hearing_on < earliest:
        raise ValidationError(
            {
                "hearing_on": _(
                    "应在举行听证的七个工作日前通知当事人：%(on)s通知的，听证最早于%(earliest)s举行。"
                )
                % {"on": d(on), "earliest": d(earliest)}
            },
            code="hearing_notice_short",
        )
    return {"hearing_notified_on": on, "hearing_on": hearing_on}


def hearing_notice_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["on"], note=_("听证日期：%(d)s") % {"d": d(data["hearing_on"])})]


def hearing_hold(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, note: str = ""
) -> dict[str, Any]:
    """听证: held on the notified day (or later when adjourned); the transcript summary in `note`."""
    require_date(on, "on", _("听证日期"))
    if case.hearing_on and on < case.hearing_on:
        raise ValidationError(
            {"on": _("听证不能早于通知的听证日期（%(d)s）。") % {"d": d(case.hearing_on)}},
            code="before_hearing_day",
        )
    return {"hearing_held": True}
