"""Forms of the planning side: plans, their targets, draws, recusals and 回头看 rounds."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import Department, Region, RegionLevel, User
from emgov.core.pages import LedgerForm
from emgov.enforcement.models import InspectionPlan, Recusal
from emgov.enforcement.queries import DEFAULT_REVISIT_INDUSTRY
from emgov.enterprises.models import RiskLevel


def visible_towns(user: User):
    return Region.objects.visible_to(user).filter(level=RegionLevel.TOWN).order_by("code")


class PlanForm(LedgerForm):
    class Meta:
        model = InspectionPlan
        fields = ["number", "name", "period", "year", "month", "department", "notes", "region"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"month": _("月度计划填写，年度计划留空")}

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("year", clock.today().year)
            self.initial.setdefault("department", Department.objects.filter(is_bureau=True).first())


class _Filters(forms.Form):
    """Town, industry and risk level: the slice of enterprises a target or a draw is about."""

    town = forms.ModelChoiceField(label=_("镇街"), queryset=Region.objects.none(), required=False)
    industry = forms.CharField(label=_("行业类别"), max_length=50, required=False)
    risk_level = forms.ChoiceField(
        label=_("风险等级"), choices=[("", _("全部"))] + list(RiskLevel.choices), required=False
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = visible_towns(user)
        self.fields["town"].empty_label = _("全部镇街")


class TargetForm(_Filters):
    count = forms.IntegerField(label=_("计划检查企业数"), min_value=1)


class DrawForm(_Filters):
    size = forms.IntegerField(label=_("抽取企业数"), min_value=1)
    drawn_on = forms.DateField(
        label=_("抽取日期"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )


class PublishForm(forms.Form):
    published_on = forms.DateField(
        label=_("公布日期"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        required=False,
        help_text=_("不填写时为今天"),
    )


class RecusalForm(LedgerForm):
    references = {
        "enterprise": ("credit_code", "enterprises:enterprises-lookup"),
    }

    class Meta:
        model = Recusal
        fields = ["officer", "enterprise", "reason"]


class RevisitForm(forms.Form):
    year = forms.IntegerField(label=_("上一年度"), min_value=2000, max_value=2100)
    industry = forms.CharField(label=_("行业类别"), max_length=50, initial=DEFAULT_REVISIT_INDUSTRY)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("year", clock.today().year - 1)


class RevisitCreateForm(RevisitForm):
    number = forms.CharField(label=_("行动编号"), max_length=50)
    name = forms.CharField(label=_("行动名称"), max_length=200, required=False)
    start_date = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].widget = forms.HiddenInput()
        self.fields["industry"].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        year, start = cleaned.get("year"), cleaned.get("start_date")
        if year and start and start < datetime.date(year + 1, 1, 1):
            self.add_error("start_date", _("回头看行动应在%(y)s年或以后开始") % {"y": year + 1})
        return cleaned
