from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core.interchange.columns import (
    BoolColumn,
    ChoiceColumn,
    DateColumn,
    DecimalColumn,
    IntColumn,
    RefColumn,
    RefListColumn,
    TextColumn,
)
from emgov.core.interchange.ledger import Ledger
from emgov.core.ledgers import department_column, region_column, town_column
from emgov.core.models import Department
from emgov.preparedness.models import (
    Drill,
    DrillForm,
    EmergencyPlan,
    EventCategory,
    EventType,
    Material,
    PlanKind,
    RescueTeam,
)


class EventTypeLedger(Ledger):
    id = "event-types"
    title = "突发事件类型"
    model = EventType
    columns = (
        TextColumn("事件类型", "name", key=True),
        ChoiceColumn("事件大类", "category", required=True, choices=EventCategory.values),
        department_column("牵头部门", "lead_department", required=True),
        RefListColumn(
            "配合部门",
            "supporting_departments",
            model=Department,
            lookups=("short_name", "name"),
            export_as="short_name",
            noun="部门",
        ),
    )


class PlanLedger(Ledger):
    id = "plans"
    title = "应急预案"
    model = EmergencyPlan
    columns = (
        TextColumn("预案编号", "number", key=True),
        TextColumn("预案名称", "name", required=True),
        ChoiceColumn("预案类型", "kind", required=True, choices=PlanKind.values),
        RefListColumn("适用事件类型", "event_types", model=EventType, lookups=("name",), noun="事件类型"),
        department_column("编制单位", "department", required=True),
        DateColumn("发布日期", "published_on"),
        DateColumn("下次评估日期", "next_review_on"),
        region_column(),
        # A row without 发布日期 is a draft. A published plan names its approval, or says it was published
        # before the system came into use (EmergencyPlan.clean holds the rule for the import, the pages and
        # the steps alike).
        DateColumn("批准日期", "approved_on"),
        TextColumn("批准机关", "approved_by"),
        BoolColumn("系统启用前已发布", "published_before_system"),
    )

    def check_row(self, instance: EmergencyPlan, m2m: dict[str, list[Any]]) -> None:
        """A published plan stays published: a row without 发布日期 may not turn it back into a draft."""
        stored = EmergencyPlan.objects.filter(pk=instance.pk, published_on__isnull=False)
        if instance.pk and instance.published_on is None and stored.exists():
            raise ValidationError(
                {"published_on": _("已发布的应急预案不能改回草案：修订请在预案页面“启动修订”")},
                code="plan_unpublish",
            )


class DrillLedger(Ledger):
    id = "drills"
    title = "应急演练"
    model = Drill
    columns = (
        TextColumn("演练编号", "number", key=True),
        TextColumn("演练名称", "name", required=True),
        DateColumn("演练日期", "date", required=True),
        ChoiceColumn("演练形式", "form", required=True, choices=DrillForm.values),
        RefColumn(
            "预案编号",
            "plan",
            model=EmergencyPlan,
            lookups=("number",),
            noun="应急预案",
            shown=[("预案名称", "name")],
        ),
        department_column("组织单位", "department", required=True),
        IntColumn("参演人数", "participants"),
        region_column(),
    )


class TeamLedger(Ledger):
    id = "teams"
    title = "应急救援队伍"
    model = RescueTeam
    columns = (
        TextColumn("队伍编号", "number", key=True),
        TextColumn("队伍名称", "name", required=True),
        TextColumn("队伍类型", "kind", required=True),
        IntColumn("人数", "members", required=True),
        town_column("所属镇街", "town"),
        TextColumn("联系人", "contact"),
        TextColumn("联系电话", "phone"),
    )


class MaterialLedger(Ledger):
    id = "materials"
    title = "应急物资"
    model = Material
    columns = (
        TextColumn("物资编号", "number", key=True),
        TextColumn("物资名称", "name", required=True),
        TextColumn("类别", "category", required=True),
        DecimalColumn("数量", "quantity", required=True),
        TextColumn("单位", "unit", required=True),
        TextColumn("存放地点", "location", required=True),
        town_column("所属镇街", "town"),
        DateColumn("有效期至", "valid_until"),
    )
