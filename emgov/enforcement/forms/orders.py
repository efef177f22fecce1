"""Forms of orders (执法文书): the ledger's desk form, issuing one from a visit, and the forms of the steps of
`procedures.ORDER`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.enforcement.forms.hazards import DATE
from emgov.enforcement.forms.visits import VISIT_REFERENCE
from emgov.enforcement.models import Order, OrderType


class OrderForm(LedgerForm):
    references = VISIT_REFERENCE

    class Meta:
        model = Order
        fields = ["number", "visit", "doc_type", "issued_on", "due_date"]


class OrderIssueForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("文书类型"), choices=OrderType.choices)
    issued_on = forms.DateField(label=_("签发日期"), widget=DATE)
    hazards = forms.ModelMultipleChoiceField(
        label=_("隐患"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
    )
    due_date = forms.DateField(
        label=_("整改期限"),
        required=False,
        widget=DATE,
        help_text=_("用于没有整改期限的隐患；查封扣押的期限自动按签发之日起30日计算"),
    )
    content = forms.CharField(
        label=_("决定内容"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("不填写时按文书类型使用标准表述"),
    )
    basis = forms.CharField(label=_("法律依据"), required=False, max_length=300)

    def __init__(self, *args, hazards, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hazards"].queryset = hazards
        self.fields["hazards"].label_from_instance = lambda h: f"{h.number} {h.description}（{h.grade}）"


class ExtendForm(forms.Form):
    extension_days = forms.IntegerField(label=_("延长天数"), min_value=1, max_value=30)
    extension_reason = forms.CharField(label=_("延长理由"), max_length=300)
    decided_on = forms.DateField(label=_("决定日期"), widget=DATE)


class ResumeForm(forms.Form):
    resumed_on = forms.DateField(label=_("恢复生产经营日期"), widget=DATE)
