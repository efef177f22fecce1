"""Forms of hazards: the ledger's desk form and the forms of the steps of `procedures.HAZARD`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.enforcement.forms.visits import VISIT_REFERENCE
from emgov.enforcement.models import Hazard

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeadlineForm(forms.Form):
    deadline = forms.DateField(label=_("整改期限"), widget=DATE)


class RequestReviewForm(forms.Form):
    rectified_on = forms.DateField(label=_("整改完成日期"), widget=DATE)


class PassedField(forms.TypedChoiceField):
    """复查结论: "1" (合格) or "0" (不合格) from the page; true or false from the API."""

    def to_python(self, value):
        if isinstance(value, bool):
            return "1" if value else "0"
        return super().to_python(value)


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("复查日期"), widget=DATE)
    passed = PassedField(
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
    issued_on = forms.DateField(
        label=_("签发日期"), widget=DATE, required=False, help_text=_("不填写时为今天")
    )


class HazardForm(LedgerForm):
    references = VISIT_REFERENCE

    class Meta:
        model = Hazard
        fields = [
            "number",
            "visit",
            "description",
            "grade",
            "basis",
            "unsafe_until_removed",
            "deadline",
            "rectified_on",
            "reviewed_on",
            "review_result",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "basis": _(
                "重大事故隐患须写明判定标准及其条款，例如《工贸企业重大事故隐患判定标准》第十一条第（一）项"
            )
        }
