from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerPages, TownFilter, ValuesFilter
from emgov.core.permissions import FIELD_STAFF
from emgov.enterprises.forms import EnterpriseForm
from emgov.enterprises.models import Enterprise


class EnterprisePages(LedgerPages):
    name = "enterprises"
    namespace = "enterprises"
    model = Enterprise
    title = _("企业台账")
    ledger_id = "enterprises"
    form_class = EnterpriseForm
    list_display = ("name", "credit_code", "town", "industry", "risk_level", "is_key", "legal_representative")
    search_fields = ("name", "name_initials", "credit_code", "legal_representative", "address")
    filter_fields = (TownFilter("town"), ValuesFilter("industry"), "risk_level", "is_key")
    select_related = ("town",)
    default_ordering = ("name", "pk")
    edit_roles = FIELD_STAFF
    lookup_field = "credit_code"
    detail_related = (("visits", _("检查记录")), ("penalties", _("行政处罚")))
