"""Forms of orders (执法文书): the ledger's desk form, issuing one from a visit, and the forms of the steps of
`procedures.ORDER`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Role, User
from emgov.core.pages import LedgerForm
from emgov.enforcement.forms.hazards import DATE
from emgov.enforcement.forms.visits import VISIT_REFERENCE
from emgov.enforcement.models import Order, OrderType, ReleaseGround, SeizureDisposal


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
        help_text=_("用于没有整改期限的隐患；查封扣押的期限按“法定期限与规则”自签发之日起自动计算"),
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


class LeaderField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.username


class ExtendForm(forms.Form):
    extension_days = forms.IntegerField(
        label=_("延长天数"),
        min_value=1,
        help_text=_("不得超过法定的延长期限（行政强制法第二十五条第一款，见“法定期限与规则”）"),
    )
    extension_reason = forms.CharField(
        label=_("延长理由"), max_length=300, help_text=_("写入延长查封扣押期限决定书，书面告知当事人")
    )
    extension_approved_by = LeaderField(
        label=_("批准的负责人"),
        queryset=User.objects.filter(role=Role.LEADER, is_active=True).order_by("pk"),
        help_text=_("情况复杂的，经行政机关负责人批准，可以延长"),
    )
    decided_on = forms.DateField(label=_("决定日期"), widget=DATE)


class DisposeForm(forms.Form):
    disposal = forms.ChoiceField(
        label=_("处理决定"), choices=SeizureDisposal.choices, widget=forms.RadioSelect
    )
    disposal_ground = forms.ChoiceField(
        label=_("解除情形"),
        choices=[("", "---------"), *ReleaseGround.choices],
        required=False,
        help_text=_("解除查封扣押时填写（行政强制法第二十八条第一款）"),
    )
    disposal_note = forms.CharField(
        label=_("处理说明"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("没收、销毁须写明依据，如行政处罚决定书文号或者规定销毁的法律、行政法规"),
    )
    disposed_on = forms.DateField(label=_("处理决定日期"), widget=DATE)


class ResumeForm(forms.Form):
    resumed_on = forms.DateField(label=_("恢复生产经营日期"), widget=DATE)
