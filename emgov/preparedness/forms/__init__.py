from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.preparedness.models import (
    CommandPostCheck,
    Drill,
    EarlyWarning,
    EmergencyPlan,
    EventType,
    Material,
    RescueTeam,
    TeamMember,
)


class EventTypeForm(LedgerForm):
    class Meta:
        model = EventType
        fields = ["name", "category", "lead_department", "supporting_departments"]
        widgets = {"supporting_departments": forms.CheckboxSelectMultiple(attrs={"class": "checklist"})}


class PlanForm(LedgerForm):
    """A new plan is a draft: it is approved, published and filed through its steps (plans published
    before the system came into use are registered by the ledger import)."""

    class Meta:
        model = EmergencyPlan
        fields = [
            "number",
            "name",
            "kind",
            "event_types",
            "department",
            "next_review_on",
            "region",
        ]
        widgets = {"event_types": forms.CheckboxSelectMultiple(attrs={"class": "checklist"})}


class DrillRecordForm(LedgerForm):
    references = {"enterprise": ("credit_code", "enterprises:enterprises-lookup")}

    class Meta:
        model = Drill
        fields = [
            "number",
            "name",
            "date",
            "form",
            "plan",
            "department",
            "participants",
            "participant_units",
            "enterprise",
            "region",
        ]


class TeamForm(LedgerForm):
    town_fields = ("town",)

    class Meta:
        model = RescueTeam
        fields = ["number", "name", "kind", "members", "town", "contact", "phone", "equipment"]
        help_texts = {"kind": _("例如：综合性消防救援、专业救援、企业专职、社会救援、基层应急")}


class MaterialForm(LedgerForm):
    town_fields = ("town",)

    class Meta:
        model = Material
        fields = [
            "number",
            "name",
            "category",
            "quantity",
            "unit",
            "location",
            "town",
            "valid_until",
            "minimum",
        ]
        help_texts = {"category": _("例如：防汛抗旱、森林防灭火、生活保障、医疗救护、通信保障")}


class TeamMemberForm(LedgerForm):
    class Meta:
        model = TeamMember
        fields = ["team", "name", "position", "skills", "certificate", "certificate_valid_until", "phone"]


class CommandPostCheckForm(LedgerForm):
    town_fields = ("town",)

    class Meta:
        model = CommandPostCheck
        fields = ["number", "town", "date", "scenario", "inspectors", "note"]


class WarningForm(LedgerForm):
    class Meta:
        model = EarlyWarning
        fields = [
            "number",
            "headline",
            "level",
            "event_type",
            "area",
            "onset",
            "expires",
            "description",
            "measures",
            "region",
        ]
        widgets = {
            "onset": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "expires": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }
