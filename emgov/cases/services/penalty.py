"""The penalty of a case (intended at 告知, final at 决定): kinds, fine, discretion benchmark, Art. 112."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import DiscretionGrade, PenaltyCase, PenaltyKind


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


PENALTY_FIELDS = (
    "penalty_kinds",
    "fine_amount",
    "confiscation_amount",
    "legal_basis",
    "discretion_grade",
    "discretion_reason",
)
CONFISCATION_KINDS = {PenaltyKind.CONFISCATE_GAINS, PenaltyKind.CONFISCATE_PROPERTY}
DAILY_FIELDS = ("daily_amount", "continuous_from", "continuous_until")


def penalty_args(data: dict[str, Any]) -> dict[str, Any]:
    """The penalty a step's form (or caller) gives, for `penalty_changes`: what was left empty keeps the
    case's current value; the days of a daily continuous fine count only with its daily amount."""
    names = PENALTY_FIELDS + (DAILY_FIELDS if data.get("daily_amount") else ())
    unknown = set(data) - set(PENALTY_FIELDS) - set(DAILY_FIELDS)
    if unknown:
        raise TypeError(f"unknown penalty fields: {', '.join(sorted(unknown))}")
    return {n: data[n] for n in names if data.get(n) not in (None, "", [])}


def penalty_changes(
    current: PenaltyCase,
    *,
    penalty_kinds: list[str] | None = None,
    fine_amount: Decimal | None = None,
    confiscation_amount: Decimal | None = None,
    legal_basis: str | None = None,
    discretion_grade: DiscretionGrade | None = None,
    discretion_reason: str | None = None,
    daily_amount: Decimal | None = None,
    continuous_from: datetime.date | None = None,
    continuous_until: datetime.date | None = None,
) -> dict[str, Any]:
    """The changes that set the penalty; the fine of a daily continuous penalty is computed here."""
    discretion_grade = discretion_grade or current.discretion_grade
    if daily_amount is None and fine_amount is None and penalty_kinds is None and current.daily_amount:
        daily_amount = current.daily_amount
        continuous_from, continuous_until = current.continuous_from, current.continuous_until
    kinds = list(penalty_kinds if penalty_kinds is not None else current.penalty_kinds or [])
    if not kinds:
        raise ValidationError({"penalty_kinds": _("至少选择一种处罚种类。")}, code="penalty_kind_required")
    reason = (discretion_reason if discretion_reason is not None else current.discretion_reason or "").strip()
    if daily_amount is not None:
        if discretion_grade is not None and not discretion_grade.item.daily_continuous:
            raise ValidationError(
                {
                    "daily_amount": _("裁量事项%(item)s不适用按日连续处罚。")
                    % {"item": discretion_grade.item.code}
                },
                code="discretion_reason_required",
            )
        if daily_amount <= 0:
            raise ValidationError({"daily_amount": _("原处罚数额必须大于0。")}, code="daily_amount_invalid")
        if continuous_from is None or continuous_until is None:
            raise ValidationError(
                {"continuous_from": _("按日连续处罚必须填写起始日（责令改正之日的次日）和截止日。")},
                code="continuous_period_required",
            )
        if continuous_until < continuous_from:
            raise ValidationError(
                {"continuous_until": _("按日连续处罚的截止日不能早于起始日。")},
                code="continuous_period_invalid",
            )
        if PenaltyKind.FINE not in kinds:
            kinds.append(PenaltyKind.FINE)
        fine_amount = rules.continuous_fine(daily_amount, continuous_from, continuous_until)
        checked = daily_amount
    else:
        continuous_from = continuous_until = None
        if fine_amount is None and PenaltyKind.FINE in kinds and penalty_kinds is None:
            fine_amount = current.fine_amount
        checked = fine_amount
    if PenaltyKind.FINE not in kinds:
        fine_amount = None
    elif not fine_amount or fine_amount <= 0:
        raise ValidationError(
            {"fine_amount": _("处罚种类含罚款时，罚款金额必须大于0。")}, code="fine_amount_required"
        )
    if (
        discretion_grade is not None
        and checked is not None
        and not discretion_grade.contains(checked)
        and not reason
    ):
        raise ValidationError(
            {
                "discretion_reason": _(
                    "罚款%(fine)s元超出裁量基准%(item)s“%(c)s”档的幅度（%(lo)s至%(hi)s元），必须书面说明理由。"
                )
                % {
                    "fine": _money(checked),
                    "item": discretion_grade.item.code,
                    "c": discretion_grade.circumstance,
                    "lo": _money(discretion_grade.fine_min),
                    "hi": _money(discretion_grade.fine_max),
                }
            },
            code="outside_discretion",
        )
    if set(kinds) & CONFISCATION_KINDS:
        if confiscation_amount is None:
            confiscation_amount = current.confiscation_amount
        if confiscation_amount is None or confiscation_amount <= 0:
            raise ValidationError(
                {
                    "confiscation_amount": _(
                        "没收违法所得或非法财物的，必须填写没收的数额或价值（听证范围，行政处罚法第六十三条第一款第（二）项）。"
                    )
                },
                code="confiscation_amount_required",
            )
    else:
        confiscation_amount = None
    basis = legal_basis if legal_basis is not None else current.legal_basis
    if not (basis or "").strip() and discretion_grade is not None:
        basis = discretion_grade.item.penalty_basis
    return {
        "penalty_kinds": kinds,
        "fine_amount": fine_amount,
        "confiscation_amount": confiscation_amount,
        "legal_basis": basis,
        "discretion_grade": discretion_grade,
        "discretion_reason": reason,
        "daily_amount": daily_amount,
        "continuous_from": continuous_from,
        "continuous_until": continuous_until,
    }
