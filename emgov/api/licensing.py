"""Licensing: the item catalogue, cases with their deadlines, and the workflow steps of a case."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from emgov.core.models import Role, User
from emgov.core.services import VIA_API
from emgov.licensing import services
from emgov.licensing.models import LicensingCase, LicensingItem

router = Router(tags=["行政许可"])

EDIT_ROLES = {Role.ADMIN, Role.LEGAL}


class ItemOut(Schema):
    id: int
    name: str
    category: str
    licence_type: str
    legal_basis: str
    time_limit_days: int
    working_days: bool
    extendable: bool
    extension_days: int
    materials: list[str]
    certificate_name: str
    validity_years: int | None

    @staticmethod
    def resolve_materials(obj: LicensingItem) -> list[str]:
        return obj.materials_list


class CaseOut(Schema):
    id: int
    version: int
    number: str
    stage: str
    item_id: int | None
    item_name: str
    category: str
    applicant: str
    credit_code: str
    applied_on: datetime.date | None
    accepted_on: datetime.date | None
    decision_due_on: datetime.date | None
    extension_days: int
    extension_reason: str
    extension_approved_by: str
    extended_on: datetime.date | None
    decided_on: datetime.date | None
    result: str
    decision_document: str
    decision_number: str
    certificate_name: str
    certificate_number: str
    certificate_issued_on: datetime.date | None
    certificate_due_on: datetime.date | None
    certificate_warning: str | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    publication_due_on: datetime.date | None
    published_on: datetime.date | None
    voided: bool

    @staticmethod
    def resolve_certificate_due_on(obj: LicensingCase) -> datetime.date | None:
        return services.certificate_due(obj)

    @staticmethod
    def resolve_certificate_warning(obj: LicensingCase) -> str | None:
        return services.certificate_warning(obj)

    @staticmethod
    def resolve_voided(obj: LicensingCase) -> bool:
        return obj.voided_at is not None


class StepIn(Schema):
    version: int | None = None


class AcceptIn(StepIn):
    accepted_on: datetime.date


class ExtendIn(StepIn):
    extended_on: datetime.date
    reason: str
    approved_by: str


class DecideIn(StepIn):
    decided_on: datetime.date
    result: str
    content: str = ""


class CertificateIn(StepIn):
    issued_on: datetime.date
    certificate_number: str
    certificate_name: str = ""
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None


class PublishIn(StepIn):
    published_on: datetime.date


def _cases(user: User):
    return LicensingCase.objects.visible_to(user).select_related("item")


def _case_to_change(request: HttpRequest, pk: int) -> LicensingCase:
    """A case the caller may see and change; otherwise, as for one they may not see, 404."""
    user: User = request.auth
    case = get_object_or_404(_cases(user), pk=pk)
    if not (user.sees_everything or user.role in EDIT_ROLES):
        raise Http404
    return case


@router.get("/items", response=list[ItemOut], summary="许可事项清单")
@paginate(LimitOffsetPagination)
def item_list(request: HttpRequest, category: str | None = None):
    qs = LicensingItem.objects.visible_to(request.auth).filter(voided_at__isnull=True)
    return qs.filter(category=category) if category else qs


@router.get("/items/{pk}", response=ItemOut, summary="许可事项")
def item_detail(request: HttpRequest, pk: int):
    return get_object_or_404(LicensingItem.objects.visible_to(request.auth), pk=pk)


@router.get("/cases", response=list[CaseOut], summary="许可案件列表")
@paginate(LimitOffsetPagination)
def case_list(request: HttpRequest, year: int | None = None, published: bool | None = None):
    qs = _cases(request.auth).filter(voided_at__isnull=True).order_by("-accepted_on", "-number")
    if year:
        qs = qs.filter(accepted_on__year=year)
    if published is not None:
        qs = qs.filter(published_on__isnull=not published)
    return qs


@router.get("/cases/{pk}", response=CaseOut, summary="许可案件")
def case_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_cases(request.auth), pk=pk)


def _run_step(
    request: HttpRequest, pk: int, payload: StepIn, service: Callable[..., LicensingCase]
) -> LicensingCase:
    """A workflow step through the same service as the case page, on a case the caller may change."""
    case = _case_to_change(request, pk)
    fields = payload.dict(exclude={"version"})
    return service(case, actor=request.auth, expected_version=payload.version, via=VIA_API, **fields)


@router.post("/cases/{pk}/accept", response=CaseOut, summary="受理")
def case_accept(request: HttpRequest, pk: int, payload: AcceptIn):
    return _run_step(request, pk, payload, services.licensing_case_accept)


@router.post("/cases/{pk}/extend", response=CaseOut, summary="延长办理期限")
def case_extend(request: HttpRequest, pk: int, payload: ExtendIn):
    return _run_step(request, pk, payload, services.licensing_case_extend)


@router.post("/cases/{pk}/decide", response=CaseOut, summary="作出决定")
def case_decide(request: HttpRequest, pk: int, payload: DecideIn):
    return _run_step(request, pk, payload, services.licensing_case_decide)


@router.post("/cases/{pk}/certificate", response=CaseOut, summary="颁发证书")
def case_certificate(request: HttpRequest, pk: int, payload: CertificateIn):
    return _run_step(request, pk, payload, services.licensing_case_issue_certificate)


@router.post("/cases/{pk}/publish", response=CaseOut, summary="双公示")
def case_publish(request: HttpRequest, pk: int, payload: PublishIn):
    return _run_step(request, pk, payload, services.licensing_case_publish)
