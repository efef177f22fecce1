"""The leaders' dashboard as JSON: the same numbers as the dashboard page, for the user's region."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router

from emgov.api.params import year_query
from emgov.core import clock
from emgov.reports.dashboard import NoRegion, dashboard_data
from emgov.reports.views.dashboard import parse_year

router = Router(tags=["领导驾驶舱"])


@router.get("/", response=dict[str, Any], summary="年度工作概况、月度趋势、分布与逾期事项")
def dashboard(
    request: HttpRequest, year: int | None = year_query(), region: str | None = None
) -> dict[str, Any]:
    """The user's region (or one of its towns, `region`) in `year` (default: this year, or the latest
    year with records); a region outside the user's scope answers 404."""
    today = clock.today()
    try:
        return dashboard_data(
            request.auth, year=parse_year(str(year) if year else None, today), region_code=region, today=today
        )
    except NoRegion:
        raise Http404 from None
