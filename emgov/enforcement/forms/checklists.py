"""The form of the checklist catalogue (检查项目录)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
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
