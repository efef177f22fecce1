from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Role
from emgov.core.pages import LedgerPages, RelatedFilter, TownFilter, YearFilter
from emgov.enforcement import hazards_views, operations_views, orders_views, rules, visits_pages
from emgov.enforcement.forms import HazardForm, OperationForm, OrderForm, VisitForm
from emgov.enforcement.models import Hazard, Operation, Order, Visit

FIELD_STAFF = frozenset({Role.ADMIN, Role.OFFICER, Role.TOWN})


class OperationPages(LedgerPages):
    name = "operations"
    namespace = "enforcement"
    model = Operation
    title = _("执法行动")
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
        operations_views.RecordClassFilter(),
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
        return operations_views.operation_reach(obj, request.user)


class VisitPages(LedgerPages):
    name = "visits"
    namespace = "enforcement"
    model = Visit
    title = _("检查记录")
    ledger_id = "inspections"
    form_class = VisitForm
    list_display = (
        "number",
        "date",
        "enterprise",
        ("enterprise__town", _("镇街")),
        "department",
        "nature",
        "officers",
        "av_recorded",
    )
    search_fields = (
        "number",
        "enterprise__name",
        "enterprise__name_initials",
        "enterprise__credit_code",
        "result",
    )
    filter_fields = (
        "nature",
        RelatedFilter("department"),
        TownFilter("enterprise__town"),
        YearFilter("date"),
        "av_recorded",
    )
    select_related = ("enterprise__town", "department")
    prefetch_related = ("officers",)
    default_ordering = ("-date", "-number")
    edit_roles = FIELD_STAFF
    lookup_field = "number"
    detail_related = (("orders", _("执法文书")), ("penalties", _("行政处罚")))
    list_template = "enforcement/visit_list.html"
    detail_template = "enforcement/visit_detail.html"

    def list_extra(self, request: HttpRequest) -> dict[str, Any]:
        return {"nature_tabs": visits_pages.nature_tabs(self, request)}

    def detail_extra(self, request: HttpRequest, obj: Visit) -> dict[str, Any]:
        return visits_pages.detail_extra(obj)

    def check(self, instance: Visit, m2m: dict[str, list[Any]]) -> None:
        rules.check_visit_officers(
            department=instance.department,
            nature=instance.nature,
            date=instance.date,
            officers=m2m.get("officers", []),
        )

    def lookup_label(self, obj: Visit) -> str:
        return f"{obj.date:%Y-%m-%d} {obj.enterprise}"


class HazardPages(LedgerPages):
    name = "hazards"
    namespace = "enforcement"
    model = Hazard
    title = _("隐患")
    ledger_id = "hazards"
    form_class = HazardForm
    list_display = (
        "number",
        ("visit__date", _("检查日期")),
        "visit__enterprise",
        ("visit__enterprise__town", _("镇街")),
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
    list_template = "enforcement/hazard_list.html"
    detail_template = "enforcement/hazard_detail.html"
    detail_related = (("orders", _("执法文书")),)

    def prepare(self, instance: Hazard) -> None:
        instance.status = hazards_views.derived_status(instance)

    def list_view(self, request: HttpRequest) -> HttpResponse:
        return hazards_views.list_view(self, request)

    def detail_extra(self, request: HttpRequest, obj: Hazard) -> dict[str, Any]:
        return hazards_views.detail_extra(self, request, obj)

    def urls(self) -> list:
        return [*hazards_views.urls(self), *super().urls()]


class OrderPages(LedgerPages):
    name = "orders"
    namespace = "enforcement"
    model = Order
    title = _("执法文书")
    ledger_id = "orders"
    form_class = OrderForm
    list_display = (
        "number",
        "doc_type",
        "visit",
        "visit__enterprise",
        ("visit__enterprise__town", _("镇街")),
        "issued_on",
        "due_date",
    )
    search_fields = ("number", "visit__number", "visit__enterprise__name")
    filter_fields = ("doc_type", TownFilter("visit__enterprise__town"), YearFilter("issued_on"))
    select_related = ("visit__enterprise__town",)
    default_ordering = ("-issued_on", "-number")
    edit_roles = FIELD_STAFF
    list_template = "enforcement/order_list.html"
    detail_template = "enforcement/order_detail.html"

    def detail_extra(self, request: HttpRequest, obj: Order) -> dict[str, Any]:
        return orders_views.detail_extra(self, request, obj)

    def urls(self) -> list:
        return [*orders_views.urls(self), *super().urls()]
