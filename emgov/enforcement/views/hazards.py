"""Pages of the hazard loop: the list and detail with the overdue flag, the steps of `procedures.HAZARD`
(offered on the hazard's page, each on its own page; those the law asks of a major hazard proposed at the
top), and the supervised list (挂牌督办)."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.pages import LedgerPages, RelatedFilter, TownFilter, YearFilter
from emgov.core.pages.base import PAGE_SIZE, pages_for
from emgov.core.pages.fields import path_value
from emgov.core.pages.paging import paginate
from emgov.core.permissions import FIELD_STAFF
from emgov.core.workflow import Step
from emgov.enforcement import queries
from emgov.enforcement.forms.hazards import HazardForm
from emgov.enforcement.models import Hazard
from emgov.enforcement.procedures import HAZARD, proposed_steps
from emgov.enforcement.services.hazards import derived_status

# After an escalation the user goes on to the record it created (the relation it is listed under):
# the suspension order, the penalty case (立案查处, a step the cases app adds).
CREATED_BY_STEP = {"suspend": "orders", "open-case": "penalties"}


class HazardPages(LedgerPages):
    name = "hazards"
    namespace = "enforcement"
    model = Hazard
    title = gettext_lazy("隐患")
    ledger_id = "hazards"
    form_class = HazardForm
    list_display = (
        "number",
        ("visit__date", gettext_lazy("检查日期")),
        "visit__enterprise",
        ("visit__enterprise__town", gettext_lazy("镇街")),
        "grade",
        "deadline",
        "status",
        "rectified_on",
    )
    search_fields = ("number", "description", "visit__number", "visit__enterprise__name")
    filter_fields = (
        "grade",
        "status",
        TownFilter("visit__enterprise__town"),
        RelatedFilter("visit__department", name="department"),
        YearFilter("visit__date"),
    )
    select_related = ("visit__enterprise__town",)
    default_ordering = ("-visit__date", "-number")
    edit_roles = FIELD_STAFF
    derived_fields = ("status",)
    procedure = HAZARD
    list_template = "enforcement/hazard_list.html"
    detail_template = "enforcement/hazard_detail.html"
    step_template = "enforcement/hazard_step.html"
    detail_related = (("orders", gettext_lazy("执法文书")), ("penalties", gettext_lazy("行政处罚")))

    def prepare(self, instance: Hazard) -> None:
        instance.status = derived_status(instance)

    def list_view(self, request: HttpRequest) -> HttpResponse:
        """The ledger list with a 逾期 column computed in the query (one annotation, no extra queries)."""
        qs, state = self.filtered(request)
        qs = qs.annotate(late=Case(When(queries.overdue_q(), then=Value(True)), default=Value(False)))
        if request.GET.get("overdue") == "1":
            qs = qs.filter(late=True)
        page = paginate(request, qs, PAGE_SIZE)
        sortable = self.sortable()
        columns = self.columns()
        late = _("逾期")
        rows = [
            {
                "obj": obj,
                "cells": [(label, path_value(obj, name)) for name, label in columns]
                + [(late, late if obj.late else "")],
            }
            for obj in page
        ]
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            **self.base_context(request),
            "page": page,
            "rows": rows,
            "columns": [(name, label, name in sortable) for name, label in columns] + [("late", late, False)],
            "state": state,
            "query": query.urlencode(),
        }
        if request.htmx and not request.htmx.boosted:
            return render(request, "core/pages/_table.html", context)
        context["filters"] = self.filter_choices(request.user)
        context["can_import"] = context["can_edit"] and self.can_import(request.user)
        context["overdue_only"] = request.GET.get("overdue") == "1"
        return render(request, self.list_template, context)

    def detail_extra(self, request: HttpRequest, obj: Hazard) -> dict[str, Any]:
        may = HAZARD.permits
        return {
            "overdue": queries.is_overdue(obj),
            "last_day": queries.last_day(obj.deadline) if obj.deadline else None,
            "can_issue": self.can_edit(request.user) and obj.voided_at is None,
            # What the law asks of a major hazard now: offered straight away on its page.
            "proposed": [
                {
                    "step": HAZARD.step(name),
                    "article": article,
                    "url": self.url("step", pk=obj.pk, step=name)
                    if may(request.user, HAZARD.step(name))
                    else "",
                }
                for name, article in proposed_steps(obj)
            ],
        }

    def step_done_url(self, obj: Hazard, step: Step) -> str:
        accessor = CREATED_BY_STEP.get(step.name)
        related = getattr(obj, accessor, None) if accessor else None
        created = (
            related.filter(voided_at__isnull=True).order_by("-pk").first() if related is not None else None
        )
        created_pages = pages_for(type(created)) if created is not None else None
        if created_pages is None:
            return super().step_done_url(obj, step)
        return created_pages.url("detail", pk=created.pk)

    def supervised_view(self, request: HttpRequest) -> HttpResponse:
        """挂牌督办: the major hazards under supervision, until closed."""
        qs = queries.supervised(Hazard.objects.visible_to(request.user)).select_related(
            "visit__enterprise__town"
        )
        qs = qs.annotate(late=Case(When(queries.overdue_q(), then=Value(True)), default=Value(False)))
        return render(
            request,
            "enforcement/hazard_supervised.html",
            {
                **self.base_context(request),
                "title": _("挂牌督办重大事故隐患"),
                "hazards": qs.order_by("supervised_on"),
            },
        )

    def urls(self) -> list:
        return [
            path("hazards/supervised/", self.supervised_view, name="hazards-supervised"),
            *super().urls(),
        ]


HAZARD_PAGES = HazardPages()
