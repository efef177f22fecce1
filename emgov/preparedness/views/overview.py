"""What is overdue in preparedness (by the rules of the rule table), and the towns' command-post checks
compared."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.preparedness import queries, rules


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    user, today = request.user, clock.today()
    return render(
        request,
        "preparedness/overdue.html",
        {
            "title": _("应急准备逾期与预警事项"),
            "today": today,
            "plans": queries.plans_to_evaluate(user, today),
            "undrilled_plans": queries.plans_undrilled(user, today),
            "undrilled_towns": queries.towns_undrilled(user, today),
            "undrilled_enterprises": queries.enterprises_undrilled(user, today)[:100],
            "teams": queries.teams_to_check(user, today)[:200],
            "below_minimum": queries.materials_below_minimum(user)[:200],
            "expiring": queries.materials_expiring(user, today)[:200],
            "follow_ups": queries.follow_ups_open(user, today),
            "rules": {
                "evaluation": rules.PLAN_EVALUATION_YEARS,
                "special": rules.SPECIAL_PLAN_DRILL_YEARS,
                "local": rules.LOCAL_DRILL_YEARS,
                "high_risk": rules.HIGH_RISK_DRILL_MONTHS,
                "team": rules.TEAM_CHECK_MONTHS,
                "expiry": rules.EXPIRY_WARNING_DAYS,
            },
        },
    )


@login_required
def town_comparison(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "preparedness/town_comparison.html",
        {"title": _("现场指挥部检查镇街对比"), **queries.town_comparison(request.user)},
    )
