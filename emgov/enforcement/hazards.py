"""Writes of the hazard loop (隐患闭环): 登记 → 下达整改 → 整改中 → 申请复查 → 复查合格（销号）or 复查不合格.

Every step is one audited update (`core.services.record_update`, with the step's name as the reason),
accepted only from the states the step allows; a refused step says which step and why, in Chinese.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import Hazard, HazardGrade, HazardStatus, ReviewResult, Visit

S = HazardStatus


@dataclass(frozen=True)
class HazardStep:
    """One step of the loop: the states it starts from and the state it leads to."""

    name: str
    label: Promise
    sources: frozenset[str]
    target: str | None  # None: the step decides (复查: 合格 or 不合格)


STEPS: dict[str, HazardStep] = {
    step.name: step
    for step in (
        HazardStep("order", gettext_lazy("下达整改"), frozenset({S.REGISTERED}), S.ORDERED),
        HazardStep("start", gettext_lazy("开始整改"), frozenset({S.ORDERED}), S.RECTIFYING),
        HazardStep("request-review", gettext_lazy("申请复查"), frozenset({S.RECTIFYING}), S.REVIEW_REQUESTED),
        HazardStep("review", gettext_lazy("复查"), frozenset({S.REVIEW_REQUESTED}), None),
        HazardStep("reorder", gettext_lazy("重新限期整改"), frozenset({S.FAILED}), S.RECTIFYING),
    )
}


def allowed_steps(hazard: Hazard) -> list[HazardStep]:
    if hazard.voided_at is not None:
        return []
    return [step for step in STEPS.values() if hazard.status in step.sources]


def _require_step(hazard: Hazard, name: str) -> HazardStep:
    step = STEPS[name]
    if hazard.voided_at is not None:
        raise ValidationError(
            _("隐患%(number)s已作废，不能执行“%(step)s”。") % {"number": hazard.number, "step": step.label},
            code="voided",
        )
    if hazard.status not in step.sources:
        allowed = "、".join(str(s.label) for s in allowed_steps(hazard)) or _("无")
        raise ValidationError(
            _("隐患%(number)s当前状态为“%(status)s”，不能执行“%(step)s”；可执行的步骤：%(allowed)s。")
            % {
                "number": hazard.number,
                "status": hazard.get_status_display(),
                "step": step.label,
                "allowed": allowed,
            },
            code="step_not_allowed",
        )
    return step


def require_scope(hazard: Hazard, actor: User | None) -> None:
    services.require_scope(hazard, actor, _("不能处理您负责的区划以外的隐患。"))


def _require_date(value: datetime.date | None, field: str, label: str) -> datetime.date:
    if not value:
        raise ValidationError({field: _("请填写%(label)s。") % {"label": label}}, code="required")
    return value


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
    number: str = "",
    via: str = VIA_WEB,
) -> Hazard:
    """登记: a hazard found on `visit`; its number is the visit's number and a serial (检查编号-01)."""
    hazard = Hazard(
        number=number or _next_number(visit),
        visit=visit,
        description=(description or "").strip(),
        grade=grade,
        basis=(basis or "").strip(),
        deadline=deadline,
        status=S.REGISTERED,
    )
    if actor is not None and not hazard.in_scope_of(actor):
        raise ValidationError(_("不能在您负责的区划以外登记隐患。"), code="out_of_scope")
    return services.record_create(hazard, actor=actor, via=via)


def _apply(
    hazard: Hazard,
    name: str,
    *,
    actor: User | None,
    changes: dict[str, Any],
    expected_version: int | None,
    via: str,
    check: Callable[[Hazard], None] | None = None,
) -> Hazard:
    current = services.record_lock(hazard, expected_version=expected_version)
    step = _require_step(current, name)
    require_scope(current, actor)
    if check:
        check(current)
    changes.setdefault("status", step.target)
    return services.record_update(current, actor=actor, changes=changes, via=via, reason=str(step.label))


@transaction.atomic
def hazard_order(
    hazard: Hazard,
    *,
    actor: User | None,
    deadline: datetime.date | None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Hazard:
    """下达整改: the rectification is ordered, to be done by `deadline` (整改期限)."""
    deadline = _require_date(deadline, "deadline", _("整改期限"))
    return _apply(
        hazard,
        "order",
        actor=actor,
        changes={"deadline": deadline},
        expected_version=expected_version,
        via=via,
    )


@transaction.atomic
def hazard_start(
    hazard: Hazard, *, actor: User | None, expected_version: int | None = None, via: str = VIA_WEB
) -> Hazard:
    """整改中: the enterprise has received the order and is putting the hazard right."""
    return _apply(hazard, "start", actor=actor, changes={}, expected_version=expected_version, via=via)


@transaction.atomic
def hazard_request_review(
    hazard: Hazard,
    *,
    actor: User | None,
    rectified_on: datetime.date | None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Hazard:
    """申请复查: the enterprise reports the hazard put right on `rectified_on` and asks for a review."""
    rectified_on = _require_date(rectified_on, "rectified_on", _("整改完成日期"))
    if rectified_on > timezone.localdate():
        raise ValidationError({"rectified_on": _("整改完成日期不能晚于今天。")}, code="future")
    return _apply(
        hazard,
        "request-review",
        actor=actor,
        changes={"rectified_on": rectified_on},
        expected_version=expected_version,
        via=via,
    )


@transaction.atomic
def hazard_review(
    hazard: Hazard,
    *,
    actor: User | None,
    reviewed_on: datetime.date | None,
    passed: bool,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Hazard:
    """复查: 合格 closes the hazard (销号); 不合格 leaves it waiting for a new deadline."""
    reviewed_on = _require_date(reviewed_on, "reviewed_on", _("复查日期"))

    def check(current: Hazard) -> None:
        if current.rectified_on and reviewed_on < current.rectified_on:
            raise ValidationError(
                {"reviewed_on": _("复查日期不能早于整改完成日期（%(d)s）。") % {"d": current.rectified_on}},
                code="review_before_rectified",
            )

    changes = {
        "reviewed_on": reviewed_on,
        "review_result": ReviewResult.RECTIFIED if passed else ReviewResult.NOT_RECTIFIED,
        "status": S.CLOSED if passed else S.FAILED,
    }
    return _apply(
        hazard,
        "review",
        actor=actor,
        changes=changes,
        expected_version=expected_version,
        via=via,
        check=check,
    )


@transaction.atomic
def hazard_reorder(
    hazard: Hazard,
    *,
    actor: User | None,
    deadline: datetime.date | None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Hazard:
    """重新限期整改: after a failed review, a new deadline; the loop goes back to 整改中.

    The failed review stays in the hazard's history (the audit trail)."""
    deadline = _require_date(deadline, "deadline", _("整改期限"))

    def check(current: Hazard) -> None:
        if current.reviewed_on and deadline <= current.reviewed_on:
            raise ValidationError(
                {"deadline": _("新的整改期限须晚于复查日期（%(d)s）。") % {"d": current.reviewed_on}},
                code="deadline_before_review",
            )

    changes = {"deadline": deadline, "rectified_on": None, "reviewed_on": None, "review_result": ""}
    return _apply(
        hazard,
        "reorder",
        actor=actor,
        changes=changes,
        expected_version=expected_version,
        via=via,
        check=check,
    )


def can_supervise(hazard: Hazard) -> bool:
    return (
        hazard.voided_at is None
        and hazard.grade == HazardGrade.MAJOR
        and hazard.status != S.CLOSED
        and hazard.supervised_on is None
    )


@transaction.atomic
def hazard_supervise(
    hazard: Hazard,
    *,
    actor: User | None,
    supervised_on: datetime.date | None,
    supervising_body: str,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Hazard:
    """挂牌督办: a major hazard goes on the supervised list until it is closed."""
    current = services.record_lock(hazard, expected_version=expected_version)
    require_scope(current, actor)
    if not can_supervise(current):
        raise ValidationError(
            _("隐患%(number)s不能挂牌督办：只有未销号、尚未督办的重大事故隐患可以挂牌督办。")
            % {"number": current.number},
            code="step_not_allowed",
        )
    supervised_on = _require_date(supervised_on, "supervised_on", _("挂牌督办日期"))
    body = (supervising_body or "").strip()
    if not body:
        raise ValidationError({"supervising_body": _("请填写督办单位。")}, code="required")
    return services.record_update(
        current,
        actor=actor,
        changes={"supervised_on": supervised_on, "supervising_body": body},
        via=via,
        reason=_("挂牌督办"),
    )
