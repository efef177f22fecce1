"""The legal office's records: counsel, litigation, normative documents, study sessions, exam results."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from emgov.legal.models import CounselRecord, ExamResult, LitigationCase, NormativeDocument, StudySession

router = Router(tags=["法制工作"])


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

    @staticmethod
    def resolve_region_code(obj: CounselRecord) -> str | None:
        return obj.region.code if obj.region_id else None


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


def _counsel(request: HttpRequest):
    return CounselRecord.objects.visible_to(request.auth).live().select_related("region")


def _litigation(request: HttpRequest):
    return LitigationCase.objects.visible_to(request.auth).live()


def _normative(request: HttpRequest):
    return NormativeDocument.objects.visible_to(request.auth).live()


def _study(request: HttpRequest):
    return StudySession.objects.visible_to(request.auth).live()


def _exams(request: HttpRequest):
    return ExamResult.objects.visible_to(request.auth).live().select_related("officer")


@router.get("/counsel", response=list[CounselOut], summary="法律顾问列表")
@paginate(LimitOffsetPagination)
def counsel_list(request: HttpRequest, year: int | None = None, open: bool | None = None):
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
@paginate(LimitOffsetPagination)
def litigation_list(request: HttpRequest, year: int | None = None, kind: str | None = None):
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
@paginate(LimitOffsetPagination)
def normative_list(request: HttpRequest, status: str | None = None):
    qs = _normative(request).order_by("-effective_on", "-pk")
    return qs.filter(status=status) if status else qs


@router.get("/normative-documents/{pk}", response=NormativeDocumentOut, summary="规范性文件")
def normative_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_normative(request), pk=pk)


@router.get("/study-sessions", response=list[StudySessionOut], summary="学法活动列表")
@paginate(LimitOffsetPagination)
def study_list(request: HttpRequest, year: int | None = None, kind: str | None = None):
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
@paginate(LimitOffsetPagination)
def exam_list(request: HttpRequest, year: int | None = None):
    qs = _exams(request).order_by("-year", "officer__certificate_number")
    return qs.filter(year=year) if year else qs


@router.get("/exams/{pk}", response=ExamResultOut, summary="执法证考试成绩")
def exam_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_exams(request), pk=pk)
