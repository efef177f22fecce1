"""送达, 执行 (payment, late fee, deferral, court enforcement), 结案 and 归档.

Whether the case owes a fine, and whether it may close, are rules of `cases.procedures`; the checks here
are on the dates the form gives."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import CaseChallenge, PenaltyCase
from emgov.cases.services.history import Entry, d, number_for, require_date
from emgov.core import services
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
    return {"served_on": on, "payment_due_on": rules.payment_due(case, on) if rules.has_fine(case) else None}


def challenge_periods(case: PenaltyCase) -> list[tuple[datetime.date, datetime.date | None]]:
    """The reviews and lawsuits brought against the decision: (filed, ended or None while running)."""
    return list(case.challenges.filter(voided_at__isnull=True).values_list("filed_on", "ended_on"))


def challenge_pending(case: PenaltyCase) -> bool:
    return case.challenges.filter(voided_at__isnull=True, ended_on__isnull=True).exists()


def case_pay(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    """缴纳罚款: paid late, the late fee (3% a day, at most the fine) is computed (Art. 72), leaving out
    the days a review or lawsuit about the decision ran (Art. 73 para. 3)."""
    require_date(on, "on", _("缴款日期"))
    if on < case.served_on:
        raise ValidationError(
            {"on": _("缴款日期不能早于送达日期（%(d)s）。") % {"d": d(case.served_on)}}, code="before_service"
        )
    return {"paid_on": on, "late_fee": rules.late_fee(case, on, challenge_periods(case))}


def pay_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    entries = [Entry(on=data["on"])]
    if case.late_fee:
        rate = rules.value(rules.LATE_FEE_RATE, case) * 100
        note = _("逾期缴纳，加处罚款%(fee)s元（每日%(rate)s%%，不超过罚款数额；复议、诉讼期间不计算）") % {
            "fee": f"{case.late_fee:,.2f}",
            "rate": f"{rate:g}",
        }
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


def case_demand(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    """催告: served after the payment period has passed (行政强制法第三十五条、第五十四条)."""
    require_date(on, "on", _("催告书送达日期"))
    _check_demand(case, on, "on")
    return {"demanded_on": on}


def _check_demand(case: PenaltyCase, demanded_on: datetime.date, field: str) -> None:
    if case.payment_due_on and demanded_on <= case.payment_due_on:
        raise ValidationError(
            {
                field: _("缴款期限（%(d)s）届满后才能催告（行政强制法第五十四条）。")
                % {"d": d(case.payment_due_on)}
            },
            code="demand_too_early",
        )


def case_court(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    demanded_on: datetime.date | None = None,
) -> dict[str, Any]:
    """申请法院强制执行 (行政强制法第五十三条、第五十四条): after the demand (催告) and its 10 working days,
    and after the periods for review (60 days) and lawsuit (6 months) have passed without payment,
    within the 3 months after them."""
    require_date(on, "on", _("申请日期"))
    demanded_on = case.demanded_on or demanded_on
    if demanded_on is None:
        raise ValidationError(
            {"demanded_on": _("申请法院强制执行前须先催告（行政强制法第五十四条）：请填写催告书送达日期。")},
            code="demand_required",
        )
    require_date(demanded_on, "demanded_on", _("催告书送达日期"))
    if not case.demanded_on:
        _check_demand(case, demanded_on, "demanded_on")
    earliest = rules.court_earliest(case, demanded_on)
    if on < earliest:
        raise ValidationError(
            {
                "on": _("催告书送达满十个工作日后才能申请法院强制执行，最早%(d)s（行政强制法第五十四条）。")
                % {"d": d(earliest)}
            },
            code="court_too_early",
        )
    periods_end = rules.challenge_periods_end(case)
    if on <= periods_end:
        raise ValidationError(
            {
                "on": _(
                    "申请复议（六十日）、提起诉讼（六个月）的期限至%(end)s，期限届满前不能申请法院强制执行"
                    "（行政强制法第五十三条）。"
                )
                % {"end": d(periods_end)}
            },
            code="court_before_periods_end",
        )
    last = rules.court_window_end(case, periods_end)
    if on > last:
        raise ValidationError(
            {
                "on": _(
                    "申请法院强制执行的期限已于%(last)s届满（复议、诉讼期限届满之日起三个月，行政强制法第五十三条）。"
                )
                % {"last": d(last)}
            },
            code="court_window_passed",
        )
    return {"demanded_on": demanded_on, "court_applied_on": on}


def court_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["on"], note=_("催告书于%(d)s送达") % {"d": d(case.demanded_on)})]


def challenge_add(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    kind: str,
    filed_on: datetime.date,
    number: str = "",
    body: str = "",
) -> dict[str, Any]:
    """复议、诉讼: the party applied for review or sued over the decision; while it runs the late fee is
    not counted (行政处罚法第七十三条第三款). `number` is its 案号 in the 行政诉讼与复议 ledger."""
    require_date(filed_on, "filed_on", _("申请复议或起诉日期"))
    start = case.served_on or case.decided_on
    if start and filed_on < start:
        raise ValidationError(
            {"filed_on": _("申请复议或起诉日期不能早于决定书送达日期（%(d)s）。") % {"d": d(start)}},
            code="before_service",
        )
    challenge = CaseChallenge(
        case=case, kind=kind, filed_on=filed_on, number=(number or "").strip(), body=(body or "").strip()
    )
    services.record_create(challenge, actor=actor, via=via)
    return {}


def challenge_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    note = f"{data['kind']} {(data.get('number') or '').strip()}"
    return [Entry(on=data["filed_on"], note=note.strip())]


def challenge_end(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    challenge: CaseChallenge,
    ended_on: datetime.date,
    result: str,
) -> dict[str, Any]:
    """The review or lawsuit ended (its decision or judgment took effect, or it was withdrawn)."""
    if challenge is None or challenge.case_id != case.pk or challenge.ended_on or challenge.voided_at:
        raise ValidationError({"challenge": _("请选择本案尚未审结的复议或诉讼。")}, code="challenge_not_open")
    require_date(ended_on, "ended_on", _("审结日期"))
    services.record_update(
        challenge,
        actor=actor,
        changes={"ended_on": ended_on, "result": (result or "").strip()},
        expected_version=challenge.version,
        via=via,
    )
    return {}


def challenge_end_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["ended_on"], note=f"{data['challenge']}：{data['result']}")]


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
