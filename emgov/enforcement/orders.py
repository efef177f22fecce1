"""Writes of enforcement orders (执法文书): issue, extend a seizure, resume after a suspension.

An order is issued from a visit and the hazards it covers, numbered by `core.numbering` in the same
transaction. Time limits: a seizure (查封扣押) lasts at most 30 days from issue and may be extended
once by at most 30 days (行政强制法第二十五条); a suspension (责令停产停业整顿) is lifted only after the
hazards it covers passed their review (安全生产法第六十五条第一款第三项).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB
from emgov.core.workdays import add_days
from emgov.enforcement import hazards as hazard_services
from emgov.enforcement.models import Hazard, HazardStatus, Order, OrderType, Visit

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
                hazards[i] = hazard_services.hazard_order(hazard, actor=actor, deadline=deadline, via=via)
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


def _locked(order: Order, actor: User | None, expected_version: int | None) -> Order:
    current = services.record_lock(order, expected_version=expected_version, voided=_("该执法文书已作废。"))
    services.require_scope(current, actor, _("不能处理您负责的区划以外的执法文书。"))
    return current


def can_extend(order: Order) -> bool:
    return order.voided_at is None and order.doc_type == OrderType.SEIZE and not order.extension_days


@transaction.atomic
def order_extend(
    order: Order,
    *,
    actor: User | None,
    days: int | None,
    reason: str,
    decided_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Order:
    """延长查封扣押期限: once, by at most 30 days, with a reason, decided before the seizure expires."""
    current = _locked(order, actor, expected_version)
    if current.doc_type != OrderType.SEIZE:
        raise ValidationError(_("只有查封扣押决定书可以延长期限。"), code="not_seizure")
    if current.extension_days:
        raise ValidationError(
            _("查封扣押期限已于%(on)s前延长过%(n)d日，只能延长一次。")
            % {"on": current.due_date, "n": current.extension_days},
            code="already_extended",
        )
    if not days or days < 1 or days > SEIZURE_EXTENSION_MAX_DAYS:
        raise ValidationError(
            {"extension_days": _("延长天数须为1至%(max)d日。") % {"max": SEIZURE_EXTENSION_MAX_DAYS}},
            code="extension_days",
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"extension_reason": _("请填写延长理由。")}, code="required")
    if current.due_date and decided_on > current.due_date:
        raise ValidationError(
            {"decided_on": _("查封扣押已于%(d)s期满，不能再延长。") % {"d": current.due_date}},
            code="expired",
        )
    return services.record_update(
        current,
        actor=actor,
        changes={
            "due_date": add_days(current.due_date, days),
            "extension_days": days,
            "extension_reason": reason,
        },
        via=via,
        reason=_("延长查封扣押期限：%(reason)s") % {"reason": reason},
    )


def unreviewed_hazards(order: Order) -> list[Hazard]:
    """The hazards of a suspension that have not passed their review (复查合格) yet: those it names,
    or, for an order that names none (an imported one), those of its visit."""
    return [h for h in covered_hazards(order) if h.status != HazardStatus.CLOSED]


def covered_hazards(order: Order) -> list[Hazard]:
    hazards = [h for h in order.hazards.order_by("number") if h.voided_at is None]
    return hazards or list(order.visit.hazards.filter(voided_at__isnull=True).order_by("number"))


def can_resume(order: Order) -> bool:
    return order.voided_at is None and order.doc_type == OrderType.SUSPEND and order.resumed_on is None


@transaction.atomic
def order_resume(
    order: Order,
    *,
    actor: User | None,
    resumed_on: datetime.date | None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Order:
    """恢复生产经营: lifts a suspension once every hazard it covers passed its review."""
    current = _locked(order, actor, expected_version)
    if not can_resume(current):
        raise ValidationError(_("只有尚未恢复的责令停产停业整顿可以恢复生产经营。"), code="not_suspension")
    if not resumed_on:
        raise ValidationError({"resumed_on": _("请填写恢复生产经营日期。")}, code="required")
    pending = unreviewed_hazards(current)
    if pending:
        raise ValidationError(
            _("隐患%(numbers)s尚未复查合格，不能恢复生产经营。")
            % {"numbers": "、".join(h.number for h in pending)},
            code="not_reviewed",
        )
    last_review = max((h.reviewed_on for h in covered_hazards(current) if h.reviewed_on), default=None)
    if last_review and resumed_on < last_review:
        raise ValidationError(
            {"resumed_on": _("恢复生产经营日期不能早于复查日期（%(d)s）。") % {"d": last_review}},
            code="before_review",
        )
    if resumed_on < current.issued_on:
        raise ValidationError({"resumed_on": _("恢复生产经营日期不能早于签发日期。")}, code="before_issue")
    return services.record_update(
        current, actor=actor, changes={"resumed_on": resumed_on}, via=via, reason=_("恢复生产经营")
    )
