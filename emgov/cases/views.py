from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from emgov.cases import deadlines, services
from emgov.cases.documents import DOCUMENTS_BY_KEY, documents_of, filename_stem
from emgov.cases.forms import PenaltyForm
from emgov.cases.models import PenaltyCase
from emgov.cases.step_forms import OpenForm, SummaryForm
from emgov.cases.steps_table import STEP_FORMS
from emgov.cases.workflow import allowed_actions
from emgov.core.documents import document_response
from emgov.core.models import Role
from emgov.core.pages import LedgerPages, PresenceFilter, RelatedFilter, YearFilter
from emgov.core.pages.steps import add_errors
from emgov.enforcement.models import Hazard, Visit
from emgov.enterprises.ledgers import link_enterprise

CASE_ROLES = frozenset({Role.ADMIN, Role.LEGAL, Role.OFFICER})


class PenaltyPages(LedgerPages):
    name = "penalties"
    namespace = "cases"
    model = PenaltyCase
    title = gettext_lazy("行政处罚")
    ledger_id = "penalties"
    form_class = PenaltyForm
    list_display = (
        "decision_number",
        "case_number",
        "party_name",
        "filed_on",
        "stage",
        "decided_on",
        "penalty_kinds",
        "fine_amount",
        "department",
        "procedure",
        "published_on",
    )
    search_fields = ("decision_number", "case_number", "party_name", "party_credit_code", "violation")
    filter_fields = (
        "procedure",
        "stage",
        "party_type",
        RelatedFilter("department"),
        YearFilter("decided_on"),
        PresenceFilter(
            "published_on",
            label=gettext_lazy("双公示"),
            yes=gettext_lazy("已公示"),
            no=gettext_lazy("未公示"),
            name="published",
        ),
    )
    select_related = ("department",)
    default_ordering = ("-decided_on", "-filed_on", "-pk")
    edit_roles = CASE_ROLES
    derived_fields = ("enterprise",)
    list_template = "cases/case_list.html"
    detail_template = "cases/case_detail.html"

    def prepare(self, instance: PenaltyCase) -> None:
        link_enterprise(instance)

    def edit_locked(self, obj: PenaltyCase) -> str | None:
        if obj.stage:
            return _("该案件在系统中办理，请通过“可办理的环节”办理；已作出的决定请使用“更正处罚决定”。")
        return None

    def update(
        self, obj: PenaltyCase, *, actor, changes: dict[str, Any], expected_version: int
    ) -> PenaltyCase:
        locked = self.edit_locked(obj)
        if locked:
            raise ValidationError(locked, code="workflow_case")
        return super().update(obj, actor=actor, changes=changes, expected_version=expected_version)

    def get_object(self, request: HttpRequest, pk: int) -> PenaltyCase:
        return get_object_or_404(
            self.queryset(request.user).select_related("discretion_grade__item__version", "reviewer"), pk=pk
        )

    def detail_extra(self, request: HttpRequest, obj: PenaltyCase) -> dict[str, Any]:
        return {
            "steps": self.step_forms(request, obj),
            "deadlines": deadlines.case_deadlines(obj),
            "calendar_warnings": deadlines.calendar_warnings(obj),
            "case_steps": obj.steps.filter(voided_at__isnull=True).select_related("actor"),
            "evidence": obj.evidence.filter(voided_at__isnull=True),
            "extensions": obj.extensions.filter(voided_at__isnull=True),
            "documents": documents_of(obj),
        }

    def step_forms(self, request: HttpRequest, obj: PenaltyCase, bound: dict | None = None) -> list:
        bound = bound or {}
        if not self.can_edit(request.user):
            return []
        return [
            {"action": a, "form": bound.get(a.code) or STEP_FORMS[a.code].form(prefix=a.code)}
            for a in allowed_actions(obj)
        ]

    def step_view(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        self._require_edit(request)
        spec = STEP_FORMS.get(step)
        if spec is None:
            raise Http404
        case = self.get_object(request, pk)
        form = spec.form(request.POST, prefix=step)
        if form.is_valid():
            try:
                spec.run(case, form, request.user)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已办理。"))
                return redirect(self.url("detail", pk=pk))
        if step not in {a.code for a in allowed_actions(case)}:
            messages.error(
                request, form.non_field_errors()[0] if form.non_field_errors() else _("该环节当前不能办理。")
            )
            return redirect(self.url("detail", pk=pk))
        return self.render_detail(
            request, case, extra={"steps": self.step_forms(request, case, {step: form})}, status=422
        )

    def open_view(self, request: HttpRequest) -> HttpResponse:
        self._require_edit(request)
        form = OpenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if v not in ("", None)}
            visit_number, hazard_number = data.pop("visit_number", None), data.pop("hazard_number", None)
            try:
                if visit_number:
                    data["visit"] = _lookup(Visit, request, visit_number, "visit_number", _("检查编号"))
                if hazard_number:
                    data["hazard"] = _lookup(Hazard, request, hazard_number, "hazard_number", _("隐患编号"))
                case = services.case_open(actor=request.user, **data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已立案：%(n)s。") % {"n": case.case_number})
                return redirect(self.url("detail", pk=case.pk))
        context = {**self.base_context(request), "form": form}
        return render(request, "cases/case_open.html", context, status=422 if form.errors else 200)

    def summary_view(self, request: HttpRequest) -> HttpResponse:
        self._require_edit(request)
        form = SummaryForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if v not in ("", None, [])}
            visit_number = data.pop("visit_number", None)
            try:
                if visit_number:
                    data["visit"] = _lookup(Visit, request, visit_number, "visit_number", _("检查编号"))
                case = services.case_summary_decide(actor=request.user, **data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已当场作出处罚决定：%(n)s。") % {"n": case.decision_number})
                return redirect(self.url("detail", pk=case.pk))
        context = {**self.base_context(request), "form": form}
        return render(request, "cases/case_summary.html", context, status=422 if form.errors else 200)

    def document_view(self, request: HttpRequest, pk: int, key: str, fmt: str) -> HttpResponse:
        case = self.get_object(request, pk)
        document = DOCUMENTS_BY_KEY.get(key)
        if document is None or not document.available(case):
            raise Http404
        return document_response(document.build(case), filename_stem(case, document), fmt)


def _lookup(model, request: HttpRequest, number: str, field: str, label: str):
    found = model.objects.visible_to(request.user).live().filter(number=number.strip()).first()
    if found is None:
        raise ValidationError(
            {field: _("找不到%(label)s“%(n)s”，或不在您负责的区划内。") % {"label": label, "n": number}}
        )
    return found


PAGES = PenaltyPages()
step_view = require_POST(PAGES.step_view)
open_view = PAGES.open_view
summary_view = PAGES.summary_view
document_view = require_GET(PAGES.document_view)
