from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.legal.forms.base import DATE_WIDGET
from emgov.legal.models import CleanupResult, NormativeDocument


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
