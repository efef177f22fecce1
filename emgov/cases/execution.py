"""送达, 执行 (payment, late fee, deferral, court enforcement), 结案 and 归档."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import PenaltyCase
from emgov.cases.stepping import d, number_for, require_date, run_step
from emgov.cases.workflow import has_fine
from emgov.core.models import User
from emgov.core.services import VIA_WEB

CLOSING_DOC_TYPE = "结案审批表"


def case_serve(
    case: PenaltyCase, *, actor: User | None, on: datetime.date, note: str = "", via: str = VIA_WEB
):
    """送达: the payment period (15 days) runs from the day the party receives the decision."""
    require_date(on, "on", _("送达日期"))

    def check(current: PenaltyCase) -> None:
        if on < current.decided_on:
            raise ValidationError(
                {"on": _("送达日期不能早于决定日期（%(d)s）。") % {"d": d(current.decided_on)}}
            )

    def changes(current: PenaltyCase) -> dict:
        return {"served_on": on, "payment_due_on": rules.payment_due(on) if has_fine(current) else None}

    return run_step(
        case, actor=actor, action="serve", on=on, changes=changes, check=check, note=note, via=via
    )


def case_pay(case: PenaltyCase, *, actor: User | None, on: datetime.date, via: str = VIA_WEB) -> PenaltyCase:
    """缴纳罚款: paid late, the late fee (3% a day, at most the fine) is computed (Art. 72)."""
    require_date(on, "on", _("缴款日期"))

    def changes(current: PenaltyCase) -> dict:
        if on < current.served_on:
            raise ValidationError(
                {"on": _("缴款日期不能早于送达日期（%(d)s）。") % {"d": d(current.served_on)}}
            )
        return {"paid_on": on, "late_fee": rules.late_fee(current.fine_amount, current.payment_due_on, on)}

    case = run_step(case, actor=actor, action="pay", on=on, changes=changes, via=via)
    if case.late_fee:
        from emgov.cases.stepping import record_step

        record_step(
            case,
            actor=actor,
            action="pay",
            on=on,
            label=_("加处罚款"),
            note=_("逾期缴纳，加处罚款%(fee)s元（每日3%%，不超过罚款数额）")
            % {"fee": f"{case.late_fee:,.2f}"},
            via=via,
        )
    return case


def case_defer(
    case: PenaltyCase,
    *,
    actor: User | None,
    on: datetime.date,
    approved_by: str,
    new_due_on: datetime.date,
    reason: str,
    via: str = VIA_WEB,
) -> PenaltyCase:
    """延期（分期）缴纳 (Art. 66): on the party's application, approved; the new (last) payment day."""
    require_date(on, "on", _("批准日期"))
    if not (approved_by or "").strip() or not (reason or "").strip():
        raise ValidationError({"reason": _("延期（分期）缴纳必须填写批准人和理由（含分期安排）。")})

    def check(current: PenaltyCase) -> None:
        if new_due_on is None or new_due_on <= current.payment_due_on:
            raise ValidationError(
                {
                    "new_due_on": _("延期后的缴款期限必须晚于原期限（%(d)s）。")
                    % {"d": d(current.payment_due_on)}
                }
            )

    note = _("%(by)s批准，缴款期限延至%(due)s：%(reason)s") % {
        "by": approved_by,
        "due": d(new_due_on),
        "reason": reason,
    }
    return run_step(
        case,
        actor=actor,
        action="defer",
        on=on,
        changes={"payment_due_on": new_due_on},
        check=check,
        note=note,
        via=via,
    )


def case_court(
    case: PenaltyCase,
    *,
    actor: User | None,
    on: datetime.date,
    demanded_on: datetime.date,
    via: str = VIA_WEB,
) -> PenaltyCase:
    """申请法院强制执行: after the payment period, a demand (催告), and 10 working days (行政强制法 Art. 54)."""
    require_date(on, "on", _("申请日期"))
    require_date(demanded_on, "demanded_on", _("催告书送达日期"))

    def check(current: PenaltyCase) -> None:
        if demanded_on <= current.payment_due_on:
            raise ValidationError(
                {"demanded_on": _("缴款期限（%(d)s）届满后才能催告。") % {"d": d(current.payment_due_on)}}
            )
        earliest = rules.court_earliest(demanded_on)
        if on < earliest:
            raise ValidationError(
                {"on": _("催告书送达满十个工作日后才能申请法院强制执行，最早%(d)s。") % {"d": d(earliest)}},
                code="court_too_early",
            )

    return run_step(
        case,
        actor=actor,
        action="court",
        on=on,
        changes={"demanded_on": demanded_on, "court_applied_on": on},
        check=check,
        note=_("催告书于%(d)s送达") % {"d": d(demanded_on)},
        via=via,
    )


def case_close(
    case: PenaltyCase, *, actor: User | None, on: datetime.date, note: str = "", via: str = VIA_WEB
):
    require_date(on, "on", _("结案日期"))
    return run_step(
        case,
        actor=actor,
        action="close",
        on=on,
        changes={"closed_on": on},
        note=note,
        document_number=lambda c: number_for(CLOSING_DOC_TYPE, on.year, actor=actor, via=via),
        via=via,
    )


def case_archive(case: PenaltyCase, *, actor: User | None, on: datetime.date, via: str = VIA_WEB):
    require_date(on, "on", _("归档日期"))
    return run_step(case, actor=actor, action="archive", on=on, changes={"archived_on": on}, via=via)
