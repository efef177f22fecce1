"""Penalty cases: filing, the steps of `PENALTY_CASE` (`GET …/{pk}/steps` lists them, `POST …/{pk}/steps/{step}`
takes one with the step's form fields and `version`), the history of a case, its deadlines and documents."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate

from emgov.api.params import Pagination, year_query
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


class PenaltyCaseOut(Schema):
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
    confiscation_amount: Decimal | None
    filed_on: datetime.date
    decision_due_on: datetime.date | None
    notified_on: datetime.date | None
    notice_served_on: datetime.date | None
    statement_due_on: datetime.date | None
    statement_on: datetime.date | None
    hearing_requested_on: datetime.date | None
    hearing_on: datetime.date | None
    reviewed_on: datetime.date | None
    decided_on: datetime.date | None
    decision_approver: str | None
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
    def resolve_decision_approver(obj: PenaltyCase) -> str | None:
        """The bureau head who approved the decision (行政处罚法第五十七条)."""
        return str(obj.decision_approver) if obj.decision_approver_id else None

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
    starts_on: datetime.date | None = None
    due_on: datetime.date
    basis: str
    done_on: datetime.date | None
    overdue: bool
    late: bool
    lapsed: bool


class FileOut(Schema):
    id: int
    original_name: str
    size: int
    mime_type: str
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return reverse("core:attachment", kwargs={"pk": obj.pk})


class EvidenceOut(Schema):
    id: int
    evidence_type: str
    title: str
    collected_on: datetime.date
    collected_by: str
    is_inquiry: bool
    interviewee: str
    description: str
    files: list[FileOut]

    @staticmethod
    def resolve_files(obj) -> list:
        return list(obj.attachments.all())


class ChallengeOut(Schema):
    id: int
    kind: str
    number: str
    body: str
    filed_on: datetime.date
    ended_on: datetime.date | None
    result: str


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
    # The region's rule versions (hearing amounts …) are read from the case's enterprise town.
    return PenaltyCase.objects.visible_to(user).select_related(
        "department", "decision_approver", "enterprise__town", "visit__enterprise__town", "region"
    )


def _case(request: HttpRequest, pk: int) -> PenaltyCase:
    return get_object_or_404(_cases(request.auth), pk=pk)


def _require_edit(user: User) -> None:
    if not (user.sees_everything or user.role in CASE_STAFF):
        raise Http404


@router.get("/", response=list[PenaltyCaseOut], summary="行政处罚案件列表")
@paginate(Pagination)
def case_list(request: HttpRequest, stage: str | None = None, year: int | None = year_query()):
    qs = _cases(request.auth).filter(voided_at__isnull=True).order_by("-filed_on", "-pk")
    if stage:
        qs = qs.filter(stage=stage)
    if year:
        qs = qs.filter(filed_on__year=year)
    return qs


@router.get("/{pk}", response=PenaltyCaseOut, summary="行政处罚案件")
def case_detail(request: HttpRequest, pk: int):
    return _case(request, pk)


@router.post("/", response={201: PenaltyCaseOut}, summary="立案（普通程序）")
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
steps_routes(router, "", PENALTY_CASE, _cases, PenaltyCaseOut, version_required=False)


@router.get("/{pk}/evidence", response=list[EvidenceOut], summary="证据清单（含证据文件）")
def case_evidence(request: HttpRequest, pk: int):
    return _case(request, pk).evidence.filter(voided_at__isnull=True).prefetch_related("attachments")


@router.post(
    "/{pk}/evidence/{evidence_id}/files",
    response=PenaltyCaseOut,
    summary="上传证据文件（扫描件、照片、录音录像；multipart，含 version）：办理“上传证据文件”环节",
)
def case_evidence_file(
    request: HttpRequest, pk: int, evidence_id: int, file: File[UploadedFile], version: Form[int]
):
    case = _case(request, pk)
    step = PENALTY_CASE.step("evidence_attach")
    if not PENALTY_CASE.permits(request.auth, step):
        raise HttpError(403, f"您的角色不能办理“{step.label}”。")
    form = PENALTY_CASE.form(step, case, {"evidence": evidence_id}, files={"file": file})
    if not form.is_valid():
        raise HttpError(422, "；".join(f"{k}：{'、'.join(v)}" for k, v in form.errors.items()))
    return PENALTY_CASE.take(
        "evidence_attach",
        case,
        actor=request.auth,
        expected_version=version,
        via=VIA_API,
        **form.cleaned_data,
    )


@router.get("/{pk}/challenges", response=list[ChallengeOut], summary="对处罚决定的行政复议、行政诉讼")
def case_challenges(request: HttpRequest, pk: int):
    return _case(request, pk).challenges.filter(voided_at__isnull=True)


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
