"""主动公开 pages: the ledger of published items, and the year's disclosure statistics."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.pages import LedgerPages, ValuesFilter, YearFilter, parse_year
from emgov.core.permissions import LEGAL_STAFF
from emgov.publicity import queries
from emgov.publicity.forms.disclosures import DisclosureForm
from emgov.publicity.models import DisclosureItem


class DisclosurePages(LedgerPages):
    name = "disclosures"
    namespace = "publicity"
    model = DisclosureItem
    title = gettext_lazy("政府信息公开")
    ledger_id = "disclosures"
    form_class = DisclosureForm
    list_display = ("title", "number", "category", "published_on", "region")
    search_fields = ("number", "title")
    filter_fields = (ValuesFilter("category"), YearFilter("published_on"))
    select_related = ("region",)
    default_ordering = ("-published_on", "-number")
    edit_roles = LEGAL_STAFF


DISCLOSURE_PAGES = DisclosurePages()


def statistics(request: HttpRequest) -> HttpResponse:
    """The year's disclosure statistics: applications and proactive items."""
    this_year = clock.today().year
    year = parse_year(request.GET.get("year", "")) or this_year
    return render(
        request,
        "publicity/statistics.html",
        {
            "title": _("政府信息公开统计"),
            "stats": queries.year_statistics(request.user, year),
            "years": range(this_year, this_year - 11, -1),
        },
    )
