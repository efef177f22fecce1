"""依申请公开 pages: the requests' ledger, each request with its answer clock and the steps of its
handling (`publicity.procedures.DISCLOSURE_REQUEST`, at `requests/<pk>/steps/<step>/`), its letters
(补正告知书, 征求意见函, 延期答复告知书, 答复书) as .docx and PDF, and the earlier step and reply-letter
addresses kept for bookmarks."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy

from emgov.core.display import display_value
from emgov.core.documents import DOCX_CONTENT_TYPE, document_response
from emgov.core.masking import HIDDEN
from emgov.core.models import User
from emgov.core.pages import LedgerPages, PresenceFilter, YearFilter
from emgov.core.permissions import DISCLOSURE_HANDLERS, LEGAL_STAFF
from emgov.core.workdays import WorkdayCalendar
from emgov.publicity.forms.requests import APPLICATION_FIELDS, DisclosureRequestForm
from emgov.publicity.models import DisclosureRequest
from emgov.publicity.procedures import DISCLOSURE_REQUEST
from emgov.publicity.services.deadlines import compute_clock
from emgov.publicity.services.letters import LETTERS, letters_of, reply_letter
from emgov.publicity.services.requests import disclosure_request_register, disclosure_request_update

# An applicant's identity document number and telephone: read by those who handle requests alone.
APPLICANT_PRIVATE = ("applicant_id_number", "applicant_phone")

HANDLING_FIELDS = (
    "supplement_requested_on",
    "supplement_note",
    "supplement_due_on",
    "supplement_completed_on",
    "withdrawn_on",
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
    form_class = DisclosureRequestForm
    list_display = ("number", "applicant_name", "channel", "received_on", "due_on", "status", "reply_type")
    search_fields = ("number", "applicant_name", "description")
    filter_fields = (
        "status",
        "channel",
        "reply_type",
        YearFilter("received_on"),
        PresenceFilter(
            "replied_on",
            label=gettext_lazy("答复"),
            yes=gettext_lazy("已答复"),
            no=gettext_lazy("未答复"),
            name="replied",
        ),
    )
    select_related = ("region",)
    default_ordering = ("-received_on", "-number")
    edit_roles = LEGAL_STAFF
    procedure = DISCLOSURE_REQUEST
    detail_template = "publicity/request_detail.html"
    step_template = "publicity/request_step.html"

    def create(self, *, actor: User, data: dict[str, Any]) -> DisclosureRequest:
        return disclosure_request_register(actor=actor, **data)

    def update(self, obj, *, actor, changes, expected_version):
        return disclosure_request_update(obj, actor=actor, changes=changes, expected_version=expected_version)

    def hidden_fields(self, user: User) -> set[str]:
        return set() if user.role in DISCLOSURE_HANDLERS else set(APPLICANT_PRIVATE)

    def detail_extra(self, request: HttpRequest, obj: DisclosureRequest) -> dict[str, Any]:
        hidden = self.hidden_fields(request.user)
        return {
            "clock": compute_clock(obj, WorkdayCalendar()),
            "application": _field_rows(obj, APPLICATION_FIELDS, keep_empty=True, hidden=hidden),
            "handling": _field_rows(obj, HANDLING_FIELDS, keep_empty=False),
            "letters": [{"kind": kind, "title": letter.title} for kind, letter in letters_of(obj)],
        }


def _field_rows(
    obj: DisclosureRequest, names: tuple[str, ...], *, keep_empty: bool, hidden: set[str] = frozenset()
) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        value = getattr(obj, name)
        if not keep_empty and value in (None, ""):
            continue
        shown = HIDDEN if name in hidden else display_value(obj, name)
        rows.append({"label": obj._meta.get_field(name).verbose_name, "value": shown})
    return rows


REQUEST_PAGES = DisclosureRequestPages()


def request_step_moved(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """The earlier address of a step, `requests/<pk>/<step>/`: sent on to `requests/<pk>/steps/<step>/`
    with 307, so that a form posted to it is posted again there."""
    if DISCLOSURE_REQUEST.step(step) is None:
        raise Http404
    return HttpResponseRedirect(REQUEST_PAGES.url("step", pk=pk, step=step), status=307)


def request_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The reply letter (答复书) of a replied request, as .docx."""
    obj = get_object_or_404(DisclosureRequest.objects.visible_to(request.user).live(), pk=pk)
    if not obj.replied_on:
        raise Http404
    response = HttpResponse(reply_letter(obj), content_type=DOCX_CONTENT_TYPE)
    filename = f"政府信息公开申请答复书_{obj.number}.docx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def request_letter_download(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    """A letter of the request (`LETTERS`), as .docx or PDF, once the step that writes it was taken."""
    obj = get_object_or_404(DisclosureRequest.objects.visible_to(request.user).live(), pk=pk)
    letter = LETTERS.get(kind)
    if letter is None or not letter.made(obj):
        raise Http404
    return document_response(letter.build(obj), f"{letter.title}_{obj.number}", fmt)
