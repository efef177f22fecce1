from django.utils.translation import gettext_lazy as _

from emgov.core.models import Role
from emgov.core.pages import LedgerPages, PresenceFilter, YearFilter
from emgov.enterprises.ledgers import link_enterprise
from emgov.licensing.forms import LicensingForm
from emgov.licensing.models import LicensingCase


class LicensingPages(LedgerPages):
    name = "licensing"
    namespace = "licensing"
    model = LicensingCase
    title = _("行政许可")
    ledger_id = "licensing"
    form_class = LicensingForm
    list_display = (
        "number",
        "item_name",
        "category",
        "applicant",
        "accepted_on",
        "decided_on",
        "result",
        "published_on",
    )
    search_fields = ("number", "item_name", "applicant", "credit_code")
    filter_fields = (
        "category",
        "result",
        YearFilter("accepted_on"),
        PresenceFilter("published_on", label=_("双公示"), yes=_("已公示"), no=_("未公示"), name="published"),
    )
    default_ordering = ("-accepted_on", "-number")
    edit_roles = frozenset({Role.ADMIN, Role.LEGAL})
    derived_fields = ("enterprise",)

    def prepare(self, instance: LicensingCase) -> None:
        link_enterprise(instance, "credit_code")
