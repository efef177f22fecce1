"""Writes of enforcement orders (执法文书): issue, extend a seizure, resume after a suspension.

An order is issued from a visit and the hazards it covers, numbered by `core.numbering` in the same
transaction. Time limits: a seizure (查封扣押) lasts at most 30 days from issue and may be extended
once by at most 30 days (行政强制法第二十五条); a suspension (责令停产停业整顿) is lifted only after the
hazards it covers passed their review (安全生产法第六十五条第一款第三项). Extending and resuming are
steps of `enforcement.procedures.ORDER`; the functions below are their own part.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB
from emgov.core.workdays import add_days
from emgov.enforcement.models import Hazard, HazardStatus, Order, OrderType, Visit
from emgov.enforcement.queries import covered_hazards

SEIZURE_DAYS = 30
SEIZURE_EXTENSION_MAX_DAYS = 30
# Orders that must name the hazards they deal with.
HAZARD_ORDERS = {OrderType.RECTIFY, OrderType.SUSPEND, OrderType.REVIEW}
REVIEWED = {HazardStatus.CLOSED, HazardStatus.FAILED}


def _require_hazards(doc_type: str, visit: Visit, hazards: list[Hazard]) -> None:
    label = OrderType(doc_type).label
    if doc_type in HAZARD_ORDERS and not hazards:
        raise ValidationError(
            {"hazards": _("%(type)s须列明至少一项隐患。") % {"type": label}}, code="no_hazards"
        )
    for hazard in hazards:
        if hazard.visit_id != visit.pk:
            raise ValidationError(
                {"hazards": _("隐患%(number)s不是本次检查发现的隐患。") % {"number": hazard.number}},
                code="other_visit",
            )
        if hazard.voided_at is not None:
            raise ValidationError(
                {"hazards": _("隐患%(number)s已作废。") % {"number": hazard.number}}, code="voided"
            )
        if doc_type == OrderType.REVIEW and hazard.status not in REVIEWED:
            raise ValidationError(
                {
                    "hazards": _("隐患%(number)s尚未复查，不能出具整改复查意见书。")
                    % {"number": hazard.number}
                },
                code="not_reviewed",
            )


@transaction.atomic
def order_issue(
    *,
    actor: User | None,
    visit: Visit,
    doc_type: str,
    issued_on: datetime.date,
    hazards: Iterable[Hazard] = (),
    due_date: datetime.date | None = None,
    content: str = "",
    basis: str = "",
    via: str = VIA_WEB,
) -> Order:
    """签发: a numbered order on `visit` covering `hazards`.

    A rectification order (责令限期整改指令书) puts each registered hazard it covers into 下达整改, with its
    own deadline or, without one, the order's; the order's time limit is the latest of them. A seizure's
    time limit is 30 days from issue."""
    from emgov.enforcement.procedures import HAZARD  # the procedures are built on these services

    hazards = list(hazards)
    if actor is not None and not visit.in_scope_of(actor):
        raise ValidationError(_("不能在您负责的区划以外签发执法文书。"), code="out_of_scope")
    if visit.voided_at is not None:
        raise ValidationError(_("检查记录已作废，不能签发执法文书。"), code="voided")
    _require_hazards(doc_type, visit, hazards)
    if doc_type == OrderType.RECTIFY:
        for i, hazard in enumerate(hazards):
            if hazard.status == HazardStatus.REGISTERED:
                deadline = hazard.deadline or due_date
                if not deadline:
                    raise ValidationError(
                        {
                            "due_date": _("隐患%(number)s没有整改期限，请填写整改期限。")
                            % {"number": hazard.number}
                        },
                        code="no_deadline",
                    )
                hazards[i] = HAZARD.take("order", hazard, actor=actor, via=via, deadline=deadline)
        due_date = max((h.deadline for h in hazards if h.deadline), default=due_date)
    elif doc_type == OrderType.SEIZE:
        due_date = add_days(issued_on, SEIZURE_DAYS)
    order = Order(
        number="",
        visit=visit,
        doc_type=doc_type,
        issued_on=issued_on,
        due_date=due_date,
        content=(content or "").strip(),
        basis=(basis or "").strip(),
    )
    order.full_clean(exclude=["number"])
    order.number = number_take(doc_type, year=issued_on.year)
    return services.record_create(order, actor=actor, via=via, m2m={"hazards": hazards})


# The steps of an order (declared in `enforcement.procedures.ORDER`) ---------------------------------


def extend(
    order: Order,
    *,
    actor: User | None,
    via: str,
    extension_days: int,
    extension_reason: str,
    decided_on: datetime.date,
) -> dict[str, Any]:
    """延长查封扣押期限: by at most 30 days, with a reason, decided before the seizure expires."""
    if not extension_days or not 1 <= extension_days <= SEIZURE_EXTENSION_MAX_DAYS:
        raise ValidationError(
            {
                "extension_days": _("延长天数须为1至%(max)d日（行政强制法第二十五条）。")
                % {"max": SEIZURE_EXTENSION_MAX_DAYS}
            },
            code="extension_days",
        )
    reason = (extension_reason or "").strip()
    if not reason:
        raise ValidationError({"extension_reason": _("请填写延长理由。")}, code="required")
    if order.due_date and decided_on > order.due_date:
        raise ValidationError(
            {"decided_on": _("查封扣押已于%(d)s期满，不能再延长。") % {"d": order.due_date}},
            code="expired",
        )
    return {
        "due_date": add_days(order.due_date or add_days(order.issued_on, SEIZURE_DAYS), extension_days),
        "extension_days": extension_days,
        "extension_reason": reason,
    }


def resume(order: Order, *, actor: User | None, via: str, resumed_on: datetime.date) -> dict[str, Any]:
    """恢复生产经营: lifts a suspension; the procedure's guard has checked that every hazard it covers
    passed its review."""
    last_review = max((h.reviewed_on for h in covered_hazards(order) if h.reviewed_on), default=None)
    if last_review and resumed_on < last_review:
        raise ValidationError(
            {"resumed_on": _("恢复生产经营日期不能早于复查日期（%(d)s）。") % {"d": last_review}},
            code="before_review",
        )
    if resumed_on < order.issued_on:
        raise ValidationError({"resumed_on": _("恢复生产经营日期不能早于签发日期。")}, code="before_issue")
    return {"resumed_on": resumed_on}
