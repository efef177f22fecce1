"""Pages of the 双随机 draws: the list, a draw's result with its stored inputs, publishing (a step of
`procedures.DRAW`), the public list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.pages import LedgerPages
from emgov.core.pages.filters import PresenceFilter
from emgov.core.permissions import PLANNERS
from emgov.enforcement.models import Draw
from emgov.enforcement.procedures import DRAW
from emgov.enforcement.services import draws

PUBLIC_PAGE_SIZE = 10


class DrawPages(LedgerPages):
    name = "draws"
    namespace = "enforcement"
    model = Draw
    title = gettext_lazy("双随机抽查")
    list_display = ("number", "plan", "drawn_on", "size", "town", "industry", "risk_level", "published_on")
    search_fields = ("number", "plan__name", "plan__number")
    filter_fields = (
        "drawn_on",
        PresenceFilter(
            "published_on",
            label=gettext_lazy("是否公布"),
            yes=gettext_lazy("已公布"),
            no=gettext_lazy("未公布"),
            name="published",
        ),
    )
    select_related = ("plan", "town")
    default_ordering = ("-drawn_on", "-number")
    edit_roles = PLANNERS
    procedure = DRAW
    detail_template = "enforcement/draw_detail.html"

    def create_view(self, request: HttpRequest) -> HttpResponse:
        messages.info(request, _("请在检查计划页面抽查企业和执法人员。"))
        return redirect("enforcement:plans-list")

    def edit_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        raise Http404  # a draw is never changed: it is voided and drawn again

    def detail_extra(self, request: HttpRequest, obj: Draw) -> dict[str, Any]:
        return {"rows": draws.draw_rows([obj])[obj.pk], "verified": draws.draw_verified(obj)}


DRAW_PAGES = DrawPages()


def public_draws(request: HttpRequest) -> HttpResponse:
    """Published draws, for everyone: enterprise names and officers' names and certificate numbers only."""
    from emgov.publicity.views.public import render_public

    qs = (
        Draw.objects.filter(voided_at__isnull=True, plan__voided_at__isnull=True, published_on__isnull=False)
        .select_related("plan")
        .only("pk", "number", "drawn_on", "published_on", "result", "plan__name", "plan__voided_at")
        .order_by("-published_on", "-number")
    )
    page = Paginator(qs, PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = draws.draw_rows(page)
    return render_public(
        request,
        "enforcement/public_draws.html",
        {
            "title": _("双随机抽查结果公示"),
            "section": "public_enforcement:draws",
            "page": page,
            "draws": [(d, rows[d.pk]) for d in page],
        },
    )
