"""What the visit ledger's pages show beyond the generic ones: tabs by nature, the checklist and the files."""

from __future__ import annotations

import copy
from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from emgov.core.pages import LedgerPages
from emgov.enforcement.models import Visit, VisitNature


def nature_tabs(pages: LedgerPages, request: HttpRequest) -> list[dict[str, Any]]:
    """全部 / 执法检查 / 帮扶指导 / 督导检查, each with its count under the other filters in use."""
    others = copy.copy(request)
    others.GET = request.GET.copy()
    current = others.GET.pop("nature", [""])[-1]
    others.GET.pop("page", None)
    qs, _state = pages.filtered(others)
    counts = dict(qs.order_by().values_list("nature").annotate(n=Count("pk")))
    base = others.GET.copy()
    tabs = [{"label": _("全部"), "value": "", "count": sum(counts.values())}]
    tabs += [
        {"label": label, "value": value, "count": counts.get(value, 0)}
        for value, label in VisitNature.choices
    ]
    for tab in tabs:
        query = base.copy()
        if tab["value"]:
            query["nature"] = tab["value"]
        tab["url"] = f"?{query.urlencode()}"
        tab["active"] = tab["value"] == current
    return tabs


def detail_extra(visit: Visit) -> dict[str, Any]:
    answers = visit.checklist_answers.filter(voided_at__isnull=True).select_related("item")
    return {
        "answers": list(answers.order_by("item__position", "item__article")),
        "attachments": [
            (a, reverse("legal:attachment", kwargs={"pk": a.pk})) for a in visit.attachments.all()
        ],
        "hazards": list(visit.hazards.filter(voided_at__isnull=True).order_by("number")),
        "record_url": reverse("enforcement:visit-record"),
    }
