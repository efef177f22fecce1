"""Pages of orders: issuing one from a visit and its hazards, the downloads (.docx, PDF) of the order and of
the decisions its steps make, and the steps of `procedures.ORDER` (a seizure's extension and disposal, a
suspension's resumption) with the time limits they watch."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.documents import document_response
from emgov.core.pages import LedgerPages, TownFilter, YearFilter
from emgov.core.pages.steps import add_errors
from emgov.core.permissions import FIELD_STAFF
from emgov.core.workflow import Step
from emgov.enforcement import queries
from emgov.enforcement.forms.orders import OrderForm, OrderIssueForm
from emgov.enforcement.models import HazardStatus, Order, OrderType, Visit
from emgov.enforcement.procedures import ORDER
from emgov.enforcement.services.documents import STEP_DOCUMENTS, order_document
from emgov.enforcement.services.orders import order_issue


class OrderPages(LedgerPages):
    name = "orders"
    namespace = "enforcement"
    model = Order
    title = gettext_lazy("执法文书")
    ledger_id = "orders"
    form_class = OrderForm
    list_display = (
        "number",
        "doc_type",
        "visit",
        "visit__enterprise",
        ("visit__enterprise__town", gettext_lazy("镇街")),
        "issued_on",
        "due_date",
    )
    search_fields = ("number", "visit__number", "visit__enterprise__name")
    filter_fields = ("doc_type", TownFilter("visit__enterprise__town"), YearFilter("issued_on"))
    select_related = ("visit__enterprise__town",)
    default_ordering = ("-issued_on", "-number")
    edit_roles = FIELD_STAFF
    procedure = ORDER
    list_template = "enforcement/order_list.html"
    detail_template = "enforcement/order_detail.html"
    step_template = "enforcement/order_step.html"

    def detail_extra(self, request: HttpRequest, obj: Order) -> dict[str, Any]:
        today = clock.today()
        extra: dict[str, Any] = {"order_hazards": list(obj.hazards.order_by("number"))}
        if obj.doc_type == OrderType.SEIZE and obj.due_date and not obj.disposal:
            extra["expiry"] = obj.due_date
            extra["days_left"] = (obj.due_date - today).days
            extra["expired"] = obj.due_date < today
        extra["step_documents"] = [
            {"kind": kind, "title": title, "number": number(obj)}
            for kind, (title, _build, number) in STEP_DOCUMENTS.items()
            if number(obj)
        ]
        if obj.doc_type == OrderType.SUSPEND and obj.resumed_on is None:
            extra["pending"] = queries.unreviewed_hazards(obj)
        return extra

    def issue_view(self, request: HttpRequest) -> HttpResponse:
        """签发执法文书: pick the visit (by 检查编号), then the type, the hazards and the dates."""
        if not self.can_edit(request.user):
            raise Http404
        visit = _visit(request, (request.POST.get("visit") or request.GET.get("visit") or "").strip())
        form = None
        if visit is not None:
            hazards = visit.hazards.filter(voided_at__isnull=True).order_by("number")
            initial = {
                "issued_on": clock.today(),
                "doc_type": request.GET.get("doc_type") or OrderType.RECTIFY,
                "hazards": request.GET.getlist("hazards")
                or list(hazards.filter(status=HazardStatus.REGISTERED).values_list("pk", flat=True)),
            }
            form = OrderIssueForm(request.POST or None, initial=initial, hazards=hazards)
            if request.method == "POST" and form.is_valid():
                try:
                    order = order_issue(actor=request.user, visit=visit, **form.cleaned_data)
                except ValidationError as exc:
                    add_errors(form, exc)
                else:
                    messages.success(request, _("已签发：%(number)s。") % {"number": order.number})
                    return redirect(self.url("detail", pk=order.pk))
        return render(
            request,
            "enforcement/order_issue.html",
            {**self.base_context(request), "title": _("签发执法文书"), "visit": visit, "form": form},
        )

    def step_warnings(self, obj: Order, step: Step) -> list[str]:
        if step.name == "extend":
            return [_("请下载延长查封扣押期限决定书（%(n)s）及时送达当事人。") % {"n": obj.extension_number}]
        if step.name == "dispose":
            return [_("请下载查封扣押处理决定书（%(n)s）送达当事人。") % {"n": obj.disposal_number}]
        return []

    def _order(self, request: HttpRequest, pk: int) -> Order:
        return get_object_or_404(
            Order.objects.visible_to(request.user).select_related("visit__enterprise", "visit__department"),
            pk=pk,
        )

    def document_view(self, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
        order = self._order(request, pk)
        return document_response(order_document(order), f"{order.get_doc_type_display()}_{order.number}", fmt)

    def step_document_view(self, request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
        """The decision a seizure's step made (延长查封扣押期限决定书, 查封扣押处理决定书), once made."""
        order = self._order(request, pk)
        if kind not in STEP_DOCUMENTS:
            raise Http404
        title, build, number = STEP_DOCUMENTS[kind]
        if not number(order):
            raise Http404
        return document_response(build(order), f"{title}_{number(order)}", fmt)

    def urls(self) -> list:
        return [
            path("orders/issue/", self.issue_view, name="orders-issue"),
            path("orders/<int:pk>/document.<str:fmt>", self.document_view, name="orders-document"),
            path(
                "orders/<int:pk>/documents/<slug:kind>.<str:fmt>",
                self.step_document_view,
                name="orders-step-document",
            ),
            *super().urls(),
        ]


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


ORDER_PAGES = OrderPages()
