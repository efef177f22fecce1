"""The forms of the preparedness steps (the page and the API validate with the same form)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import Department
from emgov.preparedness.models import CHECKLIST, EvaluationResult, FollowUpKind, RevisionTrigger, WarningLevel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _date(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE, initial=clock.today, **kwargs)


class PlanApproveForm(forms.Form):
    approved_on = _date(_("批准日期"))
    approved_by = forms.CharField(label=_("批准机关"), max_length=100)


class PlanPublishForm(forms.Form):
    published_on = _date(_("发布日期"))


class PlanFileForm(forms.Form):
    filed_on = _date(_("备案日期"))
    filed_with = forms.CharField(label=_("备案机关"), max_length=100, help_text=_("例如：佛山市应急管理局"))


class PlanEvaluateForm(forms.Form):
    evaluated_on = _date(_("评估日期"))
    evaluation_result = forms.ChoiceField(label=_("评估结论"), choices=EvaluationResult.choices)


class PlanReviseForm(forms.Form):
    revision_trigger = forms.ChoiceField(label=_("修订原因"), choices=RevisionTrigger.choices)
    number = forms.CharField(label=_("新版本预案编号"), max_length=80)


class DrillEvaluateForm(forms.Form):
    evaluation = forms.CharField(label=_("演练评估"), widget=forms.Textarea(attrs={"rows": 4}))


class FollowUpForm(forms.Form):
    problem = forms.CharField(label=_("发现的问题"), max_length=500)
    kind = forms.ChoiceField(label=_("整改类型"), choices=FollowUpKind.choices)
    owner = forms.ModelChoiceField(label=_("责任单位"), queryset=Department.objects.all())
    owner_person = forms.CharField(label=_("责任人"), max_length=50)
    due_on = forms.DateField(label=_("整改期限"), widget=DATE)


class FollowUpCloseForm(forms.Form):
    closed_on = _date(_("整改完成日期"))
    closing_note = forms.CharField(label=_("整改情况"), max_length=500)


class StockForm(forms.Form):
    date = _date(_("日期"))
    quantity = forms.DecimalField(label=_("数量"), min_value=0, max_digits=14, decimal_places=2)
    reference = forms.CharField(label=_("单据或用途"), max_length=200, required=False)


class StockCountForm(StockForm):
    quantity = forms.DecimalField(label=_("实盘数量"), min_value=0, max_digits=14, decimal_places=2)


class TeamCheckForm(forms.Form):
    checked_on = _date(_("核查日期"))
    members = forms.IntegerField(label=_("核查人数"), min_value=0)
    equipment = forms.CharField(label=_("主要装备"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ScoreForm(forms.Form):
    """One score and remark per item of the command-post checklist."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label, full in CHECKLIST:
            self.fields[key] = forms.DecimalField(
                label=f"{label}（{full}分）", min_value=0, max_value=full, max_digits=5, decimal_places=1
            )
            self.fields[f"{key}_remark"] = forms.CharField(
                label=_("扣分说明"), max_length=300, required=False
            )


class WarningUpdateForm(forms.Form):
    level = forms.ChoiceField(label=_("预警级别"), choices=WarningLevel.choices)
    area = forms.CharField(label=_("预警区域"), max_length=300)
    expires = forms.DateTimeField(label=_("失效时间"), widget=DATETIME)
    description = forms.CharField(label=_("预警内容"), widget=forms.Textarea(attrs={"rows": 3}))
    measures = forms.CharField(label=_("防御措施"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, record: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if record is not None:
            for name in self.fields:
                self.initial.setdefault(name, getattr(record, name))


class WarningLiftForm(forms.Form):
    lift_reason = forms.CharField(label=_("解除原因"), max_length=300)


class CapUploadForm(forms.Form):
    file = forms.FileField(label=_("CAP 1.2 消息文件（XML）"))
