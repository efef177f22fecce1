from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.reports.narrative import placeholder_errors


class NarrativeForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(
        label=_("正文"),
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false"}),
        help_text=_("每段一行；“一、”开头的行为一级标题，“（一）”开头且无句号的行为二级标题。"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def _clean_placeholders(self, name: str) -> str:
        value = self.cleaned_data[name]
        errors = placeholder_errors(value)
        if errors:
            raise forms.ValidationError(errors, code="template_invalid")
        return value

    def clean_title(self) -> str:
        return self._clean_placeholders("title")

    def clean_body(self) -> str:
        return self._clean_placeholders("body")
