"""Inspection plans: create and change them, set their targets, and measure progress against them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import InspectionPlan, PlanPeriod, PlanTarget, Visit, VisitNature


def require_scope(record: Any, actor: User | None) -> None:
    services.require_scope(record, actor, _("不能把记录放在您负责的区划以外。"))


def require_live(plan: InspectionPlan) -> None:
    if plan.voided_at is not None:
        raise ValidationError(_("该检查计划已作废，不能再修改或抽查。"), code="voided")


@transaction.atomic
def plan_create(*, actor: User | None, via: str = VIA_WEB, **fields: Any) -> InspectionPlan:
    plan = InspectionPlan(**fields)
    if plan.period == PlanPeriod.YEARLY:
        plan.month = None
    require_scope(plan, actor)
    return services.record_create(plan, actor=actor, via=via)


@transaction.atomic
def plan_update(
    plan: InspectionPlan,
    *,
    actor: User | None,
    changes: dict[str, Any],
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> InspectionPlan:
    probe = InspectionPlan.objects.get(pk=plan.pk)
    for name, value in changes.items():
        setattr(probe, name, value)
    require_scope(probe, actor)
    return services.record_update(
        plan, actor=actor, changes=changes, expected_version=expected_version, via=via
    )


@transaction.atomic
def plan_target_add(
    plan: InspectionPlan,
    *,
    actor: User | None,
    count: int,
    town: Any = None,
    industry: str = "",
    risk_level: str = "",
    via: str = VIA_WEB,
) -> PlanTarget:
    plan = InspectionPlan.objects.select_for_update().get(pk=plan.pk)
    require_live(plan)
    require_scope(plan, actor)
    if town is not None and plan.region_id and not town.path.startswith(plan.region.path):
        raise ValidationError(
            {"town": _("镇街“%(town)s”不在计划的区划内") % {"town": town}}, code="town_outside"
        )
    target = PlanTarget(plan=plan, town=town, industry=(industry or "").strip(), risk_level=risk_level or "")
    target.count = count
    return services.record_create(target, actor=actor, via=via)


def plan_target_void(
    target: PlanTarget, *, actor: User | None, reason: str, via: str = VIA_WEB
) -> PlanTarget:
    require_scope(target.plan, actor)
    return services.record_void(target, actor=actor, reason=reason, via=via)


# Progress ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetProgress:
    target: PlanTarget
    done: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.target.count)) if self.target.count else 0


def plan_visits(plan: InspectionPlan, visits: QuerySet[Visit]) -> QuerySet[Visit]:
    """The enforcement visits (执法检查) among `visits` that fall in the plan's year or month."""
    qs = visits.filter(voided_at__isnull=True, nature=VisitNature.ENFORCEMENT, date__year=plan.year)
    if plan.period == PlanPeriod.MONTHLY and plan.month:
        qs = qs.filter(date__month=plan.month)
    return qs


def target_q(target: PlanTarget, prefix: str = "") -> Q:
    """The enterprises a target covers, as a filter on a path to Enterprise (`prefix`, e.g. "enterprise__")."""
    q = Q(**{f"{prefix}voided_at__isnull": True})
    if target.town_id:
        q &= Q(**{f"{prefix}town_id": target.town_id})
    if target.industry:
        q &= Q(**{f"{prefix}industry": target.industry})
    if target.risk_level:
        q &= Q(**{f"{prefix}risk_level": target.risk_level})
    return q


def plan_progress(plan: InspectionPlan, visits: QuerySet[Visit]) -> list[TargetProgress]:
    """Per live target: the distinct enterprises it covers that had an enforcement visit in the plan's period."""
    targets = list(plan.targets.filter(voided_at__isnull=True).select_related("town"))
    if not targets:
        return []
    counts = plan_visits(plan, visits).aggregate(
        **{
            f"t{t.pk}": Count("enterprise", distinct=True, filter=target_q(t, "enterprise__"))
            for t in targets
        }
    )
    return [TargetProgress(target=t, done=counts[f"t{t.pk}"]) for t in targets]
