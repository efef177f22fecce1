"""On-site inspections: find an enterprise, record a visit with its checklist, read visits back."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from emgov.api.params import Pagination, year_query
from emgov.core import attachments
from emgov.core.models import Department, Officer, User
from emgov.core.permissions import FIELD_STAFF
from emgov.core.services import VIA_API
from emgov.enforcement.models import (
    ChecklistAnswer,
    ChecklistItem,
    Hazard,
    Operation,
    Visit,
    VisitNature,
)
from emgov.enforcement.queries import enterprise_search
from emgov.enforcement.services.visits import ChecklistEntry, visit_record
from emgov.enterprises.models import Enterprise

router = Router(tags=["现场检查"])


class EnterpriseOut(Schema):
    id: int
    name: str
    credit_code: str
    name_initials: str
    town: str

    @staticmethod
    def resolve_town(obj: Enterprise) -> str:
        return obj.town.name


class ChecklistItemOut(Schema):
    id: int
    article: str
    part: str
    industry: str
    text: str
    major: bool


class AnswerOut(Schema):
    item_id: int
    article: str
    answer: str
    note: str

    @staticmethod
    def resolve_article(obj: ChecklistAnswer) -> str:
        return obj.item.article


class VisitHazardOut(Schema):
    id: int
    number: str
    description: str
    grade: str
    basis: str
    status: str


class VisitAttachmentOut(Schema):
    id: int
    original_name: str
    size: int
    mime_type: str


class VisitOut(Schema):
    id: int
    number: str
    date: datetime.date
    enterprise_id: int
    enterprise_name: str
    department: str
    nature: str
    operation_id: int | None
    officers: list[str]
    av_recorded: bool

    @staticmethod
    def resolve_enterprise_name(obj: Visit) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_department(obj: Visit) -> str:
        return obj.department.short_name

    @staticmethod
    def resolve_officers(obj: Visit) -> list[str]:
        return [str(o) for o in obj.officers.all()]


class VisitDetailOut(VisitOut):
    findings: str
    result: str
    checklist: list[AnswerOut]
    hazards: list[VisitHazardOut]
    attachments: list[VisitAttachmentOut]

    @staticmethod
    def resolve_checklist(obj: Visit) -> list[ChecklistAnswer]:
        return list(obj.checklist_answers.all())

    @staticmethod
    def resolve_hazards(obj: Visit) -> list[Hazard]:
        return list(obj.hazards.all())

    @staticmethod
    def resolve_attachments(obj: Visit):
        return list(obj.attachments.all())


class AnswerIn(Schema):
    item_id: int
    answer: str
    note: str = ""


class VisitIn(Schema):
    enterprise_id: int
    date: datetime.date
    nature: VisitNature = VisitNature.ENFORCEMENT
    department_id: int | None = None
    operation_id: int | None = None
    officer_ids: list[int]
    findings: str = ""
    result: str = ""
    av_recorded: bool = False
    checklist: list[AnswerIn] = []


def _field_staff(request: HttpRequest) -> User:
    user = request.auth
    if not (user.sees_everything or user.role in FIELD_STAFF):
        raise Http404
    return user


def _visits(user: User):
    return (
        Visit.objects.visible_to(user)
        .live()
        .select_related("enterprise", "department")
        .prefetch_related("officers")
    )


def _detail(user: User):
    return _visits(user).prefetch_related(
        Prefetch(
            "checklist_answers",
            ChecklistAnswer.objects.filter(voided_at__isnull=True)
            .select_related("item")
            .order_by("item__position", "item__article"),
        ),
        Prefetch("hazards", Hazard.objects.filter(voided_at__isnull=True).order_by("number")),
        "attachments",
    )


@router.get(
    "/enterprises", response=list[EnterpriseOut], summary="查找企业（名称、统一社会信用代码、拼音首字母）"
)
def enterprise_lookup(request: HttpRequest, q: str):
    return enterprise_search(request.auth, q)


@router.get("/checklist-items", response=list[ChecklistItemOut], summary="检查项目录（启用的）")
def checklist_items(request: HttpRequest):
    return ChecklistItem.objects.filter(active=True).order_by("position", "article")


@router.get("/visits", response=list[VisitOut], summary="检查记录列表")
@paginate(Pagination)
def visit_list(request: HttpRequest, nature: VisitNature | None = None, year: int | None = year_query()):
    qs = _visits(request.auth).order_by("-date", "-number")
    if nature:
        qs = qs.filter(nature=nature)
    if year:
        qs = qs.filter(date__year=year)
    return qs


@router.get("/visits/{pk}", response=VisitDetailOut, summary="检查记录（含检查项结论、隐患、附件）")
def visit_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_detail(request.auth), pk=pk)


def _officers(ids: list[int]) -> list[Officer]:
    found = {o.pk: o for o in Officer.objects.filter(pk__in=ids)}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise ValidationError(
            {"officer_ids": _("找不到执法人员：%(ids)s") % {"ids": "、".join(missing)}},
            code="officer_not_found",
        )
    return [found[i] for i in dict.fromkeys(ids)]


def _checklist(answers: list[AnswerIn]) -> list[ChecklistEntry]:
    items = ChecklistItem.objects.in_bulk([a.item_id for a in answers])
    entries = []
    for a in answers:
        item = items.get(a.item_id)
        if item is None or not item.active:
            raise ValidationError(
                {"checklist": _("找不到启用的检查项：%(id)s") % {"id": a.item_id}},
                code="checklist_item_not_found",
            )
        entries.append(ChecklistEntry(item, a.answer, a.note))
    return entries


@router.post("/visits", response={201: VisitDetailOut}, summary="提交检查记录（检查项“不符合”的登记为隐患）")
def visit_create(request: HttpRequest, payload: VisitIn):
    user = _field_staff(request)
    enterprise = get_object_or_404(Enterprise.objects.visible_to(user).live(), pk=payload.enterprise_id)
    if payload.department_id:
        department = get_object_or_404(Department.objects.all(), pk=payload.department_id)
    else:
        department = user.department or Department.objects.filter(is_bureau=True).first()
    operation = None
    if payload.operation_id:
        operation = get_object_or_404(Operation.objects.visible_to(user).live(), pk=payload.operation_id)
    visit = visit_record(
        actor=user,
        via=VIA_API,
        enterprise=enterprise,
        department=department,
        nature=payload.nature,
        date=payload.date,
        operation=operation,
        officers=_officers(payload.officer_ids),
        findings=payload.findings,
        result=payload.result,
        av_recorded=payload.av_recorded,
        checklist=_checklist(payload.checklist),
    )
    return Status(201, _detail(user).get(pk=visit.pk))


@router.post("/visits/{pk}/attachments", response={201: VisitAttachmentOut}, summary="上传照片或附件")
def visit_attach(request: HttpRequest, pk: int, file: File[UploadedFile]):
    user = _field_staff(request)
    visit = get_object_or_404(Visit.objects.visible_to(user).live(), pk=pk)
    return Status(201, attachments.attachment_add(actor=user, target=visit, upload=file, via=VIA_API))
