from django.utils.translation import gettext_lazy as _

from emgov.core.models import Role
from emgov.core.pages import LedgerPages, ValuesFilter, YearFilter
from emgov.publicity.forms import DisclosureForm
from emgov.publicity.models import DisclosureItem


class DisclosurePages(LedgerPages):
    name = "disclosures"
    namespace = "publicity"
    model = DisclosureItem
    title = _("政府信息公开")
    ledger_id = "disclosures"
    form_class = DisclosureForm
    list_display = ("title", "number", "category", "published_on", "region")
    search_fields = ("number", "title")
    filter_fields = (ValuesFilter("category"), YearFilter("published_on"))
    select_related = ("region",)
    default_ordering = ("-published_on", "-number")
    edit_roles = frozenset({Role.ADMIN, Role.LEGAL})
