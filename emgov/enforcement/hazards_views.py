"""Pages of the hazard loop: the list and detail with the overdue flag, one small page per step, and the
supervised list (挂牌督办)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.pages.base import PAGE_SIZE
from emgov.core.pages.fields import path_value
from emgov.core.pages.steps import add_errors, posted_version, step_form
from emgov.enforcement import hazards, hazards_forms
from emgov.enforcement import hazards_escalation as escalation
from emgov.enforcement import hazards_queries as queries
from emgov.enforcement.models import Hazard, HazardStatus, OrderType

S = HazardStatus


def derived_status(instance: Hazard) -> str:
    """The state a desk edit or import gives: from the dates, except that a deadline set on a hazard not yet
    rectifying (登记, 下达整改) does not move it on."""
    derived = instance.status_from_dates()
    if instance.pk and instance.status in (S.REGISTERED, S.ORDERED) and derived == S.RECTIFYING:
        return instance.status
    return derived


@dataclass(frozen=True)
class Action:
    label: str | Promise
    form: type[forms.Form]
    call: Callable[[Hazard, Any, dict[str, Any], int], Any]
    available: Callable[[Hazard], bool]


def _step(name: str) -> Callable[[Hazard], bool]:
    return lambda h: h.voided_at is None and h.status in hazards.STEPS[name].sources


def _can_suspend(h: Hazard) -> bool:
    return (
        queries.is_overdue(h)
        and not h.orders.filter(doc_type=OrderType.SUSPEND, voided_at__isnull=True).exists()
    )


def _can_open_case(h: Hazard) -> bool:
    return (
        escalation.case_service() is not None and queries.is_overdue(h) and escalation.open_case_of(h) is None
    )


F = hazards_forms
ACTIONS: dict[str, Action] = {
    "order": Action(
        hazards.STEPS["order"].label,
        F.DeadlineForm,
        lambda h, a, d, v: hazards.hazard_order(h, actor=a, deadline=d["deadline"], expected_version=v),
        _step("order"),
    ),
    "start": Action(
        hazards.STEPS["start"].label,
        F.EmptyForm,
        lambda h, a, d, v: hazards.hazard_start(h, actor=a, expected_version=v),
        _step("start"),
    ),
    "request-review": Action(
        hazards.STEPS["request-review"].label,
        F.RequestReviewForm,
        lambda h, a, d, v: hazards.hazard_request_review(
            h, actor=a, rectified_on=d["rectified_on"], expected_version=v
        ),
        _step("request-review"),
    ),
    "review": Action(
        hazards.STEPS["review"].label,
        F.ReviewForm,
        lambda h, a, d, v: hazards.hazard_review(
            h, actor=a, reviewed_on=d["reviewed_on"], passed=d["passed"], expected_version=v
        ),
        _step("review"),
    ),
    "reorder": Action(
        hazards.STEPS["reorder"].label,
        F.DeadlineForm,
        lambda h, a, d, v: hazards.hazard_reorder(h, actor=a, deadline=d["deadline"], expected_version=v),
        _step("reorder"),
    ),
    "supervise": Action(
        gettext_lazy("挂牌督办"),
        F.SuperviseForm,
        lambda h, a, d, v: hazards.hazard_supervise(h, actor=a, expected_version=v, **d),
        hazards.can_supervise,
    ),
    "suspend": Action(
        gettext_lazy("责令停产停业整顿"),
        F.SuspendForm,
        lambda h, a, d, v: escalation.hazard_suspend(h, actor=a, issued_on=d["issued_on"]),
        _can_suspend,
    ),
    "open-case": Action(
        gettext_lazy("转立案处罚"),
        F.EmptyForm,
        lambda h, a, d, v: escalation.hazard_open_case(h, actor=a),
        _can_open_case,
    ),
}


def available_actions(hazard: Hazard) -> list[tuple[str, str]]:
    return [(name, str(action.label)) for name, action in ACTIONS.items() if action.available(hazard)]


def list_view(pages: Any, request: HttpRequest) -> HttpResponse:
    """The ledger list with a 逾期 column computed in the query (one annotation, no extra queries)."""
    qs, state = pages.filtered(request)
    qs = qs.annotate(late=Case(When(queries.overdue_q(), then=Value(True)), default=Value(False)))
    if request.GET.get("overdue") == "1":
        qs = qs.filter(late=True)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    sortable = pages.sortable()
    columns = pages.columns()
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
        **pages.base_context(request),
        "page": page,
        "rows": rows,
        "columns": [(name, label, name in sortable) for name, label in columns] + [("late", late, False)],
        "state": state,
        "query": query.urlencode(),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "core/pages/_table.html", context)
    context["filters"] = pages.filter_choices(request.user)
    context["can_import"] = context["can_edit"] and pages.can_import(request.user)
    context["overdue_only"] = request.GET.get("overdue") == "1"
    return render(request, pages.list_template, context)


def detail_extra(pages: Any, request: HttpRequest, obj: Hazard) -> dict[str, Any]:
    can_act = pages.can_edit(request.user) and obj.voided_at is None
    return {
        "overdue": queries.is_overdue(obj),
        "last_day": queries.last_day(obj.deadline) if obj.deadline else None,
        "actions": available_actions(obj) if can_act else [],
        "can_issue": can_act,
    }


def step_view(pages: Any, request: HttpRequest, pk: int, step: str) -> HttpResponse:
    action = ACTIONS.get(step)
    if action is None or not pages.can_edit(request.user):
        raise Http404
    obj = get_object_or_404(Hazard.objects.visible_to(request.user).live(), pk=pk)
    form = step_form(action.form, request)
    version = obj.version
    if request.method == "POST":
        version = posted_version(request)
        if form.is_valid():
            try:
                result = action.call(obj, request.user, form.cleaned_data, version)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已完成：%(step)s。") % {"step": action.label})
                detail = pages.url("detail", pk=obj.pk)
                return redirect(detail if isinstance(result, Hazard) else _result_url(result) or detail)
    return render(
        request,
        "enforcement/hazard_step.html",
        {
            **pages.base_context(request),
            "obj": obj,
            "form": form,
            "step_label": action.label,
            "version": version,
        },
    )


def _result_url(result: Any) -> str | None:
    from emgov.enforcement.models import Order

    if isinstance(result, Order):
        return reverse("enforcement:orders-detail", kwargs={"pk": result.pk})
    try:
        from emgov.core.pages.base import pages_for

        result_pages = pages_for(type(result))
        return result_pages.url("detail", pk=result.pk) if result_pages else None
    except Exception:
        return None


def supervised_view(pages: Any, request: HttpRequest) -> HttpResponse:
    """挂牌督办: the major hazards under supervision, until closed."""
    qs = queries.supervised(Hazard.objects.visible_to(request.user)).select_related("visit__enterprise__town")
    qs = qs.annotate(late=Case(When(queries.overdue_q(), then=Value(True)), default=Value(False)))
    return render(
        request,
        "enforcement/hazard_supervised.html",
        {
            **pages.base_context(request),
            "title": _("挂牌督办重大事故隐患"),
            "hazards": qs.order_by("supervised_on"),
        },
    )


def urls(pages: Any) -> list:
    return [
        path("hazards/supervised/", lambda r: supervised_view(pages, r), name="hazards-supervised"),
        path(
            "hazards/<int:pk>/step/<slug:step>/",
            lambda r, pk, step: step_view(pages, r, pk, step),
            name="hazards-step",
        ),
    ]
