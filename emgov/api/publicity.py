"""Government information disclosure: 主动公开 items and 依申请公开 requests with their steps."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from emgov.core.services import VIA_API
from emgov.publicity import services
from emgov.publicity.models import (
    DeliveryRoute,
    DisclosureItem,
    DisclosureRequest,
    InformationFormat,
    ReplyType,
    RequestChannel,
)
from emgov.publicity.views import HANDLER_ROLES

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
    supplement_completed_on: datetime.date | None
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


class RegisterIn(Schema):
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


class ExtendIn(Schema):
    version: int | None = None
    days: int
    reason: str
    approved_by: str
    approved_on: datetime.date
    notified_on: datetime.date


class ReplyIn(Schema):
    version: int | None = None
    reply_type: ReplyType
    replied_on: datetime.date
    content: str = ""


def _requests(request: HttpRequest):
    return DisclosureRequest.objects.visible_to(request.auth).select_related("region")


def _handled(request: HttpRequest, pk: int) -> DisclosureRequest:
    user = request.auth
    if not (user.sees_everything or user.role in HANDLER_ROLES):
        raise Http404
    return get_object_or_404(_requests(request).live(), pk=pk)


@router.get("/disclosures", response=list[DisclosureItemOut], summary="主动公开信息列表")
@paginate(LimitOffsetPagination)
def disclosure_list(request: HttpRequest, year: int | None = None, category: str | None = None):
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
@paginate(LimitOffsetPagination)
def request_list(request: HttpRequest, year: int | None = None, status: str | None = None):
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
def request_register(request: HttpRequest, payload: RegisterIn):
    user = request.auth
    if not (user.sees_everything or user.role in HANDLER_ROLES):
        raise Http404
    created = services.disclosure_request_register(actor=user, via=VIA_API, **payload.dict())
    return Status(201, created)


@router.post(
    "/disclosure-requests/{request_id}/extend", response=DisclosureRequestOut, summary="延长答复期限"
)
def request_extend(request: HttpRequest, request_id: int, payload: ExtendIn):
    data = payload.dict()
    version = data.pop("version")
    return services.disclosure_request_extend(
        _handled(request, request_id), actor=request.auth, via=VIA_API, expected_version=version, **data
    )


@router.post("/disclosure-requests/{request_id}/reply", response=DisclosureRequestOut, summary="答复申请")
def request_reply(request: HttpRequest, request_id: int, payload: ReplyIn):
    data = payload.dict()
    version = data.pop("version")
    return services.disclosure_request_reply(
        _handled(request, request_id), actor=request.auth, via=VIA_API, expected_version=version, **data
    )
