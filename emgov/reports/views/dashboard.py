"""The leaders' dashboard page and its drill-down lists of overdue and due records."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.models import Department, RegionLevel, Role, User
from emgov.reports.dashboard import NoRegion, dashboard_data, pick_region, region_choices
from emgov.reports.dashboard_deadlines import KINDS, WHEN, Window, deadline_records

PAGE_SIZE = 50


def parse_year(value: str | None, today: datetime.date) -> int | None:
    """A year from the query string, or None (the default year) when it is missing or not sensible."""
    if not value or not value.isdigit():
        return None
    year = int(value)
    return year if 2000 <= year <= today.year else None


# The breakdown of a region's visits by the regions one level below it (`tallies.breakdown_names`).
BREAKDOWN_TITLES = {RegionLevel.PROVINCE: gettext_lazy("按地市"), RegionLevel.CITY: gettext_lazy("按区县")}


def chart_labels(level: str = RegionLevel.COUNTY) -> dict[str, str]:
    """The words on the charts, translated here so that the script holds no interface text; the
    breakdown by region is named by the level of the dashboard's region."""
    return {
        "trends": _("月度趋势"),
        "visits": _("执法检查（次）"),
        "hazards_found": _("发现隐患（处）"),
        "hazards_closed": _("隐患销号（处）"),
        "penalties_title": _("行政处罚与罚款"),
        "penalties": _("行政处罚（次）"),
        "fines": _("罚款（万元）"),
        "towns": str(BREAKDOWN_TITLES.get(level, _("按镇街"))),
        "industries": _("按行业"),
        "rectification": _("隐患整改"),
        "closed": _("已销号"),
        "open": _("未销号"),
        "month": _("%(m)s月"),
        "empty": _("暂无数据"),
    }


def dashboard_context(request: HttpRequest) -> dict[str, Any]:
    """The dashboard's data and region choices for the request's user; 404 when they have no region."""
    user: User = request.user
    today = clock.today()
    choices = region_choices(user)
    try:
        data = dashboard_data(
            user,
            year=parse_year(request.GET.get("year"), today),
            region_code=request.GET.get("region") or None,
            today=today,
            choices=choices,
        )
    except NoRegion:
        raise Http404 from None
    labels = chart_labels(data["region"]["level"])
    return {"dashboard": data, "region_choices": choices, "chart_labels": labels}


def dashboard(request: HttpRequest) -> HttpResponse:
    context = dashboard_context(request)
    context["title"] = _("领导驾驶舱")
    return render(request, "reports/dashboard.html", context)


def home_panel(request: HttpRequest) -> str:
    """The dashboard above a leader's (or administrator's) to-do list; a link to it for everyone else."""
    user: User = request.user
    if not (user.role == Role.LEADER or user.sees_everything):
        return render_to_string("reports/dashboard_link.html", {}, request)
    try:
        context = dashboard_context(request)
    except Http404:
        return ""
    return render_to_string("reports/dashboard_panel.html", context, request)


def deadline_list(request: HttpRequest, kind: str, when: str) -> HttpResponse:
    if kind not in KINDS or when not in WHEN:
        raise Http404
    today = clock.today()
    try:
        region = pick_region(region_choices(request.user), request.GET.get("region") or None)
    except NoRegion:
        raise Http404 from None
    bureau = Department.objects.filter(is_bureau=True).first()
    spec = KINDS[kind]
    records = deadline_records(request.user, kind, when, region, bureau, Window.of(today))
    fields = [name for name, _label in spec.columns]
    page = Paginator(records.values("pk", *fields), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "url": reverse(spec.detail_url, kwargs={"pk": row["pk"]}),
            "cells": [row[name] if row[name] is not None else "" for name in fields],
        }
        for row in page
    ]
    heading = (
        _("%(kind)s：已逾期（%(region)s）") if when == "overdue" else _("%(kind)s：7日内到期（%(region)s）")
    ) % {"kind": spec.title, "region": region.name}
    return render(
        request,
        "reports/dashboard_deadlines.html",
        {
            "title": heading,
            "headers": [label for _name, label in spec.columns],
            "rows": rows,
            "page": page,
            "region": region,
            "when": when,
        },
    )
