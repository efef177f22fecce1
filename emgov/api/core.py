"""Regions and departments: the first endpoints, and the pattern every app's router copies."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from emgov.api.params import Pagination
from emgov.core.models import Department, Region

router = Router(tags=["基础数据"])


class RegionOut(Schema):
    id: int
    code: str
    name: str
    level: str
    parent_code: str | None

    @staticmethod
    def resolve_parent_code(obj: Region) -> str | None:
        return obj.parent.code if obj.parent_id else None


class DepartmentOut(Schema):
    id: int
    short_name: str
    name: str
    is_bureau: bool
    region_code: str | None

    @staticmethod
    def resolve_region_code(obj: Department) -> str | None:
        return obj.region.code if obj.region_id else None


@router.get("/regions", response=list[RegionOut], summary="行政区划列表")
@paginate(Pagination)
def region_list(request: HttpRequest, level: str | None = None):
    qs = Region.objects.visible_to(request.auth).select_related("parent").order_by("path")
    return qs.filter(level=level) if level else qs


@router.get("/regions/{code}", response=RegionOut, summary="行政区划")
def region_detail(request: HttpRequest, code: str):
    return get_object_or_404(Region.objects.visible_to(request.auth).select_related("parent"), code=code)


@router.get("/departments", response=list[DepartmentOut], summary="部门列表")
@paginate(Pagination)
def department_list(request: HttpRequest):
    return Department.objects.visible_to(request.auth).select_related("region")


@router.get("/departments/{short_name}", response=DepartmentOut, summary="部门")
def department_detail(request: HttpRequest, short_name: str):
    return get_object_or_404(
        Department.objects.visible_to(request.auth).select_related("region"), short_name=short_name
    )
