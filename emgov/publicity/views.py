from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import audit
from emgov.core.display import display_value
from emgov.core.documents import DOCX_CONTENT_TYPE
from emgov.core.models import Role, User
from emgov.core.navigation import TodoItem
from emgov.core.pages import LedgerPages, ValuesFilter, YearFilter
from emgov.core.pages.steps import add_errors, posted_version, step_form
from emgov.core.workdays import WorkdayCalendar
from emgov.publicity import forms as publicity_forms
from emgov.publicity import queries, services
from emgov.publicity.deadlines import compute_clock
from emgov.publicity.letters import reply_letter
from emgov.publicity.models import DisclosureItem, DisclosureRequest, RequestStatus

HANDLER_ROLES = frozenset({Role.ADMIN, Role.LEGAL})


class DisclosurePages(LedgerPages):
    name = "disclosures"
    namespace = "publicity"
    model = DisclosureItem
    title = gettext_lazy("政府信息公开")
    ledger_id = "disclosures"
    form_class = publicity_forms.DisclosureForm
    list_display = ("title", "number", "category", "published_on", "region")
    search_fields = ("number", "title")
    filter_fields = (ValuesFilter("category"), YearFilter("published_on"))
    select_related = ("region",)
    default_ordering = ("-published_on", "-number")
    edit_roles = HANDLER_ROLES


# The application's own data, then the steps of its handling, in the order of the detail page.
APPLICATION_FIELDS = (
    "number",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_address",
    "channel",
    "submitted_on",
    "received_on",
    "description",
    "format_wanted",
    "delivery_wanted",
    "region",
)
HANDLING_FIELDS = (
    "supplement_requested_on",
    "supplement_note",
    "supplement_completed_on",
    "consultation_party",
    "consultation_sent_on",
    "consultation_replied_on",
    "extension_days",
    "extension_reason",
    "extension_approved_by",
    "extension_approved_on",
    "extension_notified_on",
    "reply_type",
    "replied_on",
    "reply_number",
    "reply_content",
)


class DisclosureRequestPages(LedgerPages):
    name = "requests"
    namespace = "publicity"
    model = DisclosureRequest
    title = gettext_lazy("政府信息公开申请")
    form_class = publicity_forms.DisclosureRequestForm
    list_display = ("number", "applicant_name", "channel", "received_on", "due_on", "status", "reply_type")
    search_fields = ("number", "applicant_name", "description")
    filter_fields = ("status", "channel", "reply_type", YearFilter("received_on"))
    select_related = ("region",)
    default_ordering = ("-received_on", "-number")
    edit_roles = HANDLER_ROLES

    def create(self, *, actor: User, data: dict[str, Any]) -> DisclosureRequest:
        return services.disclosure_request_register(actor=actor, **data)

    def update(self, obj, *, actor, changes, expected_version):
        return services.disclosure_request_update(
            obj, actor=actor, changes=changes, expected_version=expected_version
        )

    def detail_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object(request, pk)
        can_edit = self.can_edit(request.user) and not obj.is_voided
        return render(
            request,
            "publicity/request_detail.html",
            {
                **self.base_context(request),
                "obj": obj,
                "clock": compute_clock(obj, WorkdayCalendar()),
                "application": _field_rows(obj, APPLICATION_FIELDS, keep_empty=True),
                "handling": _field_rows(obj, HANDLING_FIELDS, keep_empty=False),
                "steps": [(name, step.label) for name, step in STEPS.items() if step.available(obj)]
                if can_edit and not obj.replied_on
                else [],
                "history": [
                    {"entry": e, "changes": audit.labelled_changes(obj, e.changes)}
                    for e in audit.history(obj)
                ],
            },
        )


def _field_rows(obj: DisclosureRequest, names: tuple[str, ...], *, keep_empty: bool) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        value = getattr(obj, name)
        if not keep_empty and value in (None, ""):
            continue
        rows.append({"label": obj._meta.get_field(name).verbose_name, "value": display_value(obj, name)})
    return rows


# Workflow steps ---------------------------------------------------------------------------------


def _waiting_supplement(r: DisclosureRequest) -> bool:
    return bool(r.supplement_requested_on and not r.supplement_completed_on)


def _waiting_opinion(r: DisclosureRequest) -> bool:
    return bool(r.consultation_sent_on and not r.consultation_replied_on)


@dataclass(frozen=True)
class Step:
    label: str
    form: type[forms.Form]
    service: Callable[..., DisclosureRequest]
    # form field → keyword argument of the service
    arguments: dict[str, str]
    available: Callable[[DisclosureRequest], bool]


STEPS: dict[str, Step] = {
    "supplement": Step(
        gettext_lazy("通知补正"),
        publicity_forms.AskSupplementForm,
        services.disclosure_request_ask_supplement,
        {"supplement_requested_on": "requested_on", "supplement_note": "note"},
        lambda r: not (r.supplement_requested_on or r.extension_days or r.consultation_sent_on),
    ),
    "supplement-received": Step(
        gettext_lazy("收到补正"),
        publicity_forms.ReceiveSupplementForm,
        services.disclosure_request_receive_supplement,
        {"supplement_completed_on": "completed_on"},
        _waiting_supplement,
    ),
    "consult": Step(
        gettext_lazy("征求第三方意见"),
        publicity_forms.ConsultForm,
        services.disclosure_request_consult,
        {"consultation_party": "party", "consultation_sent_on": "sent_on"},
        lambda r: not (_waiting_supplement(r) or r.consultation_sent_on),
    ),
    "opinion": Step(
        gettext_lazy("收到第三方意见"),
        publicity_forms.ReceiveOpinionForm,
        services.disclosure_request_receive_opinion,
        {"consultation_replied_on": "replied_on"},
        _waiting_opinion,
    ),
    "extend": Step(
        gettext_lazy("延长答复期限"),
        publicity_forms.ExtendForm,
        services.disclosure_request_extend,
        {
            "extension_days": "days",
            "extension_reason": "reason",
            "extension_approved_by": "approved_by",
            "extension_approved_on": "approved_on",
            "extension_notified_on": "notified_on",
        },
        lambda r: not (_waiting_supplement(r) or r.extension_days),
    ),
    "reply": Step(
        gettext_lazy("答复"),
        publicity_forms.ReplyForm,
        services.disclosure_request_reply,
        {"reply_type": "reply_type", "replied_on": "replied_on", "reply_content": "content"},
        lambda r: not (_waiting_supplement(r) or _waiting_opinion(r)),
    ),
}

REQUEST_PAGES = DisclosureRequestPages()


def _handled_request(request: HttpRequest, pk: int) -> DisclosureRequest:
    if not REQUEST_PAGES.can_edit(request.user):
        raise Http404
    return get_object_or_404(DisclosureRequest.objects.visible_to(request.user).live(), pk=pk)


def request_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step of a request's handling: a small form that calls its service."""
    spec = STEPS.get(step)
    if spec is None:
        raise Http404
    obj = _handled_request(request, pk)
    if obj.replied_on:
        messages.error(request, _("该申请已答复，不能再办理。"))
        return redirect(REQUEST_PAGES.url("detail", pk=pk))
    form = step_form(spec.form, request)
    version = obj.version
    if request.method == "POST":
        version = posted_version(request)
        if form.is_valid():
            kwargs = {arg: form.cleaned_data[name] for name, arg in spec.arguments.items()}
            try:
                spec.service(obj, actor=request.user, expected_version=version, **kwargs)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已保存：%(step)s。") % {"step": spec.label})
                return redirect(REQUEST_PAGES.url("detail", pk=pk))
    return render(
        request,
        "publicity/request_step.html",
        {
            **REQUEST_PAGES.base_context(request),
            "obj": obj,
            "form": form,
            "step_label": spec.label,
            "version": version,
            "clock": compute_clock(obj),
        },
    )


def request_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The reply letter (答复书) of a replied request, as .docx."""
    obj = get_object_or_404(DisclosureRequest.objects.visible_to(request.user).live(), pk=pk)
    if not obj.replied_on:
        raise Http404
    response = HttpResponse(reply_letter(obj), content_type=DOCX_CONTENT_TYPE)
    filename = f"政府信息公开申请答复书_{obj.number}.docx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def statistics(request: HttpRequest) -> HttpResponse:
    """The year's disclosure statistics: applications and proactive items."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    return render(
        request,
        "publicity/statistics.html",
        {
            "title": _("政府信息公开统计"),
            "stats": queries.year_statistics(request.user, year),
            "years": range(this_year, this_year - 11, -1),
        },
    )


def request_todo(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    """Open requests overdue or due within five working days, on the legal officer's home page."""
    if user.role != Role.LEGAL:
        return []
    today = today or timezone.localdate()
    soon = WorkdayCalendar().add_workdays(today, queries.SOON_WORKDAYS)
    qs = (
        queries.open_requests(user)
        .filter(due_on__lte=soon)
        .exclude(status=RequestStatus.SUPPLEMENT)
        .order_by("due_on", "number")[:50]
    )
    return [
        TodoItem(
            title=_("答复政府信息公开申请 %(number)s（%(name)s）")
            % {"number": r.number, "name": r.applicant_name},
            due=r.due_on,
            url=reverse("publicity:requests-detail", kwargs={"pk": r.pk}),
            kind=_("依申请公开"),
            overdue=r.due_on < today,
        )
        for r in qs
    ]
