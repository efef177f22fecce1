from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerPages, YearFilter
from emgov.core.permissions import STAFF
from emgov.outreach.forms import OutreachForm
from emgov.outreach.models import OutreachActivity

# Every staff role except the leaders, who read.


class OutreachPages(LedgerPages):
    name = "activities"
    namespace = "outreach"
    model = OutreachActivity
    title = _("普法宣传培训")
    ledger_id = "outreach"
    form_class = OutreachForm
    list_display = ("name", "number", "kind", "start_date", "participants", "safety_month", "region")
    search_fields = ("number", "name")
    filter_fields = ("kind", "safety_month", YearFilter("start_date"))
    select_related = ("region",)
    default_ordering = ("-start_date", "-number")
    edit_roles = STAFF
