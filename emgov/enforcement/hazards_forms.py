"""The small forms of the hazard loop's steps and of issuing and handling orders."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.enforcement.models import OrderType

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeadlineForm(forms.Form):
    deadline = forms.DateField(label=_("整改期限"), widget=DATE)


class EmptyForm(forms.Form):
    pass


class RequestReviewForm(forms.Form):
    rectified_on = forms.DateField(label=_("整改完成日期"), widget=DATE)


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("复查日期"), widget=DATE)
    passed = forms.TypedChoiceField(
        label=_("复查结论"),
        choices=[("1", _("复查合格（销号）")), ("0", _("复查不合格"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )


class SuperviseForm(forms.Form):
    supervised_on = forms.DateField(label=_("挂牌督办日期"), widget=DATE)
    supervising_body = forms.CharField(
        label=_("督办单位"), max_length=100, initial=_("南海区安全生产委员会办公室")
    )


class SuspendForm(forms.Form):
    issued_on = forms.DateField(label=_("签发日期"), widget=DATE)


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
