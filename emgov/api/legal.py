"""The legal office's records: counsel, litigation, normative documents, study sessions, exam results;
the steps of counsel requests, litigation, normative documents and certificates
(`legal.procedures`), read and taken as on the pages."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate

from emgov.api.params import Pagination, year_query
from emgov.api.steps import steps_routes
from emgov.core.models import Officer, User
from emgov.core.services import VIA_API
from emgov.legal.models import CounselRecord, ExamResult, LitigationCase, NormativeDocument, StudySession
from emgov.legal.procedures import CERTIFICATE, COUNSEL, LITIGATION, NORMATIVE_DOCUMENT

router = Router(tags=["法制工作"])


class LegalAttachmentOut(Schema):
    id: int
    original_name: str
    size: int
    mime_type: str


class CounselOut(Schema):
    id: int
    number: str
    kind: str
    matter: str
    date: datetime.date
    subject: str
    requester: str
    requested_on: datetime.date | None
    due_on: datetime.date | None
    adviser: str
    opinion: str
    answered_on: datetime.date | None
    region_code: str | None
    attachments: list[LegalAttachmentOut]

    @staticmethod
    def resolve_region_code(obj: CounselRecord) -> str | None:
        return obj.region.code if obj.region_id else None

    @staticmethod
    def resolve_attachments(obj: CounselRecord):
        return list(obj.attachments.all())


class LitigationOut(Schema):
    id: int
    number: str
    kind: str
    body: str
    received_on: datetime.date
    served_on: datetime.date | None
    defence_due_on: datetime.date | None
    defence_filed_on: datetime.date | None
    cause: str
    counterparty: str
    hearing_dates: list[datetime.date]
    head_required: bool
    head_appeared: bool
    staff_appeared: bool
    appeared_name: str
    appeared_position: str
    result: str
    result_on: datetime.date | None


class NormativeDocumentOut(Schema):
    id: int
    number: str
    title: str
    effective_on: datetime.date
    valid_until: datetime.date | None
    evaluation_due: datetime.date | None
    status: str
    cleanup_result: str
    cleanup_on: datetime.date | None


class StudySessionOut(Schema):
    id: int
    number: str
    kind: str
    date: datetime.date
    topic: str
    speaker: str
    duration_hours: Decimal | None
    attendance: int | None


class ExamResultOut(Schema):
    id: int
    year: int
    certificate_number: str
    officer_name: str
    score: Decimal | None
    passed: bool

    @staticmethod
    def resolve_certificate_number(obj: ExamResult) -> str:
        return obj.officer.certificate_number

    @staticmethod
    def resolve_officer_name(obj: ExamResult) -> str:
        return obj.officer.name


class OfficerOut(Schema):
    id: int
    certificate_number: str
    name: str
    department: str
    title: str
    valid_until: datetime.date | None
    status: str

    @staticmethod
    def resolve_department(obj: Officer) -> str:
        return obj.department.short_name


def counsel_records(user: User):
    return (
        CounselRecord.objects.visible_to(user).live().select_related("region").prefetch_related("attachments")
    )


def litigation_cases(user: User):
    return LitigationCase.objects.visible_to(user).live()


def normative_documents(user: User):
    return NormativeDocument.objects.visible_to(user).live()


def officers(user: User):
    return Officer.objects.visible_to(user).select_related("department")


def _counsel(request: HttpRequest):
    return counsel_records(request.auth)


def _litigation(request: HttpRequest):
    return litigation_cases(request.auth)


def _normative(request: HttpRequest):
    return normative_documents(request.auth)


def _study(request: HttpRequest):
    return StudySession.objects.visible_to(request.auth).live()


def _exams(request: HttpRequest):
    return ExamResult.objects.visible_to(request.auth).live().select_related("officer")


@router.get("/counsel", response=list[CounselOut], summary="法律顾问列表")
@paginate(Pagination)
def counsel_list(request: HttpRequest, year: int | None = year_query(), open: bool | None = None):
    qs = _counsel(request).order_by("-date", "-number")
    if year:
        qs = qs.filter(date__year=year)
    if open is not None:
        qs = qs.filter(answered_on__isnull=open)
    return qs


@router.get("/counsel/{pk}", response=CounselOut, summary="法律顾问")
def counsel_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_counsel(request), pk=pk)


@router.get("/litigation", response=list[LitigationOut], summary="行政诉讼与复议列表")
@paginate(Pagination)
def litigation_list(request: HttpRequest, year: int | None = year_query(), kind: str | None = None):
    qs = _litigation(request).order_by("-received_on", "-number")
    if year:
        qs = qs.filter(received_on__year=year)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


@router.get("/litigation/{pk}", response=LitigationOut, summary="行政诉讼与复议")
def litigation_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_litigation(request), pk=pk)


@router.get("/normative-documents", response=list[NormativeDocumentOut], summary="规范性文件列表")
@paginate(Pagination)
def normative_list(request: HttpRequest, status: str | None = None):
    qs = _normative(request).order_by("-effective_on", "-pk")
    return qs.filter(status=status) if status else qs


@router.get("/normative-documents/{pk}", response=NormativeDocumentOut, summary="规范性文件")
def normative_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_normative(request), pk=pk)


@router.get("/study-sessions", response=list[StudySessionOut], summary="学法活动列表")
@paginate(Pagination)
def study_list(request: HttpRequest, year: int | None = year_query(), kind: str | None = None):
    qs = _study(request).order_by("-date", "-pk")
    if year:
        qs = qs.filter(date__year=year)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


@router.get("/study-sessions/{pk}", response=StudySessionOut, summary="学法活动")
def study_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_study(request), pk=pk)


@router.get("/exams", response=list[ExamResultOut], summary="执法证考试成绩列表")
@paginate(Pagination)
def exam_list(request: HttpRequest, year: int | None = year_query()):
    qs = _exams(request).order_by("-year", "officer__certificate_number")
    return qs.filter(year=year) if year else qs


@router.get("/exams/{pk}", response=ExamResultOut, summary="执法证考试成绩")
def exam_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_exams(request), pk=pk)


# Steps (legal.procedures) ---------------------------------------------------------------------------

steps_routes(router, "/counsel", COUNSEL, counsel_records, CounselOut)
steps_routes(router, "/litigation", LITIGATION, litigation_cases, LitigationOut)
steps_routes(router, "/normative-documents", NORMATIVE_DOCUMENT, normative_documents, NormativeDocumentOut)
steps_routes(router, "/officers", CERTIFICATE, officers, OfficerOut)


@router.post(
    "/counsel/{pk}/attachments",
    response={201: LegalAttachmentOut},
    summary="上传附件（multipart：file，可带 version）",
)
def counsel_attach(request: HttpRequest, pk: int, file: File[UploadedFile], version: Form[int | None] = None):
    """The step “上传附件” of a counsel record with the file as multipart form data (the JSON body of
    `…/steps/attach` cannot carry a file)."""
    record = get_object_or_404(counsel_records(request.auth), pk=pk)
    if not COUNSEL.permits(request.auth, COUNSEL.step("attach")):
        raise HttpError(403, "您的角色不能办理“上传附件”。")
    before = set(record.attachments.values_list("pk", flat=True))
    record = COUNSEL.take(
        "attach", record, actor=request.auth, expected_version=version, via=VIA_API, file=file
    )
    return Status(201, record.attachments.exclude(pk__in=before).latest("pk"))
