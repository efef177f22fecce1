"""What is due or overdue by the rules of the rule table: plan evaluations, drill frequency, team
checks, stock below minimum or expiring, follow-ups."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Max, Q, QuerySet
from django.utils.translation import gettext as _

from emgov.core.models import Region, RegionLevel, User
from emgov.core.permissions import STAFF
from emgov.enterprises.models import Enterprise
from emgov.preparedness import rules
from emgov.preparedness.models import (
    Drill,
    EmergencyPlan,
    EvaluationResult,
    FollowUp,
    Material,
    PlanKind,
    RescueTeam,
)

SOON = datetime.timedelta(days=30)


def _staff(user: User, roles: frozenset[str] = STAFF) -> bool:
    return user.is_authenticated and (user.sees_everything or user.role in roles)


# Plans ---------------------------------------------------------------------------------------------


def plans_in_force(user: User) -> QuerySet[EmergencyPlan]:
    return (
        EmergencyPlan.objects.visible_to(user)
        .live()
        .filter(published_on__isnull=False, superseded_on__isnull=True)
        .select_related("department", "region")
    )


def evaluation_due(plan: EmergencyPlan, today: datetime.date) -> datetime.date | None:
    """The rule's interval from publication or the last evaluation; an earlier date set on the plan wins."""
    due = rules.evaluation_due(plan.evaluated_on or plan.published_on, today)
    if plan.next_review_on and (due is None or plan.next_review_on < due):
        return plan.next_review_on
    return due


@dataclass(frozen=True)
class Due:
    record: Any
    due: datetime.date | None
    why: str

    def overdue(self, today: datetime.date) -> bool:
        return self.due is None or self.due < today


def plans_to_evaluate(user: User, today: datetime.date, horizon: datetime.timedelta = SOON) -> list[Due]:
    """Plans in force whose evaluation is overdue or falls due within `horizon`, and those an evaluation
    found in need of revision and whose revision has not started."""
    out = []
    for plan in plans_in_force(user).annotate(open_revisions=Max("revisions__pk")):
        if plan.evaluation_result == EvaluationResult.REVISE and plan.open_revisions is None:
            out.append(Due(plan, plan.evaluated_on, _("评估结论为需要修订，尚未启动修订")))
            continue
        due = evaluation_due(plan, today)
        if due and due <= today + horizon:
            out.append(Due(plan, due, _("定期评估到期")))
    return sorted(out, key=lambda d: d.due or datetime.date.min)


def plans_undrilled(user: User, today: datetime.date) -> list[Due]:
    """专项 and 部门 plans in force not drilled within the rule's cycle (a drill of an earlier version counts)."""
    years = rules.years_value(rules.SPECIAL_PLAN_DRILL_YEARS.key, today)
    plans = plans_in_force(user).filter(kind__in=(PlanKind.SPECIAL, PlanKind.DEPARTMENT))
    plans = plans.annotate(
        last=Max("drills__date", filter=Q(drills__voided_at__isnull=True)),
        last_before=Max("previous__drills__date", filter=Q(previous__drills__voided_at__isnull=True)),
    )
    out = []
    for plan in plans:
        last = max(filter(None, (plan.last, plan.last_before)), default=None)
        due = rules.add_months(last or plan.published_on, 12 * years)
        if due < today:
            out.append(Due(plan, due, _("最近演练：%(d)s") % {"d": last or _("无")}))
    return sorted(out, key=lambda d: d.due)


def towns_undrilled(user: User, today: datetime.date) -> list[Due]:
    """Towns that have not held a drill within the cycle of 生产安全事故应急条例第八条第一款."""
    years = rules.years_value(rules.LOCAL_DRILL_YEARS.key, today)
    since = rules.add_months(today, -12 * years)
    towns = Region.objects.filter(level=RegionLevel.TOWN).order_by("code")
    if not user.sees_everything:
        paths = user.region_paths()
        towns = [t for t in towns if any(t.path.startswith(p) or p.startswith(t.path) for p in paths)]
    last = dict(
        Drill.objects.live()
        .filter(region__level=RegionLevel.TOWN)
        .values_list("region")
        .annotate(last=Max("date"))
        .values_list("region", "last")
    )
    out = []
    for town in towns:
        held = last.get(town.pk)
        if held is None or held < since:
            due = rules.add_months(held, 12 * years) if held else None
            out.append(Due(town, due, _("最近演练：%(d)s") % {"d": held or _("无")}))
    return out


def enterprises_undrilled(user: User, today: datetime.date) -> list[Due]:
    """High-risk units whose last recorded drill is older than the six-month cycle."""
    months = rules.years_value(rules.HIGH_RISK_DRILL_MONTHS.key, today)
    since = rules.add_months(today, -months)
    found = (
        Enterprise.objects.visible_to(user)
        .filter(industry__in=rules.HIGH_RISK_INDUSTRIES)
        .annotate(
            last=Max("preparedness_drills__date", filter=Q(preparedness_drills__voided_at__isnull=True))
        )
        .filter(last__lt=since)
        .order_by("last")
    )
    return [Due(e, rules.add_months(e.last, months), _("最近演练：%(d)s") % {"d": e.last}) for e in found]


# Teams, materials, follow-ups -----------------------------------------------------------------------


def teams_to_check(user: User, today: datetime.date) -> QuerySet[RescueTeam]:
    months = rules.years_value(rules.TEAM_CHECK_MONTHS.key, today)
    since = rules.add_months(today, -months)
    return (
        RescueTeam.objects.visible_to(user)
        .live()
        .filter(Q(checked_on__isnull=True) | Q(checked_on__lt=since))
        .select_related("town")
        .order_by(F("checked_on").asc(nulls_first=True), "name")
    )


def materials_below_minimum(user: User) -> QuerySet[Material]:
    return (
        Material.objects.visible_to(user)
        .live()
        .filter(minimum__isnull=False, quantity__lt=F("minimum"))
        .select_related("town")
        .order_by("town__code", "name")
    )


def materials_expiring(user: User, today: datetime.date) -> QuerySet[Material]:
    """Expired, or expiring within the rule's warning days."""
    days = rules.years_value(rules.EXPIRY_WARNING_DAYS.key, today)
    return (
        Material.objects.visible_to(user)
        .live()
        .filter(valid_until__lte=today + datetime.timedelta(days=days))
        .select_related("town")
        .order_by("valid_until", "name")
    )


def follow_ups_open(
    user: User, today: datetime.date, horizon: datetime.timedelta = SOON
) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.visible_to(user)
        .live()
        .filter(closed_on__isnull=True, due_on__lte=today + horizon)
        .select_related("owner", "drill", "check_record")
        .order_by("due_on", "pk")
    )
