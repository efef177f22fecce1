"""The visit recorded on a phone on site: find the enterprise, fill in, save as a draft or submit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emgov.core.models import Role, User
from emgov.core.pages.steps import add_errors
from emgov.enforcement import drafts
from emgov.enforcement.models import VisitDraft
from emgov.enforcement.visits import visit_record
from emgov.enforcement.visits_forms import PhoneVisitForm, draft_data
from emgov.enterprises.models import Enterprise

FIELD_STAFF = frozenset({Role.ADMIN, Role.OFFICER, Role.TOWN})
SEARCH_LIMIT = 10


def _require_field_staff(user: User) -> None:
    if not (user.sees_everything or user.role in FIELD_STAFF):
        raise Http404


def enterprise_search(user: User, query: str) -> list[Enterprise]:
    """Enterprises the user may see whose name, 统一社会信用代码 or pinyin initials contain the text."""
    query = query.strip()
    if not query:
        return []
    match = Q(name__icontains=query) | Q(credit_code__icontains=query.upper())
    if query.isascii() and query.isalnum():
        match |= Q(name_initials__contains=query.lower())
    qs = Enterprise.objects.visible_to(user).live().filter(match).select_related("town")
    return list(qs.order_by("name", "pk")[:SEARCH_LIMIT])


def _draft_for(request: HttpRequest, pk: int) -> VisitDraft:
    return get_object_or_404(VisitDraft.objects.visible_to(request.user).open(), pk=pk)


# An upload's error belongs to the files box.
UPLOAD_ERRORS = {"file": "files"}


def record_view(request: HttpRequest, draft_pk: int | None = None) -> HttpResponse:
    _require_field_staff(request.user)
    draft = _draft_for(request, draft_pk) if draft_pk else None
    if request.method != "POST":
        initial = dict(draft.data) if draft else {}
        form = PhoneVisitForm(user=request.user, initial=initial)
        return _render(request, form, draft)
    form = PhoneVisitForm(request.POST, request.FILES, user=request.user)
    uploads = request.FILES.getlist("files")
    if request.POST.get("action") == "draft":
        data = draft_data(request.POST)
        chosen = form.selected_enterprise()
        data["enterprise_name"] = chosen.name if chosen else ""
        try:
            draft = drafts.draft_save(actor=request.user, data=data, draft=draft, uploads=uploads)
        except ValidationError as exc:
            add_errors(form, exc, UPLOAD_ERRORS)
            return _render(request, form, draft, status=422)
        messages.success(request, _("草稿已保存，可稍后继续填写。"))
        return redirect("enforcement:visit-record-draft", draft_pk=draft.pk)
    if form.is_valid():
        try:
            visit = visit_record(actor=request.user, uploads=uploads, draft=draft, **form.visit_fields())
        except ValidationError as exc:
            add_errors(form, exc, UPLOAD_ERRORS)
        else:
            hazards = visit.hazards.count()
            messages.success(
                request,
                _("检查记录%(number)s已提交，登记隐患%(n)s项。") % {"number": visit.number, "n": hazards},
            )
            return redirect("enforcement:visits-detail", pk=visit.pk)
    if uploads:
        messages.warning(request, _("检查记录未提交：请按提示修改，并重新选择照片和附件。"))
    return _render(request, form, draft, status=422)


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


def urls() -> list:
    return [
        path("visits/record/", record_view, name="visit-record"),
        path("visits/record/enterprises/", enterprise_options_view, name="visit-record-enterprises"),
        path("visits/record/<int:draft_pk>/", record_view, name="visit-record-draft"),
        path("visits/record/<int:draft_pk>/discard/", draft_discard_view, name="visit-record-discard"),
    ]
