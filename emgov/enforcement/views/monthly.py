"""The 四不两直 monthly check page: for a year and the user's scope, each month met or not, and what is missing."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.enforcement.queries import (
    MIN_ENTERPRISES_PER_OPERATION,
    MIN_OPERATIONS_PER_MONTH,
    unannounced_months_for,
)

YEARS_BACK = 10


def monthly_check(request: HttpRequest) -> HttpResponse:
    this_year = clock.today().year
    years = list(range(this_year, this_year - YEARS_BACK - 1, -1))
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    if year not in years:
        year = this_year
    months = unannounced_months_for(request.user, year)
    return render(
        request,
        "enforcement/monthly_check.html",
        {
            "title": _("“四不两直”月度核查"),
            "year": year,
            "years": years,
            "months": months,
            "met_count": sum(1 for m in months if m.met),
            "min_operations": MIN_OPERATIONS_PER_MONTH,
            "min_enterprises": MIN_ENTERPRISES_PER_OPERATION,
        },
    )
