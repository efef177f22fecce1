"""The annual report's pages: the report with its figures linked, downloads, drill-down lists, the edit page."""

from __future__ import annotations

import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.documents import document_response
from emgov.core.models import Region, User
from emgov.core.models.regions import bureau_region
from emgov.core.pages.base import pages_for
from emgov.core.pages.fields import path_value
from emgov.core.permissions import REPORT_EDITORS
from emgov.enforcement.models import Visit
from emgov.reports.annual import build_report, figure_for, revisit_preview, suggestions
from emgov.reports.annual_document import annual_document, filename_stem
from emgov.reports.editor import figure_group
from emgov.reports.figures import Scope
from emgov.reports.narrative import format_used
from emgov.reports.services import narrative_for
from emgov.reports.wording import figure_text, thousands

EDIT_ROLES = REPORT_EDITORS
__all__ = ["annual", "annual_download", "annual_edit", "figure_records"]
PAGE_SIZE = 50


def can_edit(user: User) -> bool:
    return user.sees_everything or user.role in EDIT_ROLES


def _default_region(user: User, regions) -> Region:
    """The bureau's region for those who see everything; otherwise the user's own highest region."""
    region = (bureau_region() if user.sees_everything else None) or regions.order_by("path").first()
    if region is None:
        raise Http404
    return region


def _default_year(region: Region) -> int:
    latest = Visit.objects.in_region(region).aggregate(last=Max("date"))["last"]
    return latest.year if latest else clock.today().year


def scope_of(request: HttpRequest) -> Scope:
    """The year, region (one the user may see, else 404) and as-of date named by the query string."""
    regions = Region.objects.visible_to(request.user)
    code = request.GET.get("region")
    region = get_object_or_404(regions, code=code) if code else _default_region(request.user, regions)
    try:
        year = int(request.GET["year"]) if request.GET.get("year") else _default_year(region)
        as_of = datetime.date.fromisoformat(request.GET["as_of"]) if request.GET.get("as_of") else None
        return Scope.of(year=year, region_code=region.code, as_of=as_of)
    except (ValueError, OverflowError):
        raise Http404 from None


def scope_query(scope: Scope) -> str:
    params = {"year": scope.year, "region": scope.region.code}
    if scope.as_of != datetime.date(scope.year, 12, 31):
        params["as_of"] = scope.as_of.isoformat()
    return urlencode(params)


def _links(scope: Scope) -> dict[str, str]:
    query = scope_query(scope)
    return {
        "query": query,
        "docx": f"{reverse('reports:annual-download', args=['docx'])}?{query}",
        "pdf": f"{reverse('reports:annual-download', args=['pdf'])}?{query}",
        "edit": f"{reverse('reports:annual-edit')}?{query}",
        "records": reverse("reports:figure-records", args=["KEY"]),
    }


def _hints(scope: Scope) -> dict:
    count, preview = revisit_preview(scope)
    return {"suggestions": suggestions(scope), "revisit_count": count, "revisit_preview": preview}


def _annual_page(request: HttpRequest, report, *, status: int = 200) -> HttpResponse:
    scope = report.scope
    regions = Region.objects.visible_to(request.user).exclude(level="镇街").order_by("path")
    towns = Region.objects.visible_to(request.user).filter(level="镇街").order_by("path")
    return render(
        request,
        "reports/annual.html",
        {
            "title": _("年度法治政府建设报告"),
            "report": report,
            "scope": scope,
            "links": _links(scope),
            "can_edit": can_edit(request.user),
            "regions": [*regions, *towns],
            "refused": status != 200,
            **_hints(scope),
        },
        status=status,
    )


@login_required
def annual(request: HttpRequest) -> HttpResponse:
    return _annual_page(request, build_report(scope_of(request), compare=True))


@login_required
def annual_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The report in Word or PDF; while the records contradict a fact of its text (`report.problems`),
    the report page again (409), naming each check, until the writer edits the narrative."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    report = build_report(scope_of(request), compare=True)
    if report.problems:
        return _annual_page(request, report, status=409)
    return document_response(annual_document(report), filename_stem(report), fmt)


@login_required
def figure_records(request: HttpRequest, key: str) -> HttpResponse:
    """The records that make up one figure, scoped to the user, one page at a time."""
    try:
        figure = figure_for(key)
    except KeyError:
        raise Http404 from None
    scope = scope_of(request)
    records = figure.records(scope)
    model = records.model
    records = records.filter(pk__in=model.objects.visible_to(request.user).values("pk"))
    pages = pages_for(model)
    columns = pages.columns() if pages else []
    if pages and pages.select_related:
        records = records.select_related(*pages.select_related)
    if pages and pages.prefetch_related:
        records = records.prefetch_related(*pages.prefetch_related)
    if not records.query.order_by and not model._meta.ordering:
        records = records.order_by("pk")
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "obj": obj,
            "url": _detail_url(pages, obj.pk),
            "cells": [(label, *_cell(path_value(obj, name))) for name, label in columns]
            if columns
            else [("", str(obj), False)],
        }
        for obj in page
    ]
    query = scope_query(scope)
    title, body, _stored = narrative_for(scope.year, scope.region)
    used = format_used(f"{title}\n{body}", figure.key)
    return render(
        request,
        "reports/figure_records.html",
        {
            "title": f"{figure_group(figure.key)}：{figure.words}",
            "figure": figure,
            "value": figure_text(figure.key, figure.value(scope), figure.unit, used),
            "count": thousands(page.paginator.count),
            "scope": scope,
            "page": page,
            "rows": rows,
            "columns": [label for _name, label in columns] or [str(model._meta.verbose_name)],
            "query": query,
            "back": f"{reverse('reports:annual')}?{query}",
        },
    )


def _cell(value) -> tuple[object, bool]:
    """A cell's text and whether it is a number (money with thousands separators, right-aligned)."""
    if isinstance(value, Decimal):
        return f"{value:,}", True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value, True
    return value, False


def _detail_url(pages, pk) -> str | None:
    if pages is None:
        return None
    try:
        return pages.url("detail", pk=pk)
    except Exception:
        return None


from emgov.reports.views.narrative import annual_edit  # noqa: E402  (it uses the helpers above)
