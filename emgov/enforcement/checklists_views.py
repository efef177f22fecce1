"""The checklist catalogue (检查项目录) of the 令10号 standard, maintained by the system administrator."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Role
from emgov.core.pages import LedgerForm, LedgerPages
from emgov.enforcement.models import ChecklistItem


class ChecklistItemForm(LedgerForm):
    class Meta:
        model = ChecklistItem
        fields = ["article", "part", "industry", "text", "major", "position", "active"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "industry": _(
                "行业类条款写行业（冶金、有色、建材、机械、轻工、纺织、烟草），专项类写专项（粉尘涉爆等）"
            ),
            "active": _("停用的检查项不再出现在新的检查中，已有的检查结论不变"),
        }


class ChecklistPages(LedgerPages):
    name = "checklist-items"
    namespace = "enforcement"
    model = ChecklistItem
    title = _("检查项目录")
    form_class = ChecklistItemForm
    list_display = ("article", "part", "industry", "text", "major", "active")
    search_fields = ("article", "industry", "text")
    filter_fields = ("part", "major", "active")
    default_ordering = ("position", "article")
    edit_roles = frozenset({Role.ADMIN})
