from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department
from emgov.core.pages import LedgerForm
from emgov.legal.forms.base import DATE_WIDGET, RecordStepForm
from emgov.legal.models import CounselMatter, CounselRecord


class CounselForm(LedgerForm):
    class Meta:
        model = CounselRecord
        fields = [
            "number",
            "kind",
            "matter",
            "date",
            "subject",
            "requesting_department",
            "requester",
            "requested_on",
            "due_on",
            "adviser",
            "opinion",
            "answered_on",
            "region",
        ]


class CounselRequestForm(forms.Form):
    matter = forms.ChoiceField(label=_("事项类别"), choices=CounselMatter.choices)
    requested_on = forms.DateField(label=_("提出日期"), widget=DATE_WIDGET)
    due_on = forms.DateField(label=_("答复期限"), widget=DATE_WIDGET)
    requesting_department = forms.ModelChoiceField(
        label=_("提出部门"), queryset=Department.objects.order_by("short_name"), required=False
    )
    requester = forms.CharField(label=_("提出人"), max_length=50, required=False)


class CounselAnswerForm(RecordStepForm):
    record_fields = ("adviser", "opinion")

    adviser = forms.CharField(label=_("承办法律顾问"), max_length=100)
    opinion = forms.CharField(label=_("意见内容"), widget=forms.Textarea(attrs={"rows": 8}))
    answered_on = forms.DateField(label=_("答复日期"), widget=DATE_WIDGET)
