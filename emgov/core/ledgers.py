"""The core ledgers: regions, departments and officers (spec/interchange.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.interchange import registry
from emgov.core.interchange.columns import BoolColumn, ChoiceColumn, DateColumn, RefColumn, TextColumn
from emgov.core.interchange.ledger import Ledger, PlannedRow
from emgov.core.models import Department, Officer, Region, RegionLevel


def town_column(header: str, field: str, *, required: bool = False) -> RefColumn:
    """A town (镇街) named by its name or its 区划代码: the reference every ledger with a town uses."""
    return RefColumn(
        header,
        field,
        required=required,
        model=Region,
        lookups=("name", "code"),
        export_as="name",
        queryset=lambda: Region.objects.filter(level=RegionLevel.TOWN),
        noun="镇街",
        ambiguous_hint=gettext_lazy("请改填区划代码"),
    )


def region_column(header: str = "区划代码", field: str = "region") -> RefColumn:
    return RefColumn(
        header, field, model=Region, lookups=("code",), noun="区划", shown=[("区划名称", "name")]
    )


def department_column(header: str, field: str, *, required: bool = False) -> RefColumn:
    return RefColumn(
        header,
        field,
        required=required,
        model=Department,
        lookups=("short_name", "name"),
        export_as="short_name",
        noun="部门",
    )


class RegionLedger(Ledger):
    id = "regions"
    title = "行政区划"
    model = Region
    columns = (
        TextColumn("区划代码", "code", key=True),
        TextColumn("名称", "name", required=True),
        RefColumn(
            "上级区划代码",
            "parent",
            model=Region,
            lookups=("code",),
            noun="上级区划",
            shown=[("上级区划名称", "name")],
        ),
        ChoiceColumn("层级", "level", required=True, choices=RegionLevel.values),
    )

    def prepare(self, instance: Region, m2m: dict[str, list[Any]]) -> None:
        instance.path = instance.compute_path()

    def after_write(self, created: list[PlannedRow], updated: list[PlannedRow]) -> None:
        """A region that moved takes the regions below it along, as services.region_update does."""
        for planned in updated:
            old_path, new_path = planned.before["path"], planned.instance.path
            if old_path != new_path:
                Region.objects.filter(path__startswith=old_path).exclude(pk=planned.instance.pk).update(
                    path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
                )


class DepartmentLedger(Ledger):
    id = "departments"
    title = "部门"
    model = Department
    columns = (
        TextColumn("部门简称", "short_name", key=True),
        TextColumn("部门名称", "name", required=True),
        BoolColumn("是否本局", "is_bureau"),
        region_column(),
    )

    def check_file(self, plan: list[PlannedRow]) -> Iterable[tuple[int, str, str]]:
        """One bureau: Department.clean() checks the database, this the rows of the file."""
        first: int | None = None
        for planned in plan:
            if planned.instance.is_bureau:
                if first is None:
                    first = planned.row
                else:
                    yield (
                        planned.row,
                        "is_bureau",
                        _("只能有一个部门标记为本局，本文件第%(r)s行已标记") % {"r": first},
                    )


class OfficerLedger(Ledger):
    id = "officers"
    title = "执法人员"
    model = Officer
    columns = (
        TextColumn("执法证号", "certificate_number", key=True),
        TextColumn("姓名", "name", required=True),
        department_column("所属部门", "department", required=True),
        DateColumn("证件有效期至", "valid_until"),
        TextColumn("职务", "title"),
    )


def register() -> None:
    registry.register(RegionLedger(), DepartmentLedger(), OfficerLedger())
