"""The form of the operation ledger (执法行动)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.enforcement.models import Operation


class OperationForm(LedgerForm):
    class Meta:
        model = Operation
        fields = [
            "number",
            "kind",
            "name",
            "start_date",
            "end_date",
            "lead_department",
            "departments",
            "leader_name",
            "leader_level",
            "unannounced",
            "region",
        ]
        widgets = {"departments": forms.CheckboxSelectMultiple(attrs={"class": "checklist"})}
        help_texts = {
            "unannounced": _("不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场"),
            "region": _("尚未录入检查记录的行动按此区划归属"),
        }
