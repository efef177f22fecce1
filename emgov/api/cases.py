"""Penalty cases: filing, the steps of `PENALTY_CASE` (`GET …/{pk}/steps` lists them, `POST …/{pk}/steps/{step}`
takes one with the step's form fields and `version`), the history of a case, its deadlines and documents."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from emgov.api.steps import steps_routes
from emgov.cases import services
from emgov.cases.documents import DOCUMENTS_BY_KEY, documents_of, filename_stem
from emgov.cases.models import PenaltyCase
from emgov.cases.procedures import PENALTY_CASE
from emgov.cases.queries import case_deadlines
from emgov.core.documents import document_response
from emgov.core.models import User
from emgov.core.permissions import CASE_STAFF
from emgov.core.services import VIA_API
from emgov.enforcement.models import Hazard, Visit

router = Router(tags=["行政处罚"])


class CaseOut(Schema):
    id: int
    version: int
    case_number: str
    decision_number: str | None
    stage: str
    procedure: str
    party_name: str
    party_type: str
    party_credit_code: str
    violation: str
    legal_basis: str
    penalty_kinds: list[str]
    fine_amount: Decimal | None
    filed_on: datetime.date
    decision_due_on: datetime.date | None
    notified_on: datetime.date | None
    statement_due_on: datetime.date | None
    hearing_requested_on: datetime.date | None
    hearing_on: datetime.date | None
    reviewed_on: datetime.date | None
    decided_on: datetime.date | None
    discretion_grade_id: int | None
    discretion_reason: str
    served_on: datetime.date | None
    payment_due_on: datetime.date | None
    paid_on: datetime.date | None
    late_fee: Decimal | None
    closed_on: datetime.date | None
    archived_on: datetime.date | None
    published_on: datetime.date | None
    allowed_steps: list[str]

    @staticmethod
    def resolve_allowed_steps(obj: PenaltyCase, context: dict[str, Any]) -> list[str]:
        """The steps the caller may take now (`GET …/{pk}/steps` says why the others are refused)."""
        user = context["request"].auth if context and context.get("request") else None
        return [step.name for step in PENALTY_CASE.available(obj, user)]


class HistoryOut(Schema):
    action: str
    label: str
    stage: str
    done_on: datetime.date
    actor: str | None
    note: str
    document_number: str

    @staticmethod
    def resolve_actor(obj) -> str | None:
        return str(obj.actor) if obj.actor_id else None


class DeadlineOut(Schema):
    key: str
    label: str
    due_on: datetime.date
    basis: str
    done_on: datetime.date | None
    overdue: bool
    late: bool
    lapsed: bool


class DocumentOut(Schema):
    key: str
    label: str
    docx_url: str
    pdf_url: str


class OpenIn(Schema):
    filed_on: datetime.date
    visit_number: str | None = None
    hazard_number: str | None = None
    party_name: str | None = None
    party_type: str | None = None
    party_credit_code: str | None = None
    party_address: str | None = None
    violation: str | None = None
    legal_basis: str | None = None


def _cases(user: User):
    return PenaltyCase.objects.visible_to(user).select_related("department")


def _case(request: HttpRequest, pk: int) -> PenaltyCase:
    return get_object_or_404(_cases(request.auth), pk=pk)


def _require_edit(user: User) -> None:
    if not (user.sees_everything or user.role in CASE_STAFF):
        raise Http404


@router.get("/", response=list[CaseOut], summary="行政处罚案件列表")
@paginate(LimitOffsetPagination)
def case_list(request: HttpRequest, stage: str | None = None, year: int | None = None):
    qs = _cases(request.auth).filter(voided_at__isnull=True).order_by("-filed_on", "-pk")
    if stage:
        qs = qs.filter(stage=stage)
    if year:
        qs = qs.filter(filed_on__year=year)
    return qs


@router.get("/{pk}", response=CaseOut, summary="行政处罚案件")
def case_detail(request: HttpRequest, pk: int):
    return _case(request, pk)


@router.post("/", response={201: CaseOut}, summary="立案（普通程序）")
def case_open(request: HttpRequest, payload: OpenIn):
    _require_edit(request.auth)
    data = {k: v for k, v in payload.dict().items() if v not in (None, "")}
    visit_number, hazard_number = data.pop("visit_number", None), data.pop("hazard_number", None)
    if visit_number:
        data["visit"] = get_object_or_404(Visit.objects.visible_to(request.auth), number=visit_number)
    if hazard_number:
        data["hazard"] = get_object_or_404(Hazard.objects.visible_to(request.auth), number=hazard_number)
    return Status(201, services.case_open(actor=request.auth, via=VIA_API, **data))


@router.get(
    "/{pk}/history",
    response=list[HistoryOut],
    summary="办理记录（谁、何时、办理了什么；原 GET …/{pk}/steps，该路径现为可办理的环节）",
)
def case_history(request: HttpRequest, pk: int):
    return _case(request, pk).steps.filter(voided_at__isnull=True).select_related("actor")


# GET /{pk}/steps: the steps the caller may take now and those refused, with the reason;
# POST /{pk}/steps/{step}: take one, the body being the step's form fields and `version`.
# This path existed before with the version optional: integrators still post without it.
steps_routes(router, "", PENALTY_CASE, _cases, CaseOut, version_required=False)


@router.get("/{pk}/deadlines", response=list[DeadlineOut], summary="办案期限")
def case_deadline_list(request: HttpRequest, pk: int):
    return case_deadlines(_case(request, pk))


@router.get("/{pk}/documents", response=list[DocumentOut], summary="执法文书")
def case_documents(request: HttpRequest, pk: int):
    case = _case(request, pk)
    url = lambda d, fmt: reverse("cases:penalties-document", args=[case.pk, d.key, fmt])  # noqa: E731
    return [
        {"key": d.key, "label": str(d.label), "docx_url": url(d, "docx"), "pdf_url": url(d, "pdf")}
        for d in documents_of(case)
    ]


@router.get("/{pk}/documents/{key}.{fmt}", summary="下载执法文书（docx 或 pdf）")
def case_document(request: HttpRequest, pk: int, key: str, fmt: str):
    case = _case(request, pk)
    document = DOCUMENTS_BY_KEY.get(key)
    if document is None or not document.available(case):
        raise Http404
    return document_response(document.build(case), filename_stem(case, document), fmt)
