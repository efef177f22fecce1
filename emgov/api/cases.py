"""Penalty cases: filing, the steps of the procedure (only the allowed ones), deadlines and documents."""

from __future__ import annotations

import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from emgov.cases import decisions, execution, services
from emgov.cases.deadlines import case_deadlines
from emgov.cases.documents import DOCUMENTS_BY_KEY, documents_of, filename_stem
from emgov.cases.models import DiscretionGrade, PenaltyCase
from emgov.cases.workflow import allowed_actions
from emgov.core.documents import document_response
from emgov.core.models import Role, User
from emgov.core.services import VIA_API
from emgov.enforcement.models import Hazard, Visit

router = Router(tags=["行政处罚"])

EDIT_ROLES = {Role.ADMIN, Role.LEGAL, Role.OFFICER}


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
    def resolve_allowed_steps(obj: PenaltyCase) -> list[str]:
        return [a.code for a in allowed_actions(obj)]


class StepOut(Schema):
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


class Step(StrEnum):
    investigate = "investigate"
    evidence = "evidence"
    notify = "notify"
    statement = "statement"
    hearing_request = "hearing_request"
    hearing_notice = "hearing_notice"
    hearing_hold = "hearing_hold"
    review = "review"
    discuss = "discuss"
    decide = "decide"
    extend = "extend"
    serve = "serve"
    pay = "pay"
    defer = "defer"
    court = "court"
    close = "close"
    archive = "archive"
    correct = "correct"


class StepIn(Schema):
    """The data of a step; each step reads only its own fields (see the step's service)."""

    on: datetime.date | None = None
    note: str | None = None
    waives_hearing: bool | None = None
    hearing_on: datetime.date | None = None
    penalty_kinds: list[str] | None = None
    fine_amount: Decimal | None = None
    legal_basis: str | None = None
    discretion_grade_id: int | None = None
    discretion_reason: str | None = None
    daily_amount: Decimal | None = None
    continuous_from: datetime.date | None = None
    continuous_until: datetime.date | None = None
    major_case: bool | None = None
    review_required: bool | None = None
    points: dict[str, bool] | None = None
    opinion: str | None = None
    approved_by: str | None = None
    approved_on: datetime.date | None = None
    new_due_on: datetime.date | None = None
    reason: str | None = None
    demanded_on: datetime.date | None = None
    evidence_type: str | None = None
    title: str | None = None
    collected_on: datetime.date | None = None
    collected_by: str | None = None
    is_inquiry: bool | None = None
    interviewee: str | None = None
    description: str | None = None


PENALTY = (
    "penalty_kinds",
    "fine_amount",
    "legal_basis",
    "discretion_grade",
    "discretion_reason",
    "daily_amount",
    "continuous_from",
    "continuous_until",
)
EVIDENCE = (
    "evidence_type",
    "title",
    "collected_on",
    "collected_by",
    "is_inquiry",
    "interviewee",
    "description",
)
SERVICES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "investigate": (services.case_investigate, ("on",)),
    "evidence": (services.evidence_add, EVIDENCE),
    "notify": (services.case_notify, ("on", "major_case", "review_required", *PENALTY)),
    "statement": (services.case_statement, ("on", "note", "waives_hearing")),
    "hearing_request": (services.hearing_request, ("on",)),
    "hearing_notice": (services.hearing_notice, ("on", "hearing_on")),
    "hearing_hold": (services.hearing_hold, ("on", "note")),
    "review": (decisions.case_review, ("on", "points", "opinion")),
    "discuss": (decisions.case_discuss, ("on", "note")),
    "decide": (decisions.case_decide, ("on", *PENALTY)),
    "extend": (services.case_extend, ("approved_by", "approved_on", "reason", "new_due_on")),
    "serve": (execution.case_serve, ("on", "note")),
    "pay": (execution.case_pay, ("on",)),
    "defer": (execution.case_defer, ("on", "approved_by", "new_due_on", "reason")),
    "court": (execution.case_court, ("on", "demanded_on")),
    "close": (execution.case_close, ("on", "note")),
    "archive": (execution.case_archive, ("on",)),
    "correct": (decisions.case_correct, ("on", "reason", *PENALTY)),
}
REQUIRED_EMPTY = {"points": {}, "opinion": "", "note": "", "reason": "", "approved_by": ""}


def _cases(user: User):
    return PenaltyCase.objects.visible_to(user).select_related("department")


def _case(request: HttpRequest, pk: int) -> PenaltyCase:
    return get_object_or_404(_cases(request.auth), pk=pk)


def _require_edit(user: User) -> None:
    if not (user.sees_everything or user.role in EDIT_ROLES):
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


@router.get("/{pk}/steps", response=list[StepOut], summary="办理记录（谁、何时、办理了什么）")
def case_steps(request: HttpRequest, pk: int):
    return _case(request, pk).steps.filter(voided_at__isnull=True).select_related("actor")


@router.post("/{pk}/steps/{action}", response=CaseOut, summary="办理环节（只能办理 allowed_steps 中的环节）")
def case_step(request: HttpRequest, pk: int, action: Step, payload: StepIn):
    _require_edit(request.auth)
    case = _case(request, pk)
    service, names = SERVICES[action.value]
    data = payload.dict()
    if "discretion_grade" in names and data.get("discretion_grade_id"):
        data["discretion_grade"] = get_object_or_404(DiscretionGrade, pk=data["discretion_grade_id"])
    kwargs = {n: data.get(n) for n in names if data.get(n) is not None}
    for name in names:
        if name in REQUIRED_EMPTY and name not in kwargs:
            kwargs[name] = REQUIRED_EMPTY[name]
    result = service(case, actor=request.auth, via=VIA_API, **kwargs)
    return case if action.value == "evidence" else result


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
