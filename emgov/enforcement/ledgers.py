from typing import Any

from emgov.core import numbering
from emgov.core.interchange.columns import (
    BoolColumn,
    ChoiceColumn,
    DateColumn,
    RefColumn,
    RefListColumn,
    TextColumn,
)
from emgov.core.interchange.ledger import Ledger, PlannedRow
from emgov.core.ledgers import department_column, region_column
from emgov.core.models import Department, Officer
from emgov.enforcement import rules
from emgov.enforcement.models import (
    Hazard,
    HazardGrade,
    LeaderLevel,
    Operation,
    OperationKind,
    Order,
    OrderType,
    ReviewResult,
    Visit,
    VisitNature,
)
from emgov.enterprises.models import Enterprise


def enterprise_column(
    header: str = "统一社会信用代码", field: str = "enterprise", *, required: bool = False
) -> RefColumn:
    return RefColumn(
        header,
        field,
        required=required,
        model=Enterprise,
        lookups=("credit_code",),
        noun="企业",
        queryset=lambda: Enterprise.objects.select_related("town"),  # the town places the row (scope)
        shown=[("企业名称", "name"), ("镇街", "town__name")],
    )


def visit_column(*, required: bool = False) -> RefColumn:
    return RefColumn(
        "检查编号",
        "visit",
        required=required,
        model=Visit,
        lookups=("number",),
        noun="检查记录",
        queryset=lambda: Visit.objects.select_related("enterprise__town"),  # the town places the row
        shown=[("企业名称", "enterprise__name"), ("镇街", "enterprise__town__name")],
    )


class OperationLedger(Ledger):
    id = "operations"
    title = "执法行动"
    model = Operation
    columns = (
        TextColumn("行动编号", "number", key=True),
        ChoiceColumn("行动类型", "kind", required=True, choices=OperationKind.values),
        TextColumn("行动名称", "name"),
        DateColumn("开始日期", "start_date", required=True),
        DateColumn("结束日期", "end_date"),
        department_column("牵头部门", "lead_department"),
        RefListColumn(
            "参与部门",
            "departments",
            model=Department,
            lookups=("short_name", "name"),
            export_as="short_name",
            noun="部门",
        ),
        TextColumn("带队领导", "leader_name"),
        ChoiceColumn("带队领导级别", "leader_level", choices=LeaderLevel.values),
        BoolColumn("是否四不两直", "unannounced"),
        region_column(),
    )


class VisitLedger(Ledger):
    id = "inspections"
    title = "检查记录"
    model = Visit
    columns = (
        TextColumn("检查编号", "number", key=True),
        DateColumn("检查日期", "date", required=True),
        enterprise_column(required=True),
        department_column("执法部门", "department", required=True),
        ChoiceColumn("检查性质", "nature", required=True, choices=VisitNature.values),
        RefColumn("行动编号", "operation", model=Operation, lookups=("number",), noun="执法行动"),
        RefListColumn(
            "执法人员证号",
            "officers",
            model=Officer,
            lookups=("certificate_number",),
            noun="执法人员",
            shown=[("执法人员姓名", "name")],
        ),
        TextColumn("检查结果", "result"),
        BoolColumn("音像记录", "av_recorded"),
    )

    def check_row(self, instance: Visit, m2m: dict[str, list[Any]]) -> None:
        if "officers" in m2m:
            officers = m2m["officers"]
        elif instance.pk:
            officers = list(instance.officers.all())
        else:
            officers = []
        rules.check_visit_officers(
            department=instance.department, nature=instance.nature, date=instance.date, officers=officers
        )


class HazardLedger(Ledger):
    id = "hazards"
    title = "隐患"
    model = Hazard
    columns = (
        TextColumn("隐患编号", "number", key=True),
        visit_column(required=True),
        TextColumn("隐患描述", "description", required=True),
        ChoiceColumn("隐患等级", "grade", required=True, choices=HazardGrade.values),
        TextColumn("判定依据", "basis"),
        DateColumn("整改期限", "deadline"),
        DateColumn("整改完成日期", "rectified_on"),
        DateColumn("复查日期", "reviewed_on"),
        ChoiceColumn("复查结论", "review_result", choices=ReviewResult.values),
    )
    shown = (("状态", "status"),)

    def prepare(self, instance: Hazard, m2m: dict[str, list[Any]]) -> None:
        instance.status = instance.status_from_dates()


class OrderLedger(Ledger):
    """Each order type is numbered by the 文号 template of the same name."""

    id = "orders"
    title = "执法文书"
    model = Order
    columns = (
        TextColumn("文书编号", "number", key=True),
        visit_column(required=True),
        ChoiceColumn("文书类型", "doc_type", required=True, choices=OrderType.values),
        DateColumn("签发日期", "issued_on", required=True),
        DateColumn("期限", "due_date"),
    )

    def after_write(self, created: list[PlannedRow], updated: list[PlannedRow]) -> None:
        by_type: dict[str, list[str]] = {}
        for p in created + updated:
            by_type.setdefault(p.instance.doc_type, []).append(p.instance.number)
        for doc_type, numbers in by_type.items():
            numbering.numbers_observe(doc_type, numbers)
