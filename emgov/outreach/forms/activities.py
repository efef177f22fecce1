from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.outreach.models import OutreachActivity


class OutreachForm(LedgerForm):
    class Meta:
        model = OutreachActivity
        fields = ["number", "kind", "name", "start_date", "participants", "safety_month", "region"]


class AttendanceImportForm(forms.Form):
    file = forms.FileField(label=_("参训名单（Excel：姓名、单位、手机号）"))
