"""陈述申辩 and 听证 (行政处罚法 Arts. 45, 63–64): the party's statement, the hearing request and notice."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import PenaltyCase
from emgov.cases.stepping import d, require_date, run_step
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar


def case_statement(
    case: PenaltyCase,
    *,
    actor: User | None,
    on: datetime.date,
    note: str,
    waives_hearing: bool = False,
    via: str = VIA_WEB,
) -> PenaltyCase:
    """陈述申辩: the party's statement and defence (Art. 45), or its waiver, recorded."""
    require_date(on, "on", _("陈述申辩日期"))
    if not (note or "").strip():
        raise ValidationError({"note": _("必须记录当事人陈述申辩的内容（或放弃陈述申辩）。")})
    return run_step(
        case,
        actor=actor,
        action="statement",
        on=on,
        changes={"hearing_waived": waives_hearing},
        note=note,
        via=via,
    )


def hearing_request(case: PenaltyCase, *, actor: User | None, on: datetime.date, via: str = VIA_WEB):
    """The party asks for a hearing: within 5 working days of the notice (Art. 64)."""
    require_date(on, "on", _("申请听证日期"))

    def check(current: PenaltyCase) -> None:
        if current.notified_on and on < current.notified_on:
            raise ValidationError(
                {"on": _("申请听证日期不能早于告知日期（%(d)s）。") % {"d": d(current.notified_on)}}
            )
        if current.statement_due_on and on > current.statement_due_on:
            raise ValidationError(
                {
                    "on": _("当事人应在告知后五个工作日内申请听证，期限已于%(due)s届满，视为放弃听证。")
                    % {"due": d(current.statement_due_on)}
                },
                code="hearing_request_late",
            )

    return run_step(
        case,
        actor=actor,
        action="hearing_request",
        on=on,
        changes={"hearing_requested_on": on},
        check=check,
        via=via,
    )


def hearing_notice(
    case: PenaltyCase, *, actor: User | None, on: datetime.date, hearing_on: datetime.date, via: str = VIA_WEB
):
    """听证通知: the time and place, at least 7 working days before the hearing (Art. 64)."""
    require_date(on, "on", _("通知日期"))
    if hearing_on is None:
        raise ValidationError({"hearing_on": _("必须填写听证日期。")})
    earliest = rules.earliest_hearing(on, WorkdayCalendar())
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
    return run_step(
        case,
        actor=actor,
        action="hearing_notice",
        on=on,
        changes={"hearing_notified_on": on, "hearing_on": hearing_on},
        note=_("听证日期：%(d)s") % {"d": d(hearing_on)},
        via=via,
    )


def hearing_hold(
    case: PenaltyCase, *, actor: User | None, on: datetime.date, note: str = "", via: str = VIA_WEB
):
    """听证: held on the notified day (or later when adjourned); the transcript summary in `note`."""
    require_date(on, "on", _("听证日期"))

    def check(current: PenaltyCase) -> None:
        if current.hearing_on and on < current.hearing_on:
            raise ValidationError(
                {"on": _("听证不能早于通知的听证日期（%(d)s）。") % {"d": d(current.hearing_on)}}
            )

    return run_step(
        case,
        actor=actor,
        action="hearing_hold",
        on=on,
        changes={"hearing_held": True},
        check=check,
        note=note,
        via=via,
    )
