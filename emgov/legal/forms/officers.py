from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.models import User
from emgov.core.pages import LedgerForm
from emgov.legal.models import ExamResult


class ExamForm(LedgerForm):
    class Meta:
        model = ExamResult
        fields = ["year", "officer", "score", "passed"]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["officer"].queryset = self.fields["officer"].queryset.select_related("department")


class CertificateReasonForm(forms.Form):
    """暂扣、注销或恢复执法证: the reason goes into the officer's history."""

    reason = forms.CharField(label=_("原因"), max_length=400, widget=forms.Textarea(attrs={"rows": 3}))
