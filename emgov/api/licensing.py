"""Licensing: the item catalogue, cases with their deadlines, and the workflow steps of a case."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from emgov.api.params import Pagination, year_query
from emgov.api.steps import steps_routes
from emgov.core.models import Role, User
from emgov.licensing import services
from emgov.licensing.models import LicensingCase, LicensingItem
from emgov.licensing.procedures import LICENSING_CASE

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


class ExcludedPeriodOut(Schema):
    kind: str
    started_on: datetime.date
    ended_on: datetime.date
    notified_on: datetime.date
    note: str


class LicensingCaseOut(Schema):
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
    supplement_due_on: datetime.date | None
    supplement_requested_on: datetime.date | None
    supplement_items: str
    supplement_completed_on: datetime.date | None
    accepted_on: datetime.date | None
    deemed_accepted: bool
    clock_start_on: datetime.date | None
    decision_due_on: datetime.date | None
    excluded_periods: list[ExcludedPeriodOut]
    extension_days: int
    extension_reason: str
    extension_approver_id: int | None
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
    def resolve_supplement_due_on(obj: LicensingCase) -> datetime.date | None:
        return services.supplement_due(obj)

    @staticmethod
    def resolve_deemed_accepted(obj: LicensingCase) -> bool:
        return services.deemed_accepted(obj)

    @staticmethod
    def resolve_clock_start_on(obj: LicensingCase) -> datetime.date | None:
        return services.clock_start(obj)

    @staticmethod
    def resolve_excluded_periods(obj: LicensingCase) -> list:
        return services.excluded_periods(obj)

    @staticmethod
    def resolve_certificate_due_on(obj: LicensingCase) -> datetime.date | None:
        return services.certificate_due(obj)

    @staticmethod
    def resolve_certificate_warning(obj: LicensingCase) -> str | None:
        return services.certificate_warning(obj)

    @staticmethod
    def resolve_voided(obj: LicensingCase) -> bool:
        return obj.voided_at is not None


def _cases(user: User):
    return (
        LicensingCase.objects.visible_to(user)
        .select_related("item", "enterprise__town", "region")
        .prefetch_related("excluded_periods")
    )


@router.get("/items", response=list[ItemOut], summary="许可事项清单")
@paginate(Pagination)
def item_list(request: HttpRequest, category: str | None = None):
    qs = LicensingItem.objects.visible_to(request.auth).filter(voided_at__isnull=True)
    return qs.filter(category=category) if category else qs


@router.get("/items/{pk}", response=ItemOut, summary="许可事项")
def item_detail(request: HttpRequest, pk: int):
    return get_object_or_404(LicensingItem.objects.visible_to(request.auth), pk=pk)


@router.get("/cases", response=list[LicensingCaseOut], summary="许可案件列表")
@paginate(Pagination)
def case_list(request: HttpRequest, year: int | None = year_query(), published: bool | None = None):
    qs = _cases(request.auth).filter(voided_at__isnull=True).order_by("-accepted_on", "-number")
    if year:
        qs = qs.filter(accepted_on__year=year)
    if published is not None:
        qs = qs.filter(published_on__isnull=not published)
    return qs


@router.get("/cases/{pk}", response=LicensingCaseOut, summary="许可案件")
def case_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_cases(request.auth), pk=pk)


steps_routes(router, "/cases", LICENSING_CASE, _cases, LicensingCaseOut, legacy=True)
