"""The penalty ledger and case pages: the list, a case with its deadlines, documents, history and the
steps of `PENALTY_CASE` (at `penalties/<pk>/steps/<step>/`), filing and the summary procedure."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from emgov.cases import queries, services
from emgov.cases.documents import DOCUMENTS_BY_KEY, documents_of, filename_stem
from emgov.cases.forms.cases import PenaltyForm
from emgov.cases.forms.steps import OpenForm, SummaryForm
from emgov.cases.models import PenaltyCase
from emgov.cases.procedures import PENALTY_CASE
from emgov.core.attachments import download_url
from emgov.core.documents import document_response
from emgov.core.pages import LedgerPages, PresenceFilter, RelatedFilter, YearFilter
from emgov.core.pages.steps import add_errors
from emgov.core.permissions import CASE_STAFF
from emgov.enforcement.models import Hazard, Visit
from emgov.enterprises.ledgers import link_enterprise


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
        PresenceFilter(
            "decided_on",
            label=gettext_lazy("处罚决定"),
            yes=gettext_lazy("已决定"),
            no=gettext_lazy("未决定"),
            name="decided",
        ),
        PresenceFilter(
            "paid_on",
            label=gettext_lazy("缴纳罚款"),
            yes=gettext_lazy("已缴纳"),
            no=gettext_lazy("未缴纳"),
            name="paid",
            owed=Q(payment_due_on__isnull=False),
        ),
    )
    select_related = ("department",)
    default_ordering = ("-decided_on", "-filed_on", "-pk")
    edit_roles = CASE_STAFF
    procedure = PENALTY_CASE
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
            self.queryset(request.user).select_related(
                "discretion_grade__item__version",
                "reviewer",
                "decision_approver",
                "enterprise__town",
                "visit__enterprise__town",
            ),
            pk=pk,
        )

    def detail_extra(self, request: HttpRequest, obj: PenaltyCase) -> dict[str, Any]:
        return {
            "deadlines": queries.case_deadlines(obj),
            "calendar_warnings": queries.calendar_warnings(obj),
            "case_steps": obj.steps.filter(voided_at__isnull=True).select_related("actor"),
            "evidence": obj.evidence.filter(voided_at__isnull=True).prefetch_related("attachments"),
            "extensions": obj.extensions.filter(voided_at__isnull=True).select_related("approver"),
            "challenges": obj.challenges.filter(voided_at__isnull=True),
            "documents": documents_of(obj),
        }

    def open_view(self, request: HttpRequest) -> HttpResponse:
        self._require_edit(request)
        form = OpenForm(request.POST or None, initial=_visit_facts(request))
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
                lost = [p for p in services.site_photos(case.visit, case.hazard) if not p.present]
                if lost:
                    messages.warning(request, _lost_photos_note(lost))
                return redirect(self.url("detail", pk=case.pk))
        photos = _open_photos(request, form)
        context = {
            **self.base_context(request),
            "form": form,
            "site_photos": [
                {"title": p.title, "source": p.source, "url": download_url(p.attachment)}
                for p in photos
                if p.present
            ],
            "lost_photos": _lost_photos_note([p for p in photos if not p.present]),
        }
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


def _visible(model, request: HttpRequest, number: str):
    return model.objects.visible_to(request.user).live().filter(number=(number or "").strip()).first()


def _lost_photos_note(lost: list[services.SitePhoto]) -> str:
    """What the officer is told of inspection photos whose files are gone from storage: they are not
    carried into the evidence list, and which they are."""
    if not lost:
        return ""
    return _("以下%(n)d张现场照片的文件已缺失，不能列入证据清单，请核实后补充取证：%(names)s") % {
        "n": len(lost),
        "names": "、".join(f"{p.attachment.original_name}（{p.title}）" for p in lost),
    }


def _open_photos(request: HttpRequest, form: OpenForm) -> list[services.SitePhoto]:
    """The photos the case will carry as evidence, shown before the officer confirms: those of the visit
    (or the hazard) named on the form, or in the page's address."""
    if request.method == "POST":
        visit_number, hazard_number = form.data.get("visit_number"), form.data.get("hazard_number")
    else:
        visit_number, hazard_number = request.GET.get("visit"), None
    hazard = _visible(Hazard, request, hazard_number) if hazard_number else None
    visit = _visible(Visit, request, visit_number) if visit_number else None
    return services.site_photos(visit, hazard)


def _visit_facts(request: HttpRequest) -> dict[str, Any]:
    """立案 from a visit's page (`?visit=<检查编号>`): the visit, and its hazards as the facts and the
    clauses they break; the party comes from the visit's enterprise."""
    visit = _visible(Visit, request, request.GET.get("visit", ""))
    if visit is None:
        return {}
    hazards = list(visit.hazards.filter(voided_at__isnull=True).order_by("number"))
    facts = "；".join(f"{h.description}（{h.location}）" if h.location else h.description for h in hazards)
    return {
        "visit_number": visit.number,
        "violation": facts or visit.findings,
        "legal_basis": "；".join(dict.fromkeys(h.basis for h in hazards if h.basis)),
    }


def _lookup(model, request: HttpRequest, number: str, field: str, label: str):
    found = _visible(model, request, number)
    if found is None:
        raise ValidationError(
            {field: _("找不到%(label)s“%(n)s”，或不在您负责的区划内。") % {"label": label, "n": number}},
            code="reference_not_found",
        )
    return found


PAGES = PenaltyPages()
open_view = PAGES.open_view
summary_view = PAGES.summary_view
document_view = require_GET(PAGES.document_view)
