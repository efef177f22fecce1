"""Government information disclosure: 主动公开 items, 依申请公开 requests with their steps
(`publicity.procedures.DISCLOSURE_REQUEST`), and 双公示 of decisions."""

from __future__ import annotations

import datetime
import io
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from emgov.api.params import Pagination, year_query
from emgov.api.renderers import DOCUMENT_FILE
from emgov.api.steps import steps_routes, take_step
from emgov.cases.models import PenaltyCase
from emgov.core.credit_export import parse_period
from emgov.core.documents import document_response
from emgov.core.interchange.files import FORMATS
from emgov.core.masking import HIDDEN
from emgov.core.models import User
from emgov.core.permissions import DISCLOSURE_HANDLERS, LEGAL_STAFF
from emgov.core.services import VIA_API
from emgov.licensing.models import LicensingCase
from emgov.licensing.xk import applicant_name
from emgov.publicity import queries
from emgov.publicity.models import (
    DeliveryRoute,
    DisclosureItem,
    DisclosureRequest,
    InformationFormat,
    Publication,
    PublicationKind,
    ReplyType,
    RequestChannel,
)
from emgov.publicity.procedures import DISCLOSURE_REQUEST, PUBLICATION
from emgov.publicity.services import publications
from emgov.publicity.services.cf import cf_filename, published_penalties, write_cf
from emgov.publicity.services.letters import LETTERS
from emgov.publicity.services.requests import disclosure_request_register

router = Router(tags=["政府信息公开"])


class DisclosureItemOut(Schema):
    id: int
    number: str
    title: str
    category: str
    published_on: datetime.date
    region_code: str | None

    @staticmethod
    def resolve_region_code(obj: DisclosureItem) -> str | None:
        return obj.region.code if obj.region_id else None


class DisclosureRequestOut(Schema):
    id: int
    version: int
    number: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    applicant_address: str
    channel: RequestChannel
    submitted_on: datetime.date
    received_on: datetime.date
    description: str
    format_wanted: InformationFormat
    delivery_wanted: DeliveryRoute
    region_code: str | None
    status: str
    due_on: datetime.date | None
    supplement_requested_on: datetime.date | None
    supplement_due_on: datetime.date | None
    supplement_completed_on: datetime.date | None
    withdrawn_on: datetime.date | None
    consultation_party: str
    consultation_sent_on: datetime.date | None
    consultation_replied_on: datetime.date | None
    extension_days: int | None
    extension_approved_by: str
    extension_approved_on: datetime.date | None
    extension_notified_on: datetime.date | None
    reply_type: str
    replied_on: datetime.date | None
    reply_number: str
    late: bool

    @staticmethod
    def resolve_region_code(obj: DisclosureRequest) -> str | None:
        return obj.region.code if obj.region_id else None

    @staticmethod
    def resolve_late(obj: DisclosureRequest) -> bool:
        return obj.is_late

    # An applicant's ID number and telephone are read only by those who handle the requests.
    @staticmethod
    def resolve_applicant_id_number(obj: DisclosureRequest, context) -> str:
        return obj.applicant_id_number if _handles_requests(context) else str(HIDDEN)

    @staticmethod
    def resolve_applicant_phone(obj: DisclosureRequest, context) -> str:
        return obj.applicant_phone if _handles_requests(context) else str(HIDDEN)


def _handles_requests(context) -> bool:
    request = (context or {}).get("request")
    user = getattr(request, "auth", None) or getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.role in DISCLOSURE_HANDLERS)


class DisclosureRequestIn(Schema):
    number: str = ""
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    applicant_address: str = ""
    channel: RequestChannel
    submitted_on: datetime.date
    received_on: datetime.date
    description: str
    format_wanted: InformationFormat
    delivery_wanted: DeliveryRoute


class DisclosureExtendIn(Schema):
    """The earlier shape of the step "extend" (`POST …/{id}/extend`); `…/{id}/steps/extend` takes the
    step form's own fields."""

    version: int | None = None
    days: int
    reason: str
    approved_by: str
    approved_on: datetime.date
    notified_on: datetime.date


class ReplyIn(Schema):
    """The earlier shape of the step "reply" (`POST …/{id}/reply`)."""

    version: int | None = None
    reply_type: ReplyType
    replied_on: datetime.date
    content: str = ""


def _visible_requests(user: User):
    return DisclosureRequest.objects.visible_to(user).select_related("region")


def _requests(request: HttpRequest):
    return _visible_requests(request.auth)


def _handles(user: User) -> bool:
    return user.sees_everything or user.role in LEGAL_STAFF


def _handled(request: HttpRequest, pk: int) -> DisclosureRequest:
    if not _handles(request.auth):
        raise Http404
    return get_object_or_404(_requests(request).live(), pk=pk)


@router.get("/disclosures", response=list[DisclosureItemOut], summary="主动公开信息列表")
@paginate(Pagination)
def disclosure_list(request: HttpRequest, year: int | None = year_query(), category: str | None = None):
    qs = DisclosureItem.objects.visible_to(request.auth).live().select_related("region")
    if year:
        qs = qs.filter(published_on__year=year)
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("-published_on", "-number")


@router.get("/disclosures/{item_id}", response=DisclosureItemOut, summary="主动公开信息")
def disclosure_detail(request: HttpRequest, item_id: int):
    return get_object_or_404(
        DisclosureItem.objects.visible_to(request.auth).select_related("region"), pk=item_id
    )


@router.get("/disclosure-requests", response=list[DisclosureRequestOut], summary="政府信息公开申请列表")
@paginate(Pagination)
def request_list(request: HttpRequest, year: int | None = year_query(), status: str | None = None):
    qs = _requests(request).live()
    if year:
        qs = qs.filter(received_on__year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-received_on", "-number")


@router.get("/disclosure-requests/{request_id}", response=DisclosureRequestOut, summary="政府信息公开申请")
def request_detail(request: HttpRequest, request_id: int):
    return get_object_or_404(_requests(request), pk=request_id)


@router.post("/disclosure-requests", response={201: DisclosureRequestOut}, summary="登记政府信息公开申请")
def request_register(request: HttpRequest, payload: DisclosureRequestIn):
    user = request.auth
    if not _handles(user):
        raise Http404
    created = disclosure_request_register(actor=user, via=VIA_API, **payload.dict())
    return Status(201, created)


steps_routes(router, "/disclosure-requests", DISCLOSURE_REQUEST, _visible_requests, DisclosureRequestOut)


@router.post(
    "/disclosure-requests/{request_id}/extend",
    response=DisclosureRequestOut,
    summary="延长答复期限（旧路径，请改用 …/steps/extend）",
)
def request_extend(request: HttpRequest, request_id: int, payload: DisclosureExtendIn):
    body = {
        "version": payload.version,
        "extension_days": payload.days,
        "extension_reason": payload.reason,
        "extension_approved_by": payload.approved_by,
        "extension_approved_on": payload.approved_on,
        "extension_notified_on": payload.notified_on,
    }
    return take_step(request, DISCLOSURE_REQUEST, _handled(request, request_id), "extend", body)


@router.post(
    "/disclosure-requests/{request_id}/reply",
    response=DisclosureRequestOut,
    summary="答复申请（旧路径，请改用 …/steps/reply）",
)
def request_reply(request: HttpRequest, request_id: int, payload: ReplyIn):
    body = {
        "version": payload.version,
        "reply_type": payload.reply_type,
        "replied_on": payload.replied_on,
        "reply_content": payload.content,
    }
    return take_step(request, DISCLOSURE_REQUEST, _handled(request, request_id), "reply", body)


@router.get(
    "/disclosure-requests/{request_id}/letters/{kind}.{fmt}",
    response={200: None},
    summary="下载申请的文书：补正告知书（supplement）、征求意见函（consultation）、延期答复告知书（extension）、答复书（reply）",
    openapi_extra=DOCUMENT_FILE,
)
def request_letter(
    request: HttpRequest,
    request_id: int,
    kind: Literal["supplement", "consultation", "extension", "reply"],
    fmt: Literal["docx", "pdf"],
) -> HttpResponse:
    obj = get_object_or_404(_requests(request).live(), pk=request_id)
    letter = LETTERS[kind]
    if not letter.made(obj):
        raise Http404
    return document_response(letter.build(obj), f"{letter.title}_{obj.number}", fmt)


# 双公示 -------------------------------------------------------------------------------------------

DECISIONS = {"penalty": PenaltyCase, "licensing": LicensingCase}


class PublicationOut(Schema):
    id: int
    kind: PublicationKind
    decision_type: str
    decision_id: int
    decision_number: str
    party_name: str
    decided_on: datetime.date | None
    published_on: datetime.date
    withdrawn_on: datetime.date | None
    withdraw_reason: str
    in_force: bool

    @staticmethod
    def resolve_decision_type(obj: Publication) -> str:
        return "penalty" if obj.penalty_case_id else "licensing"

    @staticmethod
    def resolve_decision_id(obj: Publication) -> int:
        return obj.penalty_case_id or obj.licensing_case_id

    @staticmethod
    def resolve_party_name(obj: Publication) -> str:
        """Masked for a natural person, as on the public pages and in cf_ and XK_."""
        if obj.penalty_case_id:
            return queries.public_party_name(obj.penalty_case)
        return applicant_name(obj.licensing_case) if obj.licensing_case_id else obj.party_name


class PendingOut(Schema):
    decision_type: str
    decision_id: int
    kind: str
    number: str
    party: str
    decided_on: datetime.date
    due_on: datetime.date
    overdue: bool


class PublishIn(Schema):
    published_on: datetime.date | None = None


class WithdrawIn(Schema):
    reason: str
    withdrawn_on: datetime.date | None = None
    # The version of the publication in force the caller last read, if any.
    version: int | None = None


def _decision(request: HttpRequest, decision_type: str, pk: int):
    user = request.auth
    model = DECISIONS.get(decision_type)
    if model is None or not (user.sees_everything or user.role in PUBLICATION.roles):
        raise Http404
    return get_object_or_404(model.objects.visible_to(user).live(), pk=pk)


@router.get("/publications", response=list[PublicationOut], summary="双公示记录列表")
@paginate(Pagination)
def publication_list(request: HttpRequest, kind: str | None = None, in_force: bool | None = None):
    qs = queries.publications(request.auth).select_related("penalty_case", "licensing_case")
    if kind:
        qs = qs.filter(kind=kind)
    if in_force is not None:
        qs = qs.filter(withdrawn_on__isnull=in_force)
    return qs.order_by("-published_on", "-pk")


@router.get("/publications/pending", response=list[PendingOut], summary="待公示/逾期未公示的决定")
def publication_pending(request: HttpRequest, overdue: bool = False):
    rows = queries.pending_decisions(request.auth, overdue_only=overdue)
    return [
        PendingOut(
            decision_type=r.slug,
            decision_id=r.case.pk,
            kind=r.kind,
            number=r.number,
            party=r.party,
            decided_on=r.decided_on,
            due_on=r.due_on,
            overdue=r.overdue,
        )
        for r in rows
    ]


@router.post(
    "/publications/{decision_type}/{decision_id}/publish",
    response={201: PublicationOut},
    summary="公示决定（撤销后重新公示亦用此接口）",
)
def publication_publish(request: HttpRequest, decision_type: str, decision_id: int, payload: PublishIn):
    case = _decision(request, decision_type, decision_id)
    created = publications.publication_publish(
        actor=request.auth, case=case, on=payload.published_on, via=VIA_API
    )
    return Status(201, created)


@router.post(
    "/publications/{decision_type}/{decision_id}/withdraw", response=PublicationOut, summary="撤销公示"
)
def publication_withdraw(request: HttpRequest, decision_type: str, decision_id: int, payload: WithdrawIn):
    case = _decision(request, decision_type, decision_id)
    return publications.publication_withdraw(
        actor=request.auth,
        case=case,
        reason=payload.reason,
        on=payload.withdrawn_on,
        via=VIA_API,
        expected_version=payload.version,
    )


@router.get("/publications/export", summary="按信用中国 cf_ 标准导出期间内已公示的行政处罚决定")
def publication_export(request: HttpRequest, start: str, end: str, fmt: str = "xlsx"):
    try:
        first, last = parse_period(start, end)
    except ValueError as exc:
        raise ValidationError({"start": exc.args[0]}, code="invalid_period") from None
    if fmt not in FORMATS:
        raise ValidationError({"fmt": _("导出格式只能是 xlsx 或 csv")}, code="invalid_format")
    cases = published_penalties(PenaltyCase.objects.visible_to(request.auth), first, last)
    out = io.BytesIO()
    write_cf(cases, out, fmt)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=cf_filename(first, last, fmt))
