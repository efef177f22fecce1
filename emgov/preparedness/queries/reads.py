"""The responsibility matrix, the warnings in force, the town comparison of command-post checks and the
year's figures."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import User
from emgov.preparedness import rules
from emgov.preparedness.models import (
    CHECKLIST,
    CheckScore,
    CommandPostCheck,
    Drill,
    EarlyWarning,
    EmergencyPlan,
    EventType,
    Material,
    RescueTeam,
    WarningStatus,
)
from emgov.preparedness.queries.overdue import plans_in_force

# The matrix ---------------------------------------------------------------------------------------


def matrix(user: User, *, category: str = "", department: int | None = None, flagged: bool = False) -> dict:
    """Event types × departments (牵头 / 配合), the plans in force that cover each type, and the flags."""
    types = (
        EventType.objects.visible_to(user)
        .live()
        .select_related("lead_department")
        .prefetch_related(
            "supporting_departments",
            Prefetch("plans", queryset=plans_in_force(user).order_by("number"), to_attr="plans_in_force"),
        )
    )
    if category:
        types = types.filter(category=category)
    if department:
        types = types.filter(Q(lead_department=department) | Q(supporting_departments=department)).distinct()
    rows, departments = [], {}
    for event in types.order_by("category", "name"):
        roles = {event.lead_department_id: "牵头"} if event.lead_department_id else {}
        departments.setdefault(event.lead_department_id, event.lead_department)
        for d in event.supporting_departments.all():
            roles.setdefault(d.pk, "配合")
            departments.setdefault(d.pk, d)
        flags = []
        if not event.plans_in_force:
            flags.append(_("无应急预案覆盖"))
        if not event.lead_department_id:
            flags.append(_("无牵头部门"))
        if flagged and not flags:
            continue
        rows.append({"event": event, "roles": roles, "plans": event.plans_in_force, "flags": flags})
    columns = sorted((d for d in departments.values() if d), key=lambda d: d.short_name or d.name)
    for row in rows:
        row["cells"] = [row["roles"].get(d.pk, "") for d in columns]
    return {"rows": rows, "departments": columns}


# Warnings and checks --------------------------------------------------------------------------------


def warnings_in_force(now: datetime.datetime | None = None) -> QuerySet[EarlyWarning]:
    """Issued, not lifted and not past their expiry: what the public page and the feed show."""
    return (
        EarlyWarning.objects.live()
        .filter(status=WarningStatus.IN_FORCE, expires__gt=now or timezone.now())
        .select_related("event_type")
        .order_by("-sent_at", "-pk")
    )


def town_comparison(user: User) -> dict:
    """Each town's latest command-post check: the score of every item, the total and the weak items."""
    latest: dict[int, CommandPostCheck] = {}
    for check in (
        CommandPostCheck.objects.visible_to(user).live().select_related("town").order_by("-date", "-pk")
    ):
        latest.setdefault(check.town_id, check)
    scores = CheckScore.objects.live().filter(check_record__in=list(latest.values()))
    by_check: dict[int, dict[str, CheckScore]] = {}
    for score in scores:
        by_check.setdefault(score.check_record_id, {})[score.item] = score
    weak = rules.years_value(rules.WEAK_SCORE_PERCENT.key, clock.today())
    rows = []
    for check in sorted(latest.values(), key=lambda c: c.town.code):
        items = by_check.get(check.pk, {})
        cells = [items.get(key) for key, _label, _full in CHECKLIST]
        rows.append(
            {
                "check": check,
                "cells": [{"score": c, "weak": c is not None and c.percent < weak} for c in cells],
                "total": sum((c.score for c in cells if c is not None), 0),
            }
        )
    rows.sort(key=lambda r: -r["total"])
    return {"rows": rows, "items": CHECKLIST, "weak_percent": weak}


# Figures -------------------------------------------------------------------------------------------


def year_figures(user: User, year: int) -> dict[str, int]:
    """The preparedness figures of a year for the annual report and the dashboard, each an aggregate
    over the records its drill-down lists (plans evaluated, drills held, teams, stock, warnings issued)."""
    plans = (
        EmergencyPlan.objects.visible_to(user)
        .live()
        .aggregate(
            evaluated=Count("pk", filter=Q(evaluated_on__year=year)),
            filed=Count("pk", filter=Q(filed_on__year=year)),
            published=Count("pk", filter=Q(published_on__year=year)),
        )
    )
    drills = (
        Drill.objects.visible_to(user)
        .live()
        .filter(date__year=year)
        .aggregate(held=Count("pk"), people=Sum("participants"))
    )
    teams = RescueTeam.objects.visible_to(user).live().aggregate(teams=Count("pk"), members=Sum("members"))
    warnings = EarlyWarning.objects.visible_to(user).live().exclude(status=WarningStatus.DRAFT)
    return {
        "plans_published": plans["published"],
        "plans_evaluated": plans["evaluated"],
        "plans_filed": plans["filed"],
        "drills_held": drills["held"],
        "drill_participants": drills["people"] or 0,
        "teams": teams["teams"],
        "team_members": teams["members"] or 0,
        "material_items": Material.objects.visible_to(user).live().count(),
        "warnings_issued": warnings.filter(sent_at__year=year).count(),
    }
