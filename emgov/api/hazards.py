"""Hazards and their loop, orders and their documents (责令限期整改指令书, 查封扣押决定书 …, and the
延长查封扣押期限决定书 and 查封扣押处理决定书 a seizure's steps make), in the user's scope.

The steps of a hazard and of an order are those of `enforcement.procedures` (`GET …/{pk}/steps`,
`POST …/{pk}/steps/{step}`); the earlier `…/suspend`, `orders/{id}/extend` and `orders/{id}/resume`
paths take the same steps. A hazard lists the steps the law asks of it now (`proposed_steps`: 挂牌督办
for a major hazard, the suspension of one that cannot be kept safe until removed)."""

import datetime
from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from emgov.api.params import Pagination, year_query
from emgov.api.renderers import DOCUMENT_FILE
from emgov.api.steps import steps_routes, take_step
from emgov.core import clock
from emgov.core.documents import document_response
from emgov.core.models import User
from emgov.core.permissions import FIELD_STAFF
from emgov.core.services import VIA_API
from emgov.enforcement import queries
from emgov.enforcement.models import Hazard, HazardGrade, HazardStatus, Order, OrderType, Visit
from emgov.enforcement.procedures import HAZARD, ORDER, next_steps, proposed_steps
from emgov.enforcement.services.documents import STEP_DOCUMENTS, order_document
from emgov.enforcement.services.hazards import hazard_register
from emgov.enforcement.services.orders import order_issue as issue

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
    unsafe_until_removed: bool
    deadline: datetime.date | None
    rectified_on: datetime.date | None
    reviewed_on: datetime.date | None
    review_result: str
    status: HazardStatus
    supervised_on: datetime.date | None
    supervising_body: str
    overdue: bool
    next_steps: list[str]
    proposed_steps: list[str]

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
        return next_steps(obj)

    @staticmethod
    def resolve_proposed_steps(obj: Hazard) -> list[str]:
        return [name for name, _article in proposed_steps(obj)]


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
    extension_decided_on: datetime.date | None
    extension_approved_by: str
    extension_number: str
    disposal: str
    disposal_ground: str
    disposal_note: str
    disposed_on: datetime.date | None
    disposal_number: str
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

    @staticmethod
    def resolve_extension_approved_by(obj: Order) -> str:
        approver = obj.extension_approved_by
        return (approver.full_name or approver.username) if approver else ""


class HazardRegisterIn(Schema):
    visit_id: int
    description: str
    grade: HazardGrade
    basis: str = ""
    unsafe_until_removed: bool = False
    deadline: datetime.date | None = None


class IssueIn(Schema):
    visit_id: int
    doc_type: OrderType
    issued_on: datetime.date
    hazard_ids: list[int] = []
    due_date: datetime.date | None = None
    content: str = ""
    basis: str = ""


class HazardExtendIn(Schema):
    version: int | None = None
    days: int
    reason: str
    # The user id of the head (局领导) who approved it (行政强制法第二十五条第一款).
    approved_by: int | None = None
    decided_on: datetime.date


class ResumeIn(Schema):
    version: int | None = None
    resumed_on: datetime.date


def _require_staff(request: HttpRequest) -> None:
    user = request.auth
    if not (user.sees_everything or user.role in FIELD_STAFF):
        raise Http404


def _hazards(request: HttpRequest):
    return hazards_of(request.auth)


def hazards_of(user: User):
    return Hazard.objects.visible_to(user).select_related("visit__enterprise")


def _orders(request: HttpRequest):
    return orders_of(request.auth)


def orders_of(user: User):
    return (
        Order.objects.visible_to(user)
        .select_related("visit__enterprise", "visit__department", "extension_approved_by")
        .prefetch_related("hazards")
    )


@router.get("/", response=list[HazardOut], summary="隐患列表")
@paginate(Pagination)
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
def hazard_create(request: HttpRequest, payload: HazardRegisterIn):
    _require_staff(request)
    visit = get_object_or_404(Visit.objects.visible_to(request.auth).live(), pk=payload.visit_id)
    data = payload.dict()
    data.pop("visit_id")
    return Status(201, hazard_register(actor=request.auth, visit=visit, via=VIA_API, **data))


# This path existed before with the version optional: integrators still post without it.
steps_routes(router, "", HAZARD, hazards_of, HazardOut, version_required=False)


@router.post(
    "/{int:hazard_id}/suspend", response={201: OrderOut}, summary="逾期隐患责令停产停业整顿（旧路径）"
)
def hazard_suspend(request: HttpRequest, hazard_id: int, issued_on: datetime.date | None = None):
    """The step `suspend` of the hazard; answers the order it issued."""
    hazard = get_object_or_404(_hazards(request), pk=hazard_id)
    hazard = take_step(request, HAZARD, hazard, "suspend", {"issued_on": issued_on or clock.today()})
    return Status(201, queries.suspension_of(hazard))


@router.get("/orders", response=list[OrderOut], summary="执法文书列表")
@paginate(Pagination)
def order_list(request: HttpRequest, doc_type: OrderType | None = None, year: int | None = year_query()):
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
    order = issue(actor=request.auth, visit=visit, hazards=found, via=VIA_API, **data)
    return Status(201, order)


steps_routes(router, "/orders", ORDER, orders_of, OrderOut)


@router.post("/orders/{int:order_id}/extend", response=OrderOut, summary="延长查封扣押期限（旧路径）")
def order_extend(request: HttpRequest, order_id: int, payload: HazardExtendIn):
    """The step `extend` of the order, with the earlier field names."""
    body = {
        "version": payload.version,
        "extension_days": payload.days,
        "extension_reason": payload.reason,
        "extension_approved_by": payload.approved_by,
        "decided_on": payload.decided_on,
    }
    return take_step(request, ORDER, get_object_or_404(_orders(request), pk=order_id), "extend", body)


@router.post("/orders/{int:order_id}/resume", response=OrderOut, summary="恢复生产经营（旧路径）")
def order_resume(request: HttpRequest, order_id: int, payload: ResumeIn):
    """The step `resume` of the order."""
    body = {"version": payload.version, "resumed_on": payload.resumed_on}
    return take_step(request, ORDER, get_object_or_404(_orders(request), pk=order_id), "resume", body)


@router.get(
    "/orders/{int:order_id}/document.{fmt}",
    response={200: None},
    summary="下载执法文书（docx 或 pdf）",
    openapi_extra=DOCUMENT_FILE,
)
def order_document_download(request: HttpRequest, order_id: int, fmt: Literal["docx", "pdf"]) -> HttpResponse:
    order = get_object_or_404(_orders(request), pk=order_id)
    return document_response(order_document(order), f"{order.get_doc_type_display()}_{order.number}", fmt)


@router.get(
    "/orders/{int:order_id}/documents/{kind}.{fmt}",
    response={200: None},
    summary="下载查封扣押的延长决定书（extension）或处理决定书（disposal）（docx 或 pdf）",
    openapi_extra=DOCUMENT_FILE,
)
def order_step_document_download(
    request: HttpRequest, order_id: int, kind: Literal["extension", "disposal"], fmt: Literal["docx", "pdf"]
) -> HttpResponse:
    order = get_object_or_404(_orders(request), pk=order_id)
    title, build, number = STEP_DOCUMENTS[kind]
    if not number(order):
        raise Http404
    return document_response(build(order), f"{title}_{number(order)}", fmt)
