from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from emgov.core.display import EMPTY
from emgov.core.models import Role, User
from emgov.core.pages import LedgerPages, PresenceFilter, RelatedFilter, YearFilter
from emgov.core.pages.steps import add_errors
from emgov.licensing import queries, services
from emgov.licensing.forms import (
    AcceptForm,
    CertificateForm,
    DecideForm,
    ExtendForm,
    LicensingForm,
    LicensingItemForm,
    PublishForm,
    XkExportForm,
)
from emgov.licensing.models import LicensingCase, LicensingItem
from emgov.licensing.xk import write_xk, xk_filename

LEGAL_ROLES = frozenset({Role.ADMIN, Role.LEGAL})


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
    edit_roles = LEGAL_ROLES
    detail_related = (("cases", gettext_lazy("办理的许可案件")),)

    def create(self, *, actor: User, data: dict[str, Any]) -> LicensingItem:
        return services.licensing_item_create(actor=actor, **data)

    def update(
        self, obj: LicensingItem, *, actor: User, changes: dict[str, Any], expected_version: int
    ) -> LicensingItem:
        return services.licensing_item_update(
            obj, actor=actor, changes=changes, expected_version=expected_version
        )


# Workflow steps ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    form: type[forms.Form]
    allowed: Callable[[LicensingCase], bool]
    run: Callable[..., LicensingCase]


def _can_extend(case: LicensingCase) -> bool:
    extendable = case.item.extendable if case.item_id else True
    return bool(case.accepted_on and not case.result and not case.extension_days and extendable)


STEPS = [
    Step(
        "accept",
        gettext_lazy("受理"),
        AcceptForm,
        lambda c: not c.accepted_on,
        lambda case, d, **kw: services.licensing_case_accept(case, accepted_on=d["accepted_on"], **kw),
    ),
    Step(
        "extend",
        gettext_lazy("延长办理期限"),
        ExtendForm,
        _can_extend,
        lambda case, d, **kw: services.licensing_case_extend(
            case, extended_on=d["extended_on"], reason=d["reason"], approved_by=d["approved_by"], **kw
        ),
    ),
    Step(
        "decide",
        gettext_lazy("作出决定"),
        DecideForm,
        lambda c: bool(c.accepted_on and not c.result),
        lambda case, d, **kw: services.licensing_case_decide(
            case, decided_on=d["decided_on"], result=d["result"], content=d["content"], **kw
        ),
    ),
    Step(
        "certificate",
        gettext_lazy("颁发证书"),
        CertificateForm,
        lambda c: c.result == "准予" and not c.certificate_number,
        lambda case, d, **kw: services.licensing_case_issue_certificate(
            case,
            issued_on=d["issued_on"],
            certificate_name=d["certificate_name"],
            certificate_number=d["certificate_number"],
            valid_from=d["valid_from"],
            valid_until=d["valid_until"],
            **kw,
        ),
    ),
    Step(
        "publish",
        gettext_lazy("双公示"),
        PublishForm,
        lambda c: bool(c.result and c.needs_publication and not c.published_on),
        lambda case, d, **kw: services.licensing_case_publish(case, published_on=d["published_on"], **kw),
    ),
]
STEPS_BY_NAME = {s.name: s for s in STEPS}


def next_steps(case: LicensingCase) -> list[Step]:
    if case.voided_at:
        return []
    return [s for s in STEPS if s.allowed(case)]


def deadlines(case: LicensingCase) -> dict[str, Any]:
    """What the case page says about its time limits today."""
    today = timezone.localdate()
    certificate_due = services.certificate_due(case)
    decided_late = bool(case.decided_on and case.decision_due_on and case.decided_on > case.decision_due_on)
    return {
        "today": today,
        "time_limit": case.item.time_limit_text if case.item_id else _("20日（行政许可法第四十二条）"),
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
    )
    default_ordering = ("-accepted_on", "-number")
    select_related = ("item",)
    edit_roles = LEGAL_ROLES
    list_template = "licensing/case_list.html"
    detail_template = "licensing/case_detail.html"
    derived_fields = ("enterprise", "item_name", "category", "decision_due_on", "publication_due_on")

    def prepare(self, instance: LicensingCase) -> None:
        services.derive_fields(instance)

    def list_extra(self, request: HttpRequest) -> dict[str, Any]:
        return {"xk_form": XkExportForm()}

    def detail_extra(self, request: HttpRequest, obj: LicensingCase) -> dict[str, Any]:
        return {"steps": self.steps(request, obj), "deadlines": deadlines(obj), "empty": EMPTY}

    def steps(
        self, request: HttpRequest, obj: LicensingCase, bound: dict[str, forms.Form] | None = None
    ) -> list:
        bound = bound or {}
        allowed = next_steps(obj) if self.can_edit(request.user) else []
        return [{"step": s, "form": bound.get(s.name) or s.form(prefix=s.name)} for s in allowed]

    def step_view(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        self._require_edit(request)
        spec = STEPS_BY_NAME.get(step)
        if spec is None:
            raise Http404
        case = self.get_object(request, pk)
        form = spec.form(request.POST, prefix=spec.name)
        if not spec.allowed(case):
            messages.error(request, _("“%(step)s”不是该案件当前可以办理的环节。") % {"step": spec.label})
            return redirect(self.url("detail", pk=pk))
        if form.is_valid():
            try:
                expected = int(request.POST.get("_version", ""))
            except ValueError:
                expected = None
            try:
                case = spec.run(case, form.cleaned_data, actor=request.user, expected_version=expected)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已办理：%(step)s。") % {"step": spec.label})
                warning = services.certificate_warning(case) if step == "certificate" else None
                if warning:
                    messages.warning(request, warning)
                return redirect(self.url("detail", pk=pk))
        return self.render_detail(
            request, case, extra={"steps": self.steps(request, case, {spec.name: form})}, status=422
        )

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
step_view = require_POST(CASES.step_view)
xk_export_view = require_GET(CASES.xk_export_view)
