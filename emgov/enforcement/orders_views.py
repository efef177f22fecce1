"""Pages of orders: issuing one from a visit and its hazards, the downloads (.docx, PDF), a seizure's
extension and a suspension's resumption."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core.documents import document_response
from emgov.core.pages.steps import add_errors, posted_version, step_form
from emgov.enforcement import hazards_forms, orders
from emgov.enforcement.documents import order_document
from emgov.enforcement.models import HazardStatus, Order, OrderType, Visit

SEIZURE_WARNING_DAYS = 7


def detail_extra(pages: Any, request: HttpRequest, obj: Order) -> dict[str, Any]:
    can_act = pages.can_edit(request.user) and obj.voided_at is None
    today = timezone.localdate()
    extra: dict[str, Any] = {
        "can_extend": can_act and orders.can_extend(obj),
        "can_resume": can_act and orders.can_resume(obj),
        "order_hazards": list(obj.hazards.order_by("number")),
    }
    if obj.doc_type == OrderType.SEIZE and obj.due_date:
        extra["expiry"] = obj.due_date
        extra["days_left"] = (obj.due_date - today).days
        extra["expired"] = obj.due_date < today
    if obj.doc_type == OrderType.SUSPEND and obj.resumed_on is None:
        extra["pending"] = orders.unreviewed_hazards(obj)
    return extra


def _visit(request: HttpRequest, value: str) -> Visit | None:
    qs = Visit.objects.visible_to(request.user).live().select_related("enterprise")
    if not value:
        return None
    visit = qs.filter(number=value).first()
    if visit is None and value.isdigit():
        visit = qs.filter(pk=int(value)).first()
    if visit is None:
        raise Http404
    return visit


def issue_view(pages: Any, request: HttpRequest) -> HttpResponse:
    """签发执法文书: pick the visit (by 检查编号), then the type, the hazards and the dates."""
    if not pages.can_edit(request.user):
        raise Http404
    visit = _visit(request, (request.POST.get("visit") or request.GET.get("visit") or "").strip())
    form = None
    if visit is not None:
        hazards = visit.hazards.filter(voided_at__isnull=True).order_by("number")
        initial = {
            "issued_on": timezone.localdate(),
            "doc_type": request.GET.get("doc_type") or OrderType.RECTIFY,
            "hazards": request.GET.getlist("hazards")
            or list(hazards.filter(status=HazardStatus.REGISTERED).values_list("pk", flat=True)),
        }
        form = hazards_forms.OrderIssueForm(request.POST or None, initial=initial, hazards=hazards)
        if request.method == "POST" and form.is_valid():
            try:
                order = orders.order_issue(actor=request.user, visit=visit, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已签发：%(number)s。") % {"number": order.number})
                return redirect(pages.url("detail", pk=order.pk))
    return render(
        request,
        "enforcement/order_issue.html",
        {**pages.base_context(request), "title": _("签发执法文书"), "visit": visit, "form": form},
    )


def document_view(pages: Any, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    order = get_object_or_404(
        Order.objects.visible_to(request.user).select_related("visit__enterprise", "visit__department"), pk=pk
    )
    return document_response(order_document(order), f"{order.get_doc_type_display()}_{order.number}", fmt)


def _step(
    pages: Any, request: HttpRequest, pk: int, form_class: type[forms.Form], label: str, call
) -> HttpResponse:
    if not pages.can_edit(request.user):
        raise Http404
    obj = get_object_or_404(Order.objects.visible_to(request.user).live(), pk=pk)
    form = step_form(form_class, request)
    version = obj.version
    if request.method == "POST":
        version = posted_version(request)
        if form.is_valid():
            try:
                call(obj, version, form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已完成：%(step)s。") % {"step": label})
                return redirect(pages.url("detail", pk=obj.pk))
    return render(
        request,
        "enforcement/order_step.html",
        {**pages.base_context(request), "obj": obj, "form": form, "step_label": label, "version": version},
    )


def extend_view(pages: Any, request: HttpRequest, pk: int) -> HttpResponse:
    def call(obj: Order, version: int, data: dict[str, Any]) -> Order:
        return orders.order_extend(
            obj,
            actor=request.user,
            days=data["extension_days"],
            reason=data["extension_reason"],
            decided_on=data["decided_on"],
            expected_version=version,
        )

    return _step(pages, request, pk, hazards_forms.ExtendForm, _("延长查封扣押期限"), call)


def resume_view(pages: Any, request: HttpRequest, pk: int) -> HttpResponse:
    def call(obj: Order, version: int, data: dict[str, Any]) -> Order:
        return orders.order_resume(
            obj, actor=request.user, resumed_on=data["resumed_on"], expected_version=version
        )

    return _step(pages, request, pk, hazards_forms.ResumeForm, _("恢复生产经营"), call)


def urls(pages: Any) -> list:
    return [
        path("orders/issue/", lambda r: issue_view(pages, r), name="orders-issue"),
        path(
            "orders/<int:pk>/document.<str:fmt>",
            lambda r, pk, fmt: document_view(pages, r, pk, fmt),
            name="orders-document",
        ),
        path("orders/<int:pk>/extend/", lambda r, pk: extend_view(pages, r, pk), name="orders-extend"),
        path("orders/<int:pk>/resume/", lambda r, pk: resume_view(pages, r, pk), name="orders-resume"),
    ]
