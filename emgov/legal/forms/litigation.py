from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.legal.forms.base import DATE_WIDGET, RecordStepForm
from emgov.legal.models import LitigationCase

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


class ServiceForm(forms.Form):
    served_on = forms.DateField(
        label=_("送达日期"), widget=DATE_WIDGET, help_text=_("起诉状或行政复议申请书副本送达本局的日期")
    )
    body = forms.CharField(
        label=_("审理机关"), max_length=100, required=False, help_text=_("人民法院或行政复议机关")
    )


class DefenceForm(forms.Form):
    defence_filed_on = forms.DateField(
        label=_("答辩提交日期"), widget=DATE_WIDGET, help_text=_("答辩状（行政复议答复书）及证据提交的日期")
    )


class AppearanceForm(RecordStepForm):
    record_fields = ("head_appeared", "staff_appeared", "appeared_name", "appeared_position")

    hearing_on = forms.DateField(label=_("开庭日期"), required=False, widget=DATE_WIDGET)
    head_appeared = forms.BooleanField(label=_("负责人实际出庭"), required=False)
    staff_appeared = forms.BooleanField(
        label=_("其他工作人员出庭"), required=False, help_text=_("负责人未出庭，由其他工作人员出庭应诉")
    )
    appeared_name = forms.CharField(label=_("出庭人员姓名"), max_length=50, required=False)
    appeared_position = forms.CharField(label=_("出庭人员职务"), max_length=100, required=False)
