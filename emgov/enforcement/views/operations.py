"""Pages of operations: the ledger, what an operation reached, the leader-supervision filter, 回头看 rounds."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.models import User
from emgov.core.pages import LedgerPages, YearFilter
from emgov.core.pages.filters import Filter
from emgov.core.permissions import FIELD_STAFF, PLANNERS
from emgov.enforcement.forms.operations import OperationForm
from emgov.enforcement.forms.plans import RevisitCreateForm, RevisitForm
from emgov.enforcement.models import Operation, OperationKind, Visit
from emgov.enforcement.queries import revisit_candidates
from emgov.enforcement.services.revisits import revisit_propose
from emgov.enterprises.models import Enterprise

VISITS_SHOWN = 200

RECORD_CLASSES = {
    "supervision": (gettext_lazy("领导督导检查记录"), Q(kind=OperationKind.SUPERVISION)),
    "enforcement": (gettext_lazy("执法行动（不含领导督导）"), ~Q(kind=OperationKind.SUPERVISION)),
}


class RecordClassFilter(Filter):
    """Leader supervision records (督导检查) apart from enforcement operations, as the report counts them."""

    def __init__(self) -> None:
        super().__init__("kind", label=gettext_lazy("记录类别"), name="record_class")

    def options(self, pages: Any, user: User) -> list[tuple[str, str]]:
        return [(key, str(label)) for key, (label, _q) in RECORD_CLASSES.items()]

    def apply(self, qs: models.QuerySet, value: str) -> models.QuerySet:
        entry = RECORD_CLASSES.get(value)
        return qs.filter(entry[1]) if entry else qs


def operation_reach(operation: Operation, user: User) -> dict[str, Any]:
    """The visits of an operation the user may see, with its distinct enterprises and towns."""
    visits = Visit.objects.visible_to(user).filter(operation=operation, voided_at__isnull=True)
    shown = list(
        visits.select_related("enterprise__town", "department").order_by("date", "number")[: VISITS_SHOWN + 1]
    )
    towns = list(
        visits.order_by()
        .values("enterprise__town__name", "enterprise__town__code")
        .annotate(enterprises=Count("enterprise", distinct=True), visits=Count("pk"))
        .order_by("enterprise__town__code")
    )
    enterprises = (
        Enterprise.objects.filter(pk__in=visits.values("enterprise_id"))
        .select_related("town")
        .order_by("town__code", "name")
    )
    planned = Enterprise.objects.visible_to(user).filter(planned_operations=operation).select_related("town")
    planned = planned.annotate(
        visited=Count("visits", filter=Q(visits__operation=operation, visits__voided_at__isnull=True))
    ).order_by("town__code", "name")
    return {
        "op_visits": shown[:VISITS_SHOWN],
        "op_visits_more": len(shown) > VISITS_SHOWN,
        "op_visit_count": visits.count(),
        "op_enterprises": list(enterprises),
        "op_towns": towns,
        "op_planned": list(planned),
        "is_supervision": operation.kind == OperationKind.SUPERVISION,
    }


class OperationPages(LedgerPages):
    name = "operations"
    namespace = "enforcement"
    model = Operation
    title = gettext_lazy("执法行动")
    ledger_id = "operations"
    form_class = OperationForm
    list_display = (
        "number",
        "kind",
        "name",
        "start_date",
        "end_date",
        "lead_department",
        "departments",
        "leader_name",
        "leader_level",
        "unannounced",
    )
    search_fields = ("number", "name", "leader_name")
    filter_fields = (
        RecordClassFilter(),
        "kind",
        "lead_department",
        "leader_level",
        "unannounced",
        YearFilter("start_date"),
    )
    select_related = ("lead_department", "region")
    prefetch_related = ("departments",)
    default_ordering = ("-start_date", "number")
    edit_roles = FIELD_STAFF
    lookup_field = "number"
    detail_template = "enforcement/operation_detail.html"

    def detail_extra(self, request: Any, obj: Operation) -> dict[str, Any]:
        return operation_reach(obj, request.user)


OPERATION_PAGES = OperationPages()


def revisit_view(request: HttpRequest) -> HttpResponse:
    """Propose a 回头看 round for year Y+1 from the enterprises of an industry visited in year Y."""
    if not (request.user.sees_everything or request.user.role in PLANNERS):
        raise Http404
    visits = Visit.objects.visible_to(request.user)
    form: RevisitCreateForm | None = None
    if request.method == "POST":
        lookup = RevisitForm(request.POST)
        form = RevisitCreateForm(request.POST)
        if form.is_valid():
            try:
                operation = revisit_propose(actor=request.user, visits=visits, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("已生成回头看行动 %(n)s。") % {"n": operation.number})
                return redirect("enforcement:operations-detail", pk=operation.pk)
    else:
        lookup = RevisitForm(request.GET or None)
    candidates: list[Enterprise] = []
    if lookup.is_bound and lookup.is_valid():
        year, industry = lookup.cleaned_data["year"], lookup.cleaned_data["industry"]
        scoped = Enterprise.objects.visible_to(request.user)
        candidates = list(revisit_candidates(visits, year, industry, enterprises=scoped))
        if form is None:
            form = RevisitCreateForm(
                initial={"year": year, "industry": industry, "start_date": datetime.date(year + 1, 1, 1)}
            )
    return render(
        request,
        "enforcement/revisit.html",
        {"title": _("回头看"), "lookup": lookup, "form": form, "candidates": candidates},
    )
