"""送达, 执行 (payment, late fee, deferral, court enforcement), 结案 and 归档.

Whether the case owes a fine, and whether it may close, are rules of `cases.procedures`; the checks here
are on the dates the form gives."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import PenaltyCase
from emgov.cases.services.history import Entry, d, number_for, require_date
from emgov.core.models import User

CLOSING_DOC_TYPE = "结案审批表"


def case_serve(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, note: str = ""
) -> dict[str, Any]:
    """送达: the payment period (15 days) runs from the day the party receives the decision."""
    require_date(on, "on", _("送达日期"))
    if on < case.decided_on:
        raise ValidationError(
            {"on": _("送达日期不能早于决定日期（%(d)s）。") % {"d": d(case.decided_on)}},
            code="before_decision",
        )
    return {"served_on": on, "payment_due_on": rules.payment_due(on) if rules.has_fine(case) else None}


def case_pay(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    """缴纳罚款: paid late, the late fee (3% a day, at most the fine) is computed (Art. 72)."""
    require_date(on, "on", _("缴款日期"))
    if on < case.served_on:
        raise ValidationError(
            {"on": _("缴款日期不能早于送达日期（%(d)s）。") % {"d": d(case.served_on)}}, code="before_service"
        )
    return {"paid_on": on, "late_fee": rules.late_fee(case.fine_amount, case.payment_due_on, on)}


def pay_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    entries = [Entry(on=data["on"])]
    if case.late_fee:
        note = _("逾期缴纳，加处罚款%(fee)s元（每日3%%，不超过罚款数额）") % {"fee": f"{case.late_fee:,.2f}"}
        entries.append(Entry(on=data["on"], note=note, label=_("加处罚款")))
    return entries


def case_defer(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    approved_by: str,
    new_due_on: datetime.date,
    reason: str,
) -> dict[str, Any]:
    """延期（分期）缴纳 (Art. 66): on the party's application, approved; the new (last) payment day."""
    require_date(on, "on", _("批准日期"))
    if not (approved_by or "").strip() or not (reason or "").strip():
        raise ValidationError(
            {"reason": _("延期（分期）缴纳必须填写批准人和理由（含分期安排）。")}, code="reason_required"
        )
    if new_due_on is None or new_due_on <= case.payment_due_on:
        raise ValidationError(
            {"new_due_on": _("延期后的缴款期限必须晚于原期限（%(d)s）。") % {"d": d(case.payment_due_on)}},
            code="not_later",
        )
    return {"payment_due_on": new_due_on}


def defer_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    note = _("%(by)s批准，缴款期限延至%(due)s：%(reason)s") % {
        "by": data["approved_by"],
        "due": d(data["new_due_on"]),
        "reason": data["reason"],
    }
    return [Entry(on=data["on"], note=note)]


def case_court(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, demanded_on: datetime.date
) -> dict[str, Any]:
    """申请法院强制执行: after the payment period, a demand (催告), and 10 working days (行政强制法 Art. 54)."""
    require_date(on, "on", _("申请日期"))
    require_date(demanded_on, "demanded_on", _("催告书送达日期"))
    if demanded_on <= case.payment_due_on:
        raise ValidationError(
            {"demanded_on": _("缴款期限（%(d)s）届满后才能催告。") % {"d": d(case.payment_due_on)}},
            code="demand_too_early",
        )
    earliest = rules.court_earliest(demanded_on)
    if on < earliest:
        raise ValidationError(
            {"on": _("催告书送达满十个工作日后才能申请法院强制执行，最早%(d)s。") % {"d": d(earliest)}},
            code="court_too_early",
        )
    return {"demanded_on": demanded_on, "court_applied_on": on}


def court_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["on"], note=_("催告书于%(d)s送达") % {"d": d(data["demanded_on"])})]


def case_close(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, note: str = ""
) -> dict[str, Any]:
    """结案: the decision executed (paid, or enforcement applied for)."""
    require_date(on, "on", _("结案日期"))
    return {"closed_on": on}


def close_history(case: PenaltyCase, data: dict[str, Any], *, actor: User | None, via: str) -> list[Entry]:
    """The 结案审批表 is numbered when the case closes; its number is kept on the history row."""
    number = number_for(CLOSING_DOC_TYPE, data["on"].year, actor=actor, via=via)
    return [Entry(on=data["on"], note=data.get("note") or "", document_number=number)]


def case_archive(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    require_date(on, "on", _("归档日期"))
    return {"archived_on": on}
