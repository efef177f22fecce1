"""Writes of enforcement orders (执法文书): issue, extend a seizure, dispose of it, resume after a suspension.

An order is issued from a visit and the hazards it covers, numbered by `core.numbering` in the same
transaction. Time limits (the rule table, `enforcement.rules`, read on the seizure's issue date): a
seizure (查封扣押) lasts at most 30 days from issue; where the case is complex the bureau's head may
approve one extension of at most 30 days, notified to the party in writing with the reasons
(延长查封扣押期限决定书, 行政强制法第二十五条). Within its term the seizure ends with a disposal
decision: released, confiscated or destroyed (查封扣押处理决定书, 第二十七条); once the term has run
out it can only be released (第二十八条第一款第四项). A suspension (责令停产停业整顿) is lifted only
after the hazards it covers passed their review (安全生产法第六十五条第一款第三项). Extending,
disposing and resuming are steps of `enforcement.procedures.ORDER`; the functions below are their
own part.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import DocumentNumberTemplate, Role, User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB
from emgov.core.workdays import calendar_period_end
from emgov.enforcement import rules
from emgov.enforcement.models import (
    Hazard,
    HazardStatus,
    Order,
    OrderType,
    ReleaseGround,
    SeizureDisposal,
    Visit,
)
from emgov.enforcement.queries import covered_hazards, may_be_suspended

# The documents of a seizure's steps, numbered like the orders; the template is created the first time
# it is needed (the administrator may change it under 文号模板).
EXTENSION_DECISION = "延长查封扣押期限决定书"
DISPOSAL_DECISION = "查封扣押处理决定书"
DEFAULT_TEMPLATES = {
    EXTENSION_DECISION: "应急查延〔{year}〕{n}号",
    DISPOSAL_DECISION: "应急查处〔{year}〕{n}号",
}
# Orders that must name the hazards they deal with.
HAZARD_ORDERS = {OrderType.RECTIFY, OrderType.SUSPEND, OrderType.REVIEW}
REVIEWED = {HazardStatus.CLOSED, HazardStatus.FAILED}


def _require_hazards(doc_type: str, visit: Visit, hazards: list[Hazard], today: datetime.date) -> None:
    """The hazards an order may name: found on its visit, live; a suspension only of overdue hazards or
    of major hazards that cannot be kept safe until removed (judged on the order's issue date)."""
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
        if doc_type == OrderType.SUSPEND and not may_be_suspended(hazard, today):
            raise ValidationError(
                {
                    "hazards": ValidationError(
                        _(
                            "隐患%(number)s尚未逾期，也未认定为排除前或者排除过程中无法保证安全的重大事故隐患，"
                            "不能责令停产停业（安全生产法第一百零二条、第六十五条第一款第三项）。"
                        )
                        % {"number": hazard.number},
                        code="not_suspendable",
                    )
                },
                code="not_suspendable",
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
    _require_hazards(doc_type, visit, hazards, issued_on)
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
        due_date = seizure_due(issued_on, region=visit.enterprise.town)
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


def seizure_due(issued_on: datetime.date, region=None) -> datetime.date:
    """The last day of a seizure issued on `issued_on`, before any extension (行政强制法第二十五条第一款);
    a term whose last day is a holiday or rest day ends on the next working day."""
    return calendar_period_end(issued_on, rules.seizure_days(issued_on, region))


def _region(order: Order):
    return order.visit.enterprise.town


def _number(doc_type: str, year: int, *, actor: User | None, via: str) -> str:
    if not DocumentNumberTemplate.objects.filter(doc_type=doc_type).exists():
        services.record_create(
            DocumentNumberTemplate(doc_type=doc_type, template=DEFAULT_TEMPLATES[doc_type]),
            actor=actor,
            via=via,
        )
    return number_take(doc_type, year=year)


def extend(
    order: Order,
    *,
    actor: User | None,
    via: str,
    extension_days: int,
    extension_reason: str,
    extension_approved_by: User | None,
    decided_on: datetime.date,
) -> dict[str, Any]:
    """延长查封扣押期限: once (the procedure's guard), by at most the rule's days, with a reason, approved
    by the bureau's head (局领导) and decided before the seizure expires; the 延长查封扣押期限决定书
    that tells the party is numbered here."""
    region = _region(order)
    most = rules.seizure_extension_days(order.issued_on, region)
    errors: dict[str, ValidationError] = {}
    if not extension_days or not 1 <= extension_days <= most:
        errors["extension_days"] = ValidationError(
            _("延长期限不得超过%(max)d日（行政强制法第二十五条第一款）。") % {"max": most},
            code="extension_days",
        )
    reason = (extension_reason or "").strip()
    if not reason:
        errors["extension_reason"] = ValidationError(
            _(
                "请填写延长理由：延长查封扣押的决定应当书面告知当事人并说明理由（行政强制法第二十五条第二款）。"
            ),
            code="required",
        )
    if extension_approved_by is None or extension_approved_by.role != Role.LEADER:
        errors["extension_approved_by"] = ValidationError(
            _("延长查封扣押期限须经行政机关负责人（局领导）批准（行政强制法第二十五条第一款）。"),
            code="not_leader",
        )
    due = order.due_date or seizure_due(order.issued_on, region)
    if decided_on < order.issued_on:
        errors["decided_on"] = ValidationError(_("决定日期不能早于查封扣押之日。"), code="before_issue")
    elif decided_on > due:
        errors["decided_on"] = ValidationError(
            _("查封扣押已于%(d)s期满，不能再延长（行政强制法第二十五条第一款）。") % {"d": due},
            code="expired",
        )
    if errors:
        raise ValidationError(errors, code="extension_invalid")
    return {
        # The extended term counts from the first term's 30th day, and ends, like it, on a working day.
        "due_date": calendar_period_end(
            order.issued_on, rules.seizure_days(order.issued_on, region) + extension_days
        ),
        "extension_days": extension_days,
        "extension_reason": reason,
        "extension_approved_by": extension_approved_by,
        "extension_decided_on": decided_on,
        "extension_number": _number(EXTENSION_DECISION, decided_on.year, actor=actor, via=via),
    }


def dispose(
    order: Order,
    *,
    actor: User | None,
    via: str,
    disposal: str,
    disposed_on: datetime.date,
    disposal_ground: str = "",
    disposal_note: str = "",
) -> dict[str, Any]:
    """查封扣押处理决定: within the seizure's term, release it (on a ground of 行政强制法第二十八条),
    confiscate or destroy what was seized (第二十七条); after the term only a release (第二十八条第一款
    第四项). The 查封扣押处理决定书 is numbered here."""
    note = (disposal_note or "").strip()
    errors: dict[str, ValidationError] = {}
    if disposal not in SeizureDisposal.values:
        errors["disposal"] = ValidationError(_("请选择处理决定：解除、没收或者销毁。"), code="required")
    if disposed_on < order.issued_on:
        errors["disposed_on"] = ValidationError(_("处理决定日期不能早于查封扣押之日。"), code="before_issue")
    expired = bool(order.due_date and disposed_on > order.due_date)
    if disposal == SeizureDisposal.RELEASE:
        if disposal_ground not in ReleaseGround.values:
            errors["disposal_ground"] = ValidationError(
                _("解除查封扣押须写明情形（行政强制法第二十八条第一款）。"), code="required"
            )
        elif expired and disposal_ground != ReleaseGround.EXPIRED:
            errors["disposal_ground"] = ValidationError(
                _(
                    "查封扣押已于%(d)s期满：应以“查封、扣押期限已经届满”解除（行政强制法第二十八条第一款第四项）。"
                )
                % {"d": order.due_date},
                code="expired",
            )
    elif disposal in SeizureDisposal.values:
        if expired:
            errors["disposal"] = ValidationError(
                _(
                    "查封扣押已于%(d)s期满，期限内未作出没收或者销毁的处理决定，应当解除查封扣押"
                    "（行政强制法第二十七条、第二十八条第一款第四项）。"
                )
                % {"d": order.due_date},
                code="expired",
            )
        if not note:
            errors["disposal_note"] = ValidationError(
                _(
                    "请写明%(what)s的依据：违法事实清楚、依法应当没收的非法财物予以没收；法律、行政法规规定应当"
                    "销毁的，依法销毁（行政强制法第二十七条）。"
                )
                % {"what": SeizureDisposal(disposal).label},
                code="required",
            )
        disposal_ground = ""
    if errors:
        raise ValidationError(errors, code="disposal_invalid")
    return {
        "disposal": disposal,
        "disposal_ground": disposal_ground,
        "disposal_note": note,
        "disposed_on": disposed_on,
        "disposal_number": _number(DISPOSAL_DECISION, disposed_on.year, actor=actor, via=via),
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
