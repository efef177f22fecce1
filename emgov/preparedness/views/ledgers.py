"""The ledgers of emergency preparedness (list, detail with steps and history, create, edit, import, export)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import User
from emgov.core.pages import LedgerPages, PresenceFilter, RelatedFilter, TownFilter, ValuesFilter, YearFilter
from emgov.core.permissions import STAFF
from emgov.preparedness import procedures, queries
from emgov.preparedness.forms import (
    CommandPostCheckForm,
    DrillRecordForm,
    EventTypeForm,
    MaterialForm,
    PlanForm,
    TeamForm,
    TeamMemberForm,
)
from emgov.preparedness.models import (
    CommandPostCheck,
    Drill,
    EmergencyPlan,
    EventType,
    FollowUp,
    Material,
    RescueTeam,
    StockMovement,
    TeamMember,
)


class PreparednessPages(LedgerPages):
    namespace = "preparedness"
    edit_roles = STAFF


class ReadOnlyPages(PreparednessPages):
    """Records written only by the steps of another record (follow-ups, stock movements)."""

    def can_edit(self, user: User) -> bool:
        return False


class EventTypePages(PreparednessPages):
    name = "event-types"
    model = EventType
    title = _("突发事件类型")
    ledger_id = "event-types"
    form_class = EventTypeForm
    list_display = ("name", "category", "lead_department", "supporting_departments")
    search_fields = ("name",)
    filter_fields = ("category", RelatedFilter("lead_department"))
    select_related = ("lead_department",)
    prefetch_related = ("supporting_departments",)
    default_ordering = ("category", "name")
    detail_related = (("plans", _("应急预案")), ("warnings", _("预警信息")))


class PlanPages(PreparednessPages):
    name = "plans"
    model = EmergencyPlan
    title = _("应急预案")
    ledger_id = "plans"
    form_class = PlanForm
    procedure = procedures.PLAN
    list_display = ("name", "number", "kind", "department", "published_on", "next_review_on", "event_types")
    search_fields = ("number", "name")
    filter_fields = (
        "kind",
        RelatedFilter("department"),
        YearFilter("next_review_on", label=_("评估年度")),
        PresenceFilter("filed_on", label=_("备案"), yes=_("已备案"), no=_("未备案")),
        PresenceFilter("superseded_on", label=_("版本"), yes=_("已被替代"), no=_("现行")),
    )
    select_related = ("department",)
    prefetch_related = ("event_types",)
    default_ordering = ("-published_on", "-pk")
    detail_related = (("revisions", _("修订版本")), ("drills", _("应急演练")))
    detail_template = "preparedness/plan_detail.html"

    def edit_locked(self, obj: models.Model) -> str | None:
        if obj.published_on:
            return str(_("已发布的预案不直接修改：通过“启动修订”生成新版本，原版本保留。"))
        return None

    def detail_extra(self, request: HttpRequest, obj: models.Model) -> dict[str, Any]:
        return {"evaluation_due": queries.evaluation_due(obj, clock.today())}


class DrillPages(PreparednessPages):
    name = "drills"
    model = Drill
    title = _("应急演练")
    ledger_id = "drills"
    form_class = DrillRecordForm
    procedure = procedures.DRILL
    list_display = ("name", "number", "date", "form", "plan", "department", "participants")
    search_fields = ("number", "name")
    filter_fields = ("form", RelatedFilter("department"), YearFilter("date"))
    select_related = ("plan", "department")
    default_ordering = ("-date", "-pk")
    detail_related = (("follow_ups", _("整改事项")),)


class FollowUpPages(ReadOnlyPages):
    name = "follow-ups"
    model = FollowUp
    title = _("整改事项")
    procedure = procedures.FOLLOW_UP
    list_display = (
        "problem",
        "kind",
        "owner",
        "owner_person",
        "due_on",
        "closed_on",
        "drill",
        "check_record",
    )
    search_fields = ("problem", "owner_person")
    filter_fields = (
        "kind",
        RelatedFilter("owner"),
        PresenceFilter("closed_on", label=_("整改"), yes=_("已完成"), no=_("整改中")),
    )
    select_related = ("owner", "drill", "check_record__town")
    default_ordering = ("due_on", "pk")


class TeamPages(PreparednessPages):
    name = "teams"
    model = RescueTeam
    title = _("应急救援队伍")
    ledger_id = "teams"
    form_class = TeamForm
    procedure = procedures.TEAM
    list_display = ("name", "number", "kind", "members", "town", "contact", "phone", "checked_on")
    search_fields = ("number", "name", "contact")
    filter_fields = (ValuesFilter("kind"), TownFilter("town"), YearFilter("checked_on", label=_("核查年度")))
    select_related = ("town",)
    default_ordering = ("name", "pk")
    detail_related = (("people", _("队员")),)


class TeamMemberPages(PreparednessPages):
    name = "team-members"
    model = TeamMember
    title = _("队员")
    form_class = TeamMemberForm
    list_display = ("name", "team", "position", "skills", "certificate", "certificate_valid_until", "phone")
    search_fields = ("name", "skills", "certificate")
    filter_fields = (RelatedFilter("team"),)
    select_related = ("team",)
    default_ordering = ("team", "pk")


class MaterialPages(PreparednessPages):
    name = "materials"
    model = Material
    title = _("应急物资")
    ledger_id = "materials"
    form_class = MaterialForm
    procedure = procedures.MATERIAL
    list_display = (
        "name",
        "number",
        "category",
        "quantity",
        "minimum",
        "unit",
        "location",
        "town",
        "valid_until",
    )
    search_fields = ("number", "name", "location")
    filter_fields = (ValuesFilter("category"), ValuesFilter("location", label=_("仓库")), TownFilter("town"))
    select_related = ("town",)
    default_ordering = ("category", "name", "pk")
    detail_related = (("movements", _("出入库记录")),)

    def edit_locked(self, obj: models.Model) -> str | None:
        if obj.movements.exists():
            return str(_("已有出入库记录的物资，数量通过入库、出库、盘点变动。"))
        return None


class StockMovementPages(ReadOnlyPages):
    name = "stock-movements"
    model = StockMovement
    title = _("出入库记录")
    list_display = (
        "date",
        "material",
        "material__location",
        "kind",
        "quantity",
        "difference",
        "balance",
        "reference",
    )
    search_fields = ("material__name", "material__location", "reference")
    filter_fields = (
        "kind",
        ValuesFilter("material__location", label=_("仓库")),
        TownFilter("material__town"),
    )
    select_related = ("material",)
    default_ordering = ("-date", "-pk")


class CommandPostCheckPages(PreparednessPages):
    name = "command-post-checks"
    model = CommandPostCheck
    title = _("现场指挥部双盲拉动检查")
    form_class = CommandPostCheckForm
    procedure = procedures.CHECK
    list_display = ("number", "town", "date", "scenario", "inspectors")
    search_fields = ("number", "scenario")
    filter_fields = (TownFilter("town"), YearFilter("date"))
    select_related = ("town",)
    default_ordering = ("-date", "-pk")
    detail_related = (("scores", _("检查项得分")), ("follow_ups", _("整改事项")))
