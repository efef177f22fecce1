"""Pages of visits: the ledger (tabs by nature, the checklist and the files on a visit's page), and the visit
recorded on a phone on site (find the enterprise, fill in, save as a draft or submit)."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from emgov.core.models import User
from emgov.core.pages import LedgerPages, RelatedFilter, TownFilter, YearFilter
from emgov.core.pages.paging import count_cap, grouped_counts
from emgov.core.pages.steps import add_errors
from emgov.core.permissions import CASE_STAFF, FIELD_STAFF
from emgov.enforcement import rules
from emgov.enforcement.forms.fieldwork import SUGGESTED_DAYS, catalogue_options, signature_values
from emgov.enforcement.forms.visits import PhoneVisitForm, VisitForm, draft_data
from emgov.enforcement.models import Visit, VisitDraft, VisitNature
from emgov.enforcement.queries import enterprise_search
from emgov.enforcement.services import drafts
from emgov.enforcement.services.fieldwork import visit_void
from emgov.enforcement.services.reinspections import reviewable_hazards
from emgov.enforcement.services.visits import visit_record


class VisitPages(LedgerPages):
    name = "visits"
    namespace = "enforcement"
    model = Visit
    title = gettext_lazy("检查记录")
    ledger_id = "inspections"
    form_class = VisitForm
    list_display = (
        "number",
        "date",
        "enterprise",
        ("enterprise__town", gettext_lazy("镇街")),
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
    detail_related = (("orders", gettext_lazy("执法文书")), ("penalties", gettext_lazy("行政处罚")))
    list_template = "enforcement/visit_list.html"
    detail_template = "enforcement/visit_detail.html"

    def list_extra(self, request: HttpRequest) -> dict[str, Any]:
        return {"nature_tabs": nature_tabs(self, request)}

    def detail_extra(self, request: HttpRequest, obj: Visit) -> dict[str, Any]:
        return visit_extra(obj, request.user)

    def check(self, instance: Visit, m2m: dict[str, list[Any]]) -> None:
        rules.check_visit_officers(
            department=instance.department,
            nature=instance.nature,
            date=instance.date,
            officers=m2m.get("officers", []),
        )

    def void(self, obj: Visit, *, actor: User, reason: str) -> Visit:
        return visit_void(obj, actor=actor, reason=reason)

    def lookup_label(self, obj: Visit) -> str:
        return f"{obj.date:%Y-%m-%d} {obj.enterprise}"


def nature_tabs(pages: LedgerPages, request: HttpRequest) -> list[dict[str, Any]]:
    """全部 / 执法检查 / 帮扶指导 / 督导检查, each with its count under the other filters in use."""
    others = copy.copy(request)
    others.GET = request.GET.copy()
    current = others.GET.pop("nature", [""])[-1]
    others.GET.pop("page", None)
    qs, _state = pages.filtered(others)
    cap = count_cap(request)
    counts = grouped_counts(qs, "nature", cap)
    base = others.GET.copy()
    if counts is None:  # more visits than a count is worth: the tabs without their counts
        over = _("超过%(n)s") % {"n": f"{cap:,}"}
        tabs = [{"label": _("全部"), "value": "", "count": over}]
        tabs += [{"label": label, "value": value, "count": ""} for value, label in VisitNature.choices]
    else:
        tabs = [{"label": _("全部"), "value": "", "count": sum(counts.values())}]
        tabs += [
            {"label": label, "value": value, "count": counts.get(value, 0)}
            for value, label in VisitNature.choices
        ]
    for tab in tabs:
        query = base.copy()
        if tab["value"]:
            query["nature"] = tab["value"]
        tab["url"] = f"?{query.urlencode()}"
        tab["active"] = tab["value"] == current
    return tabs


def visit_extra(visit: Visit, user: User) -> dict[str, Any]:
    answers = visit.checklist_answers.filter(voided_at__isnull=True).select_related("item")
    hazards = visit.hazards.filter(voided_at__isnull=True).prefetch_related("attachments").order_by("number")
    return {
        "signatures": list(visit.signatures.filter(voided_at__isnull=True)),
        "reinspections": list(
            visit.reinspections.filter(voided_at__isnull=True).prefetch_related("officers")
        ),
        "may_reinspect": reviewable_hazards(visit).exists(),
        # 立案 is offered to those who may open a penalty case (the town's officers may not).
        "case_open_url": f"{reverse('cases:penalties-open')}?{urlencode({'visit': visit.number})}"
        if user.role in CASE_STAFF
        else "",
        "answers": list(answers.order_by("item__position", "item__article")),
        "attachments": [
            (a, reverse("core:attachment", kwargs={"pk": a.pk})) for a in visit.attachments.all()
        ],
        "hazards": list(hazards),
        "record_url": reverse("enforcement:visit-record"),
    }


# Recording a visit on a phone ------------------------------------------------------------------------


def _require_field_staff(user: User) -> None:
    if not (user.sees_everything or user.role in FIELD_STAFF):
        raise Http404


def _draft_for(request: HttpRequest, pk: int) -> VisitDraft:
    return get_object_or_404(VisitDraft.objects.visible_to(request.user).open(), pk=pk)


# An upload's error belongs to the files box.
UPLOAD_ERRORS = {"file": "files"}


def record_view(request: HttpRequest, draft_pk: int | None = None) -> HttpResponse:
    _require_field_staff(request.user)
    draft = _draft_for(request, draft_pk) if draft_pk else None
    if request.method != "POST":
        initial = {**draft.data, **signature_values(draft.signatures.all())} if draft else {}
        form = PhoneVisitForm(user=request.user, initial=initial)
        return _render(request, form, draft)
    form = PhoneVisitForm(request.POST, request.FILES, user=request.user)
    uploads = request.FILES.getlist("files")
    if request.POST.get("action") == "draft":
        data = draft_data(request.POST)
        chosen = form.selected_enterprise()
        data["enterprise_name"] = chosen.name if chosen else ""
        try:
            signatures = form.draft_signatures()
            draft = drafts.draft_save(
                actor=request.user, data=data, draft=draft, uploads=uploads, signatures=signatures
            )
        except ValidationError as exc:
            add_visit_errors(form, exc)
            return _render(request, form, draft, status=422)
        messages.success(request, _("草稿已保存，可稍后继续填写。"))
        return redirect("enforcement:visit-record-draft", draft_pk=draft.pk)
    if form.is_valid():
        try:
            visit = visit_record(actor=request.user, uploads=uploads, draft=draft, **form.visit_fields())
        except ValidationError as exc:
            add_visit_errors(form, exc)
        else:
            hazards = visit.hazards.count()
            messages.success(
                request,
                _("检查记录%(number)s已提交，登记隐患%(n)s项。") % {"number": visit.number, "n": hazards},
            )
            return redirect("enforcement:visits-detail", pk=visit.pk)
    messages.error(request, _("检查记录未提交：请按页首列出的问题修改；已拍的照片和签名仍保留在本页。"))
    return _render(request, form, draft, status=422)


def add_visit_errors(form: PhoneVisitForm, exc: ValidationError) -> None:
    """A service's errors on the fields they name: the signatures' on the signing part of the form."""
    if hasattr(exc, "error_dict"):
        signing = {k: v for k, v in exc.error_dict.items() if k in form.signing.fields}
        if signing:
            form.signing.is_valid()
            add_errors(form.signing, ValidationError(signing))
            exc = ValidationError({k: v for k, v in exc.error_dict.items() if k not in signing} or {})
            if not exc.error_dict:
                return
    add_errors(form, exc, UPLOAD_ERRORS)


def _render(
    request: HttpRequest, form: PhoneVisitForm, draft: VisitDraft | None, status: int = 200
) -> HttpResponse:
    own_drafts = VisitDraft.objects.visible_to(request.user).open()
    context: dict[str, Any] = {
        "title": _("现场检查"),
        "form": form,
        "draft": draft,
        "draft_files": list(draft.attachments.all()) if draft else [],
        "drafts": list(own_drafts[:20]),
        "chosen": form.selected_enterprise(),
        "clauses": catalogue_options(),
        "suggest_days": SUGGESTED_DAYS,
        "summary": form.error_summary() if status == 422 and request.POST.get("action") != "draft" else [],
    }
    return render(request, "enforcement/visit_record.html", context, status=status)


def enterprise_options_view(request: HttpRequest) -> HttpResponse:
    _require_field_staff(request.user)
    found = enterprise_search(request.user, request.GET.get("q", ""))
    return render(
        request,
        "enforcement/visit_enterprise_options.html",
        {"found": found, "q": request.GET.get("q", "").strip()},
    )


@require_POST
def draft_discard_view(request: HttpRequest, draft_pk: int) -> HttpResponse:
    _require_field_staff(request.user)
    drafts.draft_discard(actor=request.user, draft=_draft_for(request, draft_pk))
    messages.success(request, _("草稿已放弃。"))
    return redirect(reverse("enforcement:visit-record"))


VISIT_PAGES = VisitPages()


def urls() -> list:
    return [
        path("visits/record/", record_view, name="visit-record"),
        path("visits/record/enterprises/", enterprise_options_view, name="visit-record-enterprises"),
        path("visits/record/<int:draft_pk>/", record_view, name="visit-record-draft"),
        path("visits/record/<int:draft_pk>/discard/", draft_discard_view, name="visit-record-discard"),
    ]
