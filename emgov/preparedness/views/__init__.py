from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerPages, RelatedFilter, TownFilter, ValuesFilter, YearFilter
from emgov.core.permissions import STAFF
from emgov.preparedness.forms import DrillRecordForm, EventTypeForm, MaterialForm, PlanForm, TeamForm
from emgov.preparedness.models import Drill, EmergencyPlan, EventType, Material, RescueTeam

# Every staff role except the leaders, who read.


class EventTypePages(LedgerPages):
    name = "event-types"
    namespace = "preparedness"
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
    edit_roles = STAFF
    detail_related = (("plans", _("应急预案")),)


class PlanPages(LedgerPages):
    name = "plans"
    namespace = "preparedness"
    model = EmergencyPlan
    title = _("应急预案")
    ledger_id = "plans"
    form_class = PlanForm
    list_display = ("name", "number", "kind", "department", "published_on", "next_review_on", "event_types")
    search_fields = ("number", "name")
    filter_fields = ("kind", RelatedFilter("department"), YearFilter("next_review_on", label=_("评估年度")))
    select_related = ("department",)
    prefetch_related = ("event_types",)
    default_ordering = ("-published_on", "-pk")
    edit_roles = STAFF
    detail_related = (("drills", _("应急演练")),)


class DrillPages(LedgerPages):
    name = "drills"
    namespace = "preparedness"
    model = Drill
    title = _("应急演练")
    ledger_id = "drills"
    form_class = DrillRecordForm
    list_display = ("name", "number", "date", "form", "plan", "department", "participants")
    search_fields = ("number", "name")
    filter_fields = ("form", RelatedFilter("department"), YearFilter("date"))
    select_related = ("plan", "department")
    default_ordering = ("-date", "-pk")
    edit_roles = STAFF


class TeamPages(LedgerPages):
    name = "teams"
    namespace = "preparedness"
    model = RescueTeam
    title = _("应急救援队伍")
    ledger_id = "teams"
    form_class = TeamForm
    list_display = ("name", "number", "kind", "members", "town", "contact", "phone")
    search_fields = ("number", "name", "contact")
    filter_fields = (ValuesFilter("kind"), TownFilter("town"))
    select_related = ("town",)
    default_ordering = ("name", "pk")
    edit_roles = STAFF


class MaterialPages(LedgerPages):
    name = "materials"
    namespace = "preparedness"
    model = Material
    title = _("应急物资")
    ledger_id = "materials"
    form_class = MaterialForm
    list_display = ("name", "number", "category", "quantity", "unit", "location", "town", "valid_until")
    search_fields = ("number", "name", "location")
    filter_fields = (ValuesFilter("category"), TownFilter("town"))
    select_related = ("town",)
    default_ordering = ("category", "name", "pk")
    edit_roles = STAFF
