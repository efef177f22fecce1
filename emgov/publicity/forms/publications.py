"""The forms of 双公示: publishing a decision (the pending list's row) and withdrawing its publication."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PublishForm(forms.Form):
    published_on = forms.DateField(label=_("公示日期"), required=False)


class WithdrawForm(forms.Form):
    withdraw_reason = forms.CharField(
        label=_("撤销公示原因"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    withdrawn_on = forms.DateField(label=_("撤销公示日期"), required=False)
