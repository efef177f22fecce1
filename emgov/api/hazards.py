"""Hazards and their loop, orders and their documents (责令限期整改指令书, 查封扣押决定书 …), in the user's scope."""

import datetime
from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from emgov.core.documents import document_response
from emgov.core.services import VIA_API
from emgov.enforcement import hazards, orders
from emgov.enforcement import hazards_escalation as escalation
from emgov.enforcement import hazards_queries as queries
from emgov.enforcement.documents import order_document
from emgov.enforcement.models import Hazard, HazardGrade, HazardStatus, Order, OrderType, Visit
from emgov.enforcement.views import FIELD_STAFF

router = Router(tags=["隐患与执法文书"])


class HazardOut(Schema):
    id: int
    version: int
    number: str
    visit_number: str
    enterprise: str
    description: str
    grade: HazardGrade
    basis: str
    deadline: datetime.date | None
    rectified_on: datetime.date | None
    reviewed_on: datetime.date | None
    review_result: str
    status: HazardStatus
    supervised_on: datetime.date | None
    supervising_body: str
    overdue: bool
    next_steps: list[str]

    @staticmethod
    def resolve_visit_number(obj: Hazard) -> str:
        return obj.visit.number

    @staticmethod
    def resolve_enterprise(obj: Hazard) -> str:
        return obj.visit.enterprise.name

    @staticmethod
    def resolve_overdue(obj: Hazard) -> bool:
        return queries.is_overdue(obj)

    @staticmethod
    def resolve_next_steps(obj: Hazard) -> list[str]:
        return [step.name for step in hazards.allowed_steps(obj)]


class OrderOut(Schema):
    id: int
    version: int
    number: str
    doc_type: OrderType
    visit_number: str
    enterprise: str
    issued_on: datetime.date
    due_date: datetime.date | None
    hazard_numbers: list[str]
    content: str
    basis: str
    extension_days: int | None
    extension_reason: str
    resumed_on: datetime.date | None

    @staticmethod
    def resolve_visit_number(obj: Order) -> str:
        return obj.visit.number

    @staticmethod
    def resolve_enterprise(obj: Order) -> str:
        return obj.visit.enterprise.name

    @staticmethod
    def resolve_hazard_numbers(obj: Order) -> list[str]:
        return [h.number for h in obj.hazards.all()]


class RegisterIn(Schema):
    visit_id: int
    description: str
    grade: HazardGrade
    basis: str = ""
    deadline: datetime.date | None = None


class StepIn(Schema):
    """The fields a step needs: 下达整改/重新限期整改 `deadline`; 申请复查 `rectified_on`; 复查 `reviewed_on` and
    `passed`; 挂牌督办 `supervised_on` and `supervising_body`."""

    version: int | None = None
    deadline: datetime.date | None = None
    rectified_on: datetime.date | None = None
    reviewed_on: datetime.date | None = None
    passed: bool | None = None
    supervised_on: datetime.date | None = None
    supervising_body: str = ""


class IssueIn(Schema):
    visit_id: int
    doc_type: OrderType
    issued_on: datetime.date
    hazard_ids: list[int] = []
    due_date: datetime.date | None = None
    content: str = ""
    basis: str = ""


class ExtendIn(Schema):
    version: int | None = None
    days: int
    reason: str
    decided_on: datetime.date


class ResumeIn(Schema):
    version: int | None = None
    resumed_on: datetime.date


def _require_staff(request: HttpRequest) -> None:
    user = request.auth
    if not (user.sees_everything or user.role in FIELD_STAFF):
        raise Http404


def _hazards(request: HttpRequest):
    return Hazard.objects.visible_to(request.auth).select_related("visit__enterprise")


def _orders(request: HttpRequest):
    return (
        Order.objects.visible_to(request.auth)
        .select_related("visit__enterprise", "visit__department")
        .prefetch_related("hazards")
    )


@router.get("/", response=list[HazardOut], summary="隐患列表")
@paginate(LimitOffsetPagination)
def hazard_list(
    request: HttpRequest,
    status: HazardStatus | None = None,
    grade: HazardGrade | None = None,
    overdue: bool | None = None,
    supervised: bool | None = None,
):
    qs = _hazards(request).live()
    if status:
        qs = qs.filter(status=status)
    if grade:
        qs = qs.filter(grade=grade)
    if overdue is not None:
        qs = qs.filter(queries.overdue_q()) if overdue else qs.exclude(queries.overdue_q())
    if supervised:
        qs = queries.supervised(qs)
    return qs.order_by("-visit__date", "-number")


@router.get("/{int:hazard_id}", response=HazardOut, summary="隐患")
def hazard_detail(request: HttpRequest, hazard_id: int):
    return get_object_or_404(_hazards(request), pk=hazard_id)


@router.post("/", response={201: HazardOut}, summary="登记隐患")
def hazard_create(request: HttpRequest, payload: RegisterIn):
    _require_staff(request)
    visit = get_object_or_404(Visit.objects.visible_to(request.auth).live(), pk=payload.visit_id)
    data = payload.dict()
    data.pop("visit_id")
    return Status(201, hazards.hazard_register(actor=request.auth, visit=visit, via=VIA_API, **data))


Step = Literal["order", "start", "request-review", "review", "reorder", "supervise"]


@router.post("/{int:hazard_id}/steps/{step}", response=HazardOut, summary="隐患闭环步骤")
def hazard_step(request: HttpRequest, hazard_id: int, step: Step, payload: StepIn):
    """One step of the loop; only the hazard's `next_steps` (and 挂牌督办 of a major hazard) are accepted."""
    _require_staff(request)
    hazard = get_object_or_404(_hazards(request).live(), pk=hazard_id)
    common = {"actor": request.auth, "via": VIA_API, "expected_version": payload.version}
    if step == "order":
        return hazards.hazard_order(hazard, deadline=payload.deadline, **common)
    if step == "start":
        return hazards.hazard_start(hazard, **common)
    if step == "request-review":
        return hazards.hazard_request_review(hazard, rectified_on=payload.rectified_on, **common)
    if step == "review":
        return hazards.hazard_review(
            hazard, reviewed_on=payload.reviewed_on, passed=bool(payload.passed), **common
        )
    if step == "reorder":
        return hazards.hazard_reorder(hazard, deadline=payload.deadline, **common)
    return hazards.hazard_supervise(
        hazard, supervised_on=payload.supervised_on, supervising_body=payload.supervising_body, **common
    )


@router.post("/{int:hazard_id}/suspend", response={201: OrderOut}, summary="逾期隐患责令停产停业整顿")
def hazard_suspend(request: HttpRequest, hazard_id: int, issued_on: datetime.date | None = None):
    _require_staff(request)
    hazard = get_object_or_404(_hazards(request).live(), pk=hazard_id)
    return Status(
        201, escalation.hazard_suspend(hazard, actor=request.auth, issued_on=issued_on, via=VIA_API)
    )


@router.get("/orders", response=list[OrderOut], summary="执法文书列表")
@paginate(LimitOffsetPagination)
def order_list(request: HttpRequest, doc_type: OrderType | None = None, year: int | None = None):
    qs = _orders(request).live()
    if doc_type:
        qs = qs.filter(doc_type=doc_type)
    if year:
        qs = qs.filter(issued_on__year=year)
    return qs.order_by("-issued_on", "-number")


@router.get("/orders/{int:order_id}", response=OrderOut, summary="执法文书")
def order_detail(request: HttpRequest, order_id: int):
    return get_object_or_404(_orders(request), pk=order_id)


@router.post("/orders", response={201: OrderOut}, summary="签发执法文书")
def order_issue(request: HttpRequest, payload: IssueIn):
    _require_staff(request)
    visit = get_object_or_404(Visit.objects.visible_to(request.auth).live(), pk=payload.visit_id)
    data = payload.dict()
    ids = data.pop("hazard_ids")
    data.pop("visit_id")
    found = list(Hazard.objects.visible_to(request.auth).filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise Http404
    order = orders.order_issue(actor=request.auth, visit=visit, hazards=found, via=VIA_API, **data)
    return Status(201, order)


@router.post("/orders/{int:order_id}/extend", response=OrderOut, summary="延长查封扣押期限")
def order_extend(request: HttpRequest, order_id: int, payload: ExtendIn):
    _require_staff(request)
    order = get_object_or_404(_orders(request).live(), pk=order_id)
    return orders.order_extend(
        order,
        actor=request.auth,
        days=payload.days,
        reason=payload.reason,
        decided_on=payload.decided_on,
        expected_version=payload.version,
        via=VIA_API,
    )


@router.post("/orders/{int:order_id}/resume", response=OrderOut, summary="恢复生产经营")
def order_resume(request: HttpRequest, order_id: int, payload: ResumeIn):
    _require_staff(request)
    order = get_object_or_404(_orders(request).live(), pk=order_id)
    return orders.order_resume(
        order,
        actor=request.auth,
        resumed_on=payload.resumed_on,
        expected_version=payload.version,
        via=VIA_API,
    )


@router.get(
    "/orders/{int:order_id}/document.{fmt}",
    response={200: None},
    summary="下载执法文书（docx 或 pdf）",
    openapi_extra={
        "responses": {
            200: {
                "description": "文书文件",
                "content": {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
                    "application/pdf": {},
                },
            }
        }
    },
)
def order_document_download(request: HttpRequest, order_id: int, fmt: Literal["docx", "pdf"]) -> HttpResponse:
    order = get_object_or_404(_orders(request), pk=order_id)
    return document_response(order_document(order), f"{order.get_doc_type_display()}_{order.number}", fmt)
