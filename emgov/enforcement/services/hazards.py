"""Writes of the hazard loop (隐患闭环): 登记 → 下达整改 → 整改中 → 申请复查 → 复查合格（销号）or 复查不合格.

A hazard is registered here (`hazard_register`); every later step is declared in
`enforcement.procedures.HAZARD` and taken with `HAZARD.take(...)`, which locks the hazard with the
version the user saw, checks scope, state and the rules of law, and writes the audit entry. The
functions below are the steps' own part: the checks on the form's values and the changes they make.

A 重大事故隐患 names the clause of its 判定标准 (the model's `clean`), and once registered the steps the
law then asks for are proposed (`procedures.proposed_steps`): 挂牌督办 (安全生产法第四十一条第三款),
and, where it cannot be kept safe until removed, the withdrawal of workers and temporary suspension
(第六十五条第一款第三项) before any deadline has passed.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import audit, clock, services
from emgov.core.documents import chinese_date
from emgov.core.models import AuditAction, User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import Hazard, HazardStatus, OrderType, ReviewResult, Visit
from emgov.enforcement.queries import is_overdue
from emgov.enforcement.services.orders import order_issue

S = HazardStatus


def _next_number(visit: Visit) -> str:
    taken = set(Hazard.objects.filter(number__startswith=f"{visit.number}-").values_list("number", flat=True))
    n = 1
    while f"{visit.number}-{n:02d}" in taken:
        n += 1
    return f"{visit.number}-{n:02d}"


@transaction.atomic
def hazard_register(
    *,
    actor: User | None,
    visit: Visit,
    description: str,
    grade: str,
    basis: str = "",
    deadline: datetime.date | None = None,
    unsafe_until_removed: bool = False,
    number: str = "",
    location: str = "",
    via: str = VIA_WEB,
) -> Hazard:
    """登记: a hazard found on `visit`; its number is the visit's number and a serial (检查编号-01)."""
    hazard = Hazard(
        number=number or _next_number(visit),
        visit=visit,
        description=(description or "").strip(),
        location=(location or "").strip(),
        grade=grade,
        basis=(basis or "").strip(),
        unsafe_until_removed=bool(unsafe_until_removed),
        deadline=deadline,
        status=S.REGISTERED,
    )
    if actor is not None and not hazard.in_scope_of(actor):
        raise ValidationError(_("不能在您负责的区划以外登记隐患。"), code="out_of_scope")
    return services.record_create(hazard, actor=actor, via=via)


def derived_status(instance: Hazard) -> str:
    """The state a desk edit or import gives: from the dates, except that a deadline set on a hazard not yet
    rectifying (登记, 下达整改) does not move it on."""
    derived = instance.status_from_dates()
    if instance.pk and instance.status in (S.REGISTERED, S.ORDERED) and derived == S.RECTIFYING:
        return instance.status
    return derived


# The steps of the loop (declared in `enforcement.procedures.HAZARD`) --------------------------------


def order(hazard: Hazard, *, actor: User | None, via: str, deadline: datetime.date) -> dict[str, Any]:
    """下达整改: the rectification is ordered, to be done by `deadline` (整改期限)."""
    return {"deadline": deadline, "status": S.ORDERED}


def start(hazard: Hazard, *, actor: User | None, via: str) -> dict[str, Any]:
    """整改中: the enterprise has received the order and is putting the hazard right."""
    return {"status": S.RECTIFYING}


def request_review(
    hazard: Hazard, *, actor: User | None, via: str, rectified_on: datetime.date
) -> dict[str, Any]:
    """申请复查: the enterprise reports the hazard put right on `rectified_on` and asks for a review."""
    if rectified_on > clock.today():
        raise ValidationError({"rectified_on": _("整改完成日期不能晚于今天。")}, code="future")
    return {"rectified_on": rectified_on, "status": S.REVIEW_REQUESTED}


def review(
    hazard: Hazard, *, actor: User | None, via: str, reviewed_on: datetime.date, passed: bool
) -> dict[str, Any]:
    """复查: 合格 closes the hazard (销号); 不合格 leaves it waiting for a new deadline."""
    if hazard.rectified_on and reviewed_on < hazard.rectified_on:
        raise ValidationError(
            {"reviewed_on": _("复查日期不能早于整改完成日期（%(d)s）。") % {"d": hazard.rectified_on}},
            code="review_before_rectified",
        )
    return {
        "reviewed_on": reviewed_on,
        "review_result": ReviewResult.RECTIFIED if passed else ReviewResult.NOT_RECTIFIED,
        "status": S.CLOSED if passed else S.FAILED,
    }


def reorder(hazard: Hazard, *, actor: User | None, via: str, deadline: datetime.date) -> dict[str, Any]:
    """重新限期整改: after a failed review, a new deadline; the loop goes back to 整改中.

    The failed review stays in the hazard's history (the audit trail)."""
    if hazard.reviewed_on and deadline <= hazard.reviewed_on:
        raise ValidationError(
            {"deadline": _("新的整改期限须晚于复查日期（%(d)s）。") % {"d": hazard.reviewed_on}},
            code="deadline_before_review",
        )
    return {
        "deadline": deadline,
        "rectified_on": None,
        "reviewed_on": None,
        "review_result": "",
        "status": S.RECTIFYING,
    }


def supervise(
    hazard: Hazard, *, actor: User | None, via: str, supervised_on: datetime.date, supervising_body: str
) -> dict[str, Any]:
    """挂牌督办: a major hazard goes on the supervised list until it is closed."""
    body = (supervising_body or "").strip()
    if not body:
        raise ValidationError({"supervising_body": _("请填写督办单位。")}, code="required")
    return {"supervised_on": supervised_on, "supervising_body": body}


# A major hazard that cannot be kept safe until removed: workers out, temporary suspension.
UNSAFE_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第三项"


def suspend(
    hazard: Hazard, *, actor: User | None, via: str, issued_on: datetime.date | None = None
) -> Hazard:
    """责令停产停业整顿 on the hazard, numbered and issued at once: an overdue hazard (逾期未改,
    安全生产法第一百零二条), or a major hazard that cannot be kept safe until removed, before its
    deadline (第六十五条第一款第三项: workers out, temporary suspension). The order is the record
    written; the hazard lists it among its orders and its history names it."""
    issued_on = issued_on or clock.today()
    content = basis = ""
    if not is_overdue(hazard) and hazard.unsafe_until_removed:
        content = _(
            "经查，你单位存在下列重大事故隐患，排除前或者排除过程中无法保证安全。现责令你单位自%(issued)s起"
            "从危险区域内撤出作业人员，暂时停产停业或者停止使用相关设施、设备。重大事故隐患排除后，经本局"
            "审查同意，方可恢复生产经营和使用。"
        ) % {"issued": chinese_date(issued_on)}
        basis = UNSAFE_BASIS
    order = order_issue(
        actor=actor,
        visit=hazard.visit,
        doc_type=OrderType.SUSPEND,
        hazards=[hazard],
        issued_on=issued_on,
        content=content,
        basis=basis,
        via=via,
    )
    reason = _("责令停产停业整顿：%(number)s") % {"number": order.number}
    audit.record(hazard, action=AuditAction.CHANGE, actor=actor, via=via, changes={}, reason=reason)
    hazard.refresh_from_db()
    return hazard
