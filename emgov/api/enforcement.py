"""Enforcement planning: inspection plans and their targets, 双随机 draws, operations, the 四不两直 check."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from emgov.api.enforcement_schemas import (
    DrawDetailOut,
    DrawIn,
    DrawOut,
    InspectionPlanOut,
    MonthOut,
    OperationOut,
    PlanDetailOut,
    PlanIn,
    TargetIn,
)
from emgov.api.params import Pagination, year_query
from emgov.api.steps import steps_routes, take_step
from emgov.core.models import Region, User
from emgov.core.permissions import PLANNERS
from emgov.core.services import VIA_API
from emgov.enforcement.models import Draw, InspectionPlan, Operation, Visit
from emgov.enforcement.procedures import DRAW
from emgov.enforcement.queries import unannounced_months_for
from emgov.enforcement.services import draws, plans

router = Router(tags=["执法计划与行动"])


# Helpers -----------------------------------------------------------------------------------------


def _planner(request: HttpRequest) -> User:
    user = request.auth
    if not (user.sees_everything or user.role in PLANNERS):
        raise Http404
    return user


def _region(code: str | None) -> Region | None:
    return get_object_or_404(Region, code=code) if code else None


def _plans(request: HttpRequest):
    return InspectionPlan.objects.visible_to(request.auth).select_related("department", "region")


def _plan_detail(request: HttpRequest, plan: InspectionPlan) -> InspectionPlan:
    progress = plans.plan_progress(plan, Visit.objects.visible_to(request.auth))
    plan.target_rows = [
        {
            "id": p.target.pk,
            "town_code": p.target.town.code if p.target.town_id else None,
            "town_name": p.target.town.name if p.target.town_id else None,
            "industry": p.target.industry,
            "risk_level": p.target.risk_level,
            "count": p.target.count,
            "done": p.done,
        }
        for p in progress
    ]
    return plan


def _draw_detail(draw: Draw) -> dict:
    rows = draws.draw_rows([draw])[draw.pk]
    data = DrawOut.from_orm(draw).dict()
    data["rows"] = [
        {
            "enterprise_id": r["enterprise"].pk,
            "enterprise_name": r["enterprise"].name,
            "officers": [{"name": o.name, "certificate_number": o.certificate_number} for o in r["officers"]],
        }
        for r in rows
    ]
    data["verified"] = draws.draw_verified(draw)
    return data


# Plans -------------------------------------------------------------------------------------------


@router.get("/plans", response=list[InspectionPlanOut], summary="检查计划列表")
@paginate(Pagination)
def plan_list(request: HttpRequest, year: int | None = year_query(), period: str | None = None):
    qs = _plans(request).live().order_by("-year", "-month", "number")
    if year:
        qs = qs.filter(year=year)
    if period:
        qs = qs.filter(period=period)
    return qs


@router.get("/plans/{pk}", response=PlanDetailOut, summary="检查计划（含指标与完成进度）")
def plan_detail(request: HttpRequest, pk: int):
    return _plan_detail(request, get_object_or_404(_plans(request), pk=pk))


@router.post("/plans", response={201: PlanDetailOut}, summary="新建检查计划")
def plan_create(request: HttpRequest, payload: PlanIn):
    data = payload.dict()
    region = _region(data.pop("region_code"))
    plan = plans.plan_create(actor=_planner(request), via=VIA_API, region=region, **data)
    return Status(201, _plan_detail(request, plan))


@router.post("/plans/{pk}/targets", response={201: PlanDetailOut}, summary="添加计划指标")
def plan_target_add(request: HttpRequest, pk: int, payload: TargetIn):
    user = _planner(request)
    plan = get_object_or_404(_plans(request), pk=pk)
    plans.plan_target_add(
        plan,
        actor=user,
        via=VIA_API,
        count=payload.count,
        town=_region(payload.town_code),
        industry=payload.industry,
        risk_level=payload.risk_level or "",
    )
    return Status(201, _plan_detail(request, plan))


# Draws -------------------------------------------------------------------------------------------


def _draws(request: HttpRequest):
    return draws_of(request.auth)


def draws_of(user: User):
    return Draw.objects.visible_to(user)


@router.get("/draws", response=list[DrawOut], summary="双随机抽查列表")
@paginate(Pagination)
def draw_list(request: HttpRequest, plan_id: int | None = None, published: bool | None = None):
    qs = _draws(request).live().order_by("-drawn_on", "-number")
    if plan_id:
        qs = qs.filter(plan_id=plan_id)
    if published is not None:
        qs = qs.filter(published_on__isnull=not published)
    return qs


@router.get("/draws/{pk}", response=DrawDetailOut, summary="双随机抽查（含抽取结果与复核）")
def draw_detail(request: HttpRequest, pk: int):
    return _draw_detail(get_object_or_404(_draws(request), pk=pk))


@router.post("/plans/{pk}/draws", response={201: DrawDetailOut}, summary="为检查计划随机抽取企业和执法人员")
def draw_run(request: HttpRequest, pk: int, payload: DrawIn):
    user = _planner(request)
    plan = get_object_or_404(_plans(request), pk=pk)
    draw = draws.draw_run(
        actor=user,
        plan=plan,
        via=VIA_API,
        size=payload.size,
        drawn_on=payload.drawn_on,
        town=_region(payload.town_code),
        industry=payload.industry,
        risk_level=payload.risk_level or "",
    )
    return Status(201, _draw_detail(draw))


steps_routes(router, "/draws", DRAW, draws_of, DrawOut)


@router.post("/draws/{pk}/publish", response=DrawDetailOut, summary="公布抽查结果（旧路径）")
def draw_publish(request: HttpRequest, pk: int):
    """The step `publish` of the draw, published today; answers the draw with its result."""
    draw = get_object_or_404(_draws(request), pk=pk)
    return _draw_detail(take_step(request, DRAW, draw, "publish", {}))


# Operations and the 四不两直 check -------------------------------------------------------------------


def _operations(request: HttpRequest):
    live = Q(visits__voided_at__isnull=True)
    return (
        Operation.objects.visible_to(request.auth)
        .select_related("lead_department")
        .annotate(
            visits_n=Count("visits", filter=live, distinct=True),
            enterprises_n=Count("visits__enterprise", filter=live, distinct=True),
            towns_n=Count("visits__enterprise__town", filter=live, distinct=True),
        )
    )


@router.get("/operations", response=list[OperationOut], summary="执法行动列表")
@paginate(Pagination)
def operation_list(
    request: HttpRequest,
    year: int | None = year_query(),
    kind: str | None = None,
    unannounced: bool | None = None,
):
    qs = _operations(request).live().order_by("-start_date", "number")
    if year:
        qs = qs.filter(start_date__year=year)
    if kind:
        qs = qs.filter(kind=kind)
    if unannounced is not None:
        qs = qs.filter(unannounced=unannounced)
    return qs


@router.get("/operations/{pk}", response=OperationOut, summary="执法行动（含检查次数、企业数、镇街数）")
def operation_detail(request: HttpRequest, pk: int):
    return get_object_or_404(_operations(request), pk=pk)


@router.get("/monthly-check", response=list[MonthOut], summary="“四不两直”月度核查")
def monthly_check(request: HttpRequest, year: int = year_query(required=True)):
    return [
        {
            "month": m.month,
            "met": m.met,
            "operations": m.operation_count,
            "missing_operations": m.missing_operations,
            "short_operations": [str(o) for o in m.short_operations],
            "towns_visited": m.towns_visited,
            "towns_total": len(m.towns),
            "missing_towns": [t.name for t in m.missing_towns],
        }
        for m in unannounced_months_for(request.auth, year)
    ]
