from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from emgov.core import rules
from emgov.core.models import (
    Department,
    DocumentNumberTemplate,
    HolidayOverride,
    HolidayYear,
    Officer,
    Region,
    RuleVersion,
    User,
)


class ScopedModelForm(forms.ModelForm):
    """A model form whose choices of related records are limited to what the user may see."""

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset, "visible_to"):
                field.queryset = queryset.visible_to(user)
            if isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"


class RegionForm(ScopedModelForm):
    class Meta:
        model = Region
        fields = ["code", "name", "parent", "level"]


class DepartmentForm(ScopedModelForm):
    class Meta:
        model = Department
        fields = ["short_name", "name", "is_bureau", "credit_code", "region"]


class OfficerForm(ScopedModelForm):
    class Meta:
        model = Officer
        fields = [
            "certificate_number",
            "name",
            "department",
            "valid_until",
            "title",
            "status",
            "legal_qualification_number",
            "user",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(is_active=True).order_by("username")


class HolidayOverrideForm(ScopedModelForm):
    class Meta:
        model = HolidayOverride
        fields = ["date", "is_workday", "note"]


class HolidayYearForm(ScopedModelForm):
    class Meta:
        model = HolidayYear
        fields = ["year", "complete", "notice", "note"]


class DocumentNumberTemplateForm(ScopedModelForm):
    class Meta:
        model = DocumentNumberTemplate
        fields = ["doc_type", "template"]
        help_texts = {"template": _("用 {year} 表示年份、{n} 表示序号，例如（南海）应急罚〔{year}〕{n}号")}


class VoidForm(forms.Form):
    reason = forms.CharField(label=_("作废原因"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("台账文件（.xlsx 或 .csv）"))


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("用户名或密码不正确。"),
        "inactive": _("该账号已停用。"),
    }


class RuleVersionForm(ScopedModelForm):
    class Meta:
        model = RuleVersion
        fields = ["key", "value", "effective_from", "region", "basis", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"] = forms.ChoiceField(
            label=_("规则"),
            choices=[(k, f"{r.label}（{k}）") for k, r in sorted(rules.RULES.items())],
        )
