"""The public website (/public/): no login, published information only, nothing private.

Other apps add a section by appending to `PUBLIC_SECTIONS` and rendering with `render_public`
and a template that extends "publicity/public/base.html".
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from emgov.core.masking import mask_personal
from emgov.legal.models import NormativeDocument, NormativeStatus
from emgov.publicity.queries import public_penalties, published_items, search_public_penalties
from emgov.publicity.services.cf import public_listing, public_penalty
from emgov.publicity.services.letters import bureau_name

PUBLIC_PAGE_SIZE = 20

# The public site's menu: (URL name, label).
PUBLIC_SECTIONS: list[tuple[str, Any]] = [
    ("public:disclosures", _("政府信息公开")),
    ("public:normative-documents", _("现行有效规范性文件")),
    ("public:penalties", _("行政处罚决定公示")),
]


def register_public_section(url_name: str, label: Any) -> None:
    """Add a section of another app to the public site's menu (once)."""
    if not any(name == url_name for name, _label in PUBLIC_SECTIONS):
        PUBLIC_SECTIONS.append((url_name, label))


def render_public(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(
        request, template, {"public_sections": PUBLIC_SECTIONS, "site_name": bureau_name(), **context}
    )


def _page(request: HttpRequest, qs) -> Any:
    return Paginator(qs, PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))


def disclosure_list(request: HttpRequest) -> HttpResponse:
    items = published_items().only("pk", "number", "title", "category", "published_on")
    query = request.GET.get("q", "").strip()
    category = request.GET.get("category", "").strip()
    categories = list(published_items().order_by("category").values_list("category", flat=True).distinct())
    if query:
        items = items.filter(Q(title__icontains=query) | Q(number__icontains=query))
    if category:
        items = items.filter(category=category)
    return render_public(
        request,
        "publicity/public/disclosures.html",
        {
            "title": _("政府信息公开"),
            "section": "public:disclosures",
            "page": _page(request, items.order_by("-published_on", "-number")),
            "q": query,
            "category": category,
            "categories": categories,
        },
    )


def disclosure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(published_items(), pk=pk)
    return render_public(
        request,
        "publicity/public/disclosure.html",
        {"title": mask_personal(item.title), "section": "public:disclosures", "item": item},
    )


def normative_documents(request: HttpRequest) -> HttpResponse:
    documents = NormativeDocument.objects.live().filter(status=NormativeStatus.VALID)
    query = request.GET.get("q", "").strip()
    if query:
        documents = documents.filter(Q(title__icontains=query) | Q(number__icontains=query))
    return render_public(
        request,
        "publicity/public/normative_documents.html",
        {
            "title": _("现行有效规范性文件"),
            "section": "public:normative-documents",
            "page": _page(
                request,
                documents.only("number", "title", "effective_on", "valid_until").order_by(
                    "-effective_on", "number"
                ),
            ),
            "q": query,
        },
    )


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return None


# Only these columns are read for the public list: nothing private is even loaded.
PUBLIC_PENALTY_FIELDS = (
    "pk",
    "decision_number",
    "party_name",
    "party_type",
    "penalty_kinds",
    "fine_amount",
    "decided_on",
    "published_on",
)


def penalty_list(request: HttpRequest) -> HttpResponse:
    """行政处罚决定公示: published decisions (not withdrawn, not voided, not past their 公示截止期),
    searchable, paginated."""
    party = request.GET.get("party", "").strip()
    number = request.GET.get("number", "").strip()
    start_text, end_text = request.GET.get("start", "").strip(), request.GET.get("end", "").strip()
    start, end = _day(start_text), _day(end_text)
    cases = search_public_penalties(
        public_penalties().only(*PUBLIC_PENALTY_FIELDS), party=party, number=number, start=start, end=end
    )
    page = _page(request, cases.order_by("-published_on", "-decided_on", "-pk"))
    return render_public(
        request,
        "publicity/public/penalties.html",
        {
            "title": _("行政处罚决定公示"),
            "section": "public:penalties",
            "page": page,
            "decisions": [public_listing(case) for case in page],
            "party": party,
            "number": number,
            "start": start.isoformat() if start else "",
            "end": end.isoformat() if end else "",
            "query": urlencode({"party": party, "number": number, "start": start_text, "end": end_text}),
        },
    )


def penalty_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One decision as published: the deciding department (消防, 住建 … or the bureau) and its periods."""
    case = get_object_or_404(public_penalties().select_related("enterprise", "department"), pk=pk)
    decision = public_penalty(case)
    return render_public(
        request,
        "publicity/public/penalty.html",
        {
            "title": decision.decision_number or _("行政处罚决定"),
            "section": "public:penalties",
            "decision": decision,
        },
    )
