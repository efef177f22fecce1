from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.models import User
from emgov.core.pages import LedgerForm
from emgov.legal.models import (
    ATTACHMENT_EXTENSIONS,
    CleanupResult,
    CounselRecord,
    ExamResult,
    LitigationCase,
    NormativeDocument,
    StudySession,
)
from emgov.legal.services import CERTIFICATE_STEPS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LIST_SEPARATORS = ("；", ";", "、", ",", "，")


class DateListField(forms.CharField):
    """Dates typed in one box, separated by ；, 、 or a comma; kept as a sorted list of ISO dates."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "；".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value) or ""
        for sep in LIST_SEPARATORS[1:]:
            text = text.replace(sep, LIST_SEPARATORS[0])
        days = []
        for part in filter(None, (p.strip() for p in text.split(LIST_SEPARATORS[0]))):
            try:
                days.append(datetime.date.fromisoformat(part.replace("/", "-")).isoformat())
            except ValueError as exc:
                raise forms.ValidationError(
                    _("开庭日期“%(v)s”不是YYYY-MM-DD格式的日期"), params={"v": part}, code="invalid"
                ) from exc
        return sorted(set(days))


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


class CounselAnswerForm(forms.Form):
    adviser = forms.CharField(label=_("承办法律顾问"), max_length=100)
    opinion = forms.CharField(label=_("意见内容"), widget=forms.Textarea(attrs={"rows": 8}))
    answered_on = forms.DateField(label=_("答复日期"), widget=DATE_WIDGET)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("附件"),
        help_text=_("接受 %(kinds)s 文件") % {"kinds": "、".join(ATTACHMENT_EXTENSIONS)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ATTACHMENT_EXTENSIONS)}),
    )


class LitigationForm(LedgerForm):
    hearing_dates = DateListField(
        label=_("开庭日期"),
        required=False,
        help_text=_("可填多个日期，用“；”分隔，如 2023-10-09；2023-11-02"),
    )

    class Meta:
        model = LitigationCase
        fields = [
            "number",
            "kind",
            "body",
            "received_on",
            "served_on",
            "defence_filed_on",
            "cause",
            "counterparty",
            "hearing_dates",
            "head_required",
            "head_appeared",
            "staff_appeared",
            "appeared_name",
            "appeared_position",
            "result",
            "result_on",
            "region",
        ]


class AppearanceForm(forms.Form):
    hearing_on = forms.DateField(label=_("开庭日期"), required=False, widget=DATE_WIDGET)
    head_appeared = forms.BooleanField(label=_("负责人实际出庭"), required=False)
    staff_appeared = forms.BooleanField(
        label=_("其他工作人员出庭"), required=False, help_text=_("负责人未出庭，由其他工作人员出庭应诉")
    )
    appeared_name = forms.CharField(label=_("出庭人员姓名"), max_length=50, required=False)
    appeared_position = forms.CharField(label=_("出庭人员职务"), max_length=100, required=False)


class NormativeDocumentForm(LedgerForm):
    class Meta:
        model = NormativeDocument
        fields = [
            "number",
            "title",
            "effective_on",
            "valid_until",
            "status",
            "cleanup_result",
            "cleanup_on",
            "region",
        ]
        help_texts = {"title": _("不带书名号《》")}


class CleanUpForm(forms.Form):
    cleanup_result = forms.ChoiceField(label=_("清理结果"), choices=CleanupResult.choices)
    cleanup_on = forms.DateField(label=_("清理日期"), widget=DATE_WIDGET)
    valid_until = forms.DateField(
        label=_("新的有效期至"), required=False, widget=DATE_WIDGET, help_text=_("延期保留时必填")
    )


class CertificateStepForm(forms.Form):
    step = forms.ChoiceField(
        label=_("操作"), choices=[(k, label) for k, (_s, _from, label) in CERTIFICATE_STEPS.items()]
    )
    reason = forms.CharField(label=_("原因"), max_length=400, widget=forms.Textarea(attrs={"rows": 3}))


class StudySessionForm(LedgerForm):
    class Meta:
        model = StudySession
        fields = [
            "number",
            "kind",
            "date",
            "topic",
            "speaker",
            "duration_hours",
            "attendance",
            "attendees",
            "region",
        ]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["attendees"].queryset = User.objects.filter(is_active=True).order_by("username")
        self.fields["attendees"].required = False


class ExamForm(LedgerForm):
    class Meta:
        model = ExamResult
        fields = ["year", "officer", "score", "passed"]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["officer"].queryset = self.fields["officer"].queryset.select_related("department")
