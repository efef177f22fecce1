from emgov.core.pages import LedgerForm
from emgov.outreach.models import OutreachActivity


class OutreachForm(LedgerForm):
    class Meta:
        model = OutreachActivity
        fields = ["number", "kind", "name", "start_date", "participants", "safety_month", "region"]
