from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from emgov.core import clock
from emgov.core.display import EMPTY
from emgov.core.models import User
from emgov.core.pages import LedgerPages, PresenceFilter, RelatedFilter, YearFilter
from emgov.core.permissions import LEGAL_STAFF
from emgov.core.workflow import Step
from emgov.licensing import queries, rules, services
from emgov.licensing.forms import LicensingForm, LicensingItemForm, XkExportForm
from emgov.licensing.models import LicensingCase, LicensingItem
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.xk import export_warnings as xk_export_warnings
from emgov.licensing.xk import write_xk, xk_filename


class LicensingItemPages(LedgerPages):
    name = "items"
    namespace = "licensing"
    model = LicensingItem
    title = gettext_lazy("许可事项清单")
    form_class = LicensingItemForm
    list_display = ("name", "category", "licence_type", "time_limit_days", "working_days", "extendable")
    search_fields = ("name", "legal_basis")
    filter_fields = ("category", "working_days")
    default_ordering = ("category", "name")
    edit_roles = LEGAL_STAFF
    detail_related = (("cases", gettext_lazy("办理的许可案件")),)

    def create(self, *, actor: User, data: dict[str, Any]) -> LicensingItem:
        return services.licensing_item_create(actor=actor, **data)

    def update(
        self, obj: LicensingItem, *, actor: User, changes: dict[str, Any], expected_version: int
    ) -> LicensingItem:
        return services.licensing_item_update(
            obj, actor=actor, changes=changes, expected_version=expected_version
        )


def deadlines(case: LicensingCase) -> dict[str, Any]:
    """What the case page says about its time limits today."""
    today = clock.today()
    certificate_due = services.certificate_due(case)
    decided_late = bool(case.decided_on and case.decision_due_on and case.decided_on > case.decision_due_on)
    return {
        "today": today,
        "time_limit": case.item.time_limit_text
        if case.item_id
        else _("%(n)d个工作日（行政许可法第四十二条）") % {"n": rules.value(case, rules.DECISION_DAYS)},
        "clock": services.explain(case, today),
        "decision_overdue": case.decision_overdue(today),
        "decided_late": decided_late,
        "certificate_due": certificate_due,
        "certificate_overdue": bool(
            certificate_due and not case.certificate_issued_on and today > certificate_due
        ),
        "certificate_warning": services.certificate_warning(case),
        "publication_overdue": case.publication_overdue(today),
    }


class LicensingPages(LedgerPages):
    name = "licensing"
    namespace = "licensing"
    model = LicensingCase
    title = gettext_lazy("行政许可")
    ledger_id = "licensing"
    form_class = LicensingForm
    list_display = (
        "number",
        "item_name",
        "category",
        "applicant",
        "accepted_on",
        "decision_due_on",
        "decided_on",
        "result",
        "publication_due_on",
        "published_on",
    )
    search_fields = ("number", "item_name", "applicant", "credit_code", "decision_number")
    filter_fields = (
        "category",
        "result",
        RelatedFilter("item", label=gettext_lazy("许可事项")),
        YearFilter("accepted_on"),
        PresenceFilter(
            "published_on",
            label=gettext_lazy("双公示"),
            yes=gettext_lazy("已公示"),
            no=gettext_lazy("未公示"),
            name="published",
        ),
        PresenceFilter(
            "accepted_on",
            label=gettext_lazy("受理"),
            yes=gettext_lazy("已受理"),
            no=gettext_lazy("未受理"),
            name="accepted",
        ),
        PresenceFilter(
            "decided_on",
            label=gettext_lazy("办结"),
            yes=gettext_lazy("已办结"),
            no=gettext_lazy("未办结"),
            name="decided",
        ),
    )
    default_ordering = ("-accepted_on", "-number")
    select_related = ("item",)
    edit_roles = LEGAL_STAFF
    procedure = LICENSING_CASE
    list_template = "licensing/case_list.html"
    detail_template = "licensing/case_detail.html"
    derived_fields = ("enterprise", "item_name", "category", "decision_due_on", "publication_due_on")

    def prepare(self, instance: LicensingCase) -> None:
        services.derive_fields(instance)

    def list_extra(self, request: HttpRequest) -> dict[str, Any]:
        return {"xk_form": XkExportForm(), "xk_warnings": xk_export_warnings()}

    def detail_extra(self, request: HttpRequest, obj: LicensingCase) -> dict[str, Any]:
        return {"deadlines": deadlines(obj), "empty": EMPTY}

    def step_warnings(self, obj: LicensingCase, step: Step) -> list[str]:
        warning = services.certificate_warning(obj) if step.name == "certificate" else None
        return [warning] if warning else []

    def xk_export_view(self, request: HttpRequest) -> HttpResponse:
        form = XkExportForm(request.GET)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, _("导出XK数据：%(e)s") % {"e": error})
            return redirect(self.url("list"))
        start, end, fmt = form.cleaned_data["start"], form.cleaned_data["end"], form.cleaned_data["fmt"]
        cases = queries.published_decisions(self.queryset(request.user), start, end)
        out = io.BytesIO()
        write_xk(cases, out, fmt)
        out.seek(0)
        return FileResponse(out, as_attachment=True, filename=xk_filename(start, end, fmt))


CASES = LicensingPages()
ITEMS = LicensingItemPages()
xk_export_view = require_GET(CASES.xk_export_view)
