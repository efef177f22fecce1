from django.utils.translation import gettext_lazy as _

from emgov.cases.forms import PenaltyForm
from emgov.cases.models import PenaltyCase
from emgov.core.models import Role
from emgov.core.pages import LedgerPages, PresenceFilter, RelatedFilter, YearFilter
from emgov.enterprises.ledgers import link_enterprise


class PenaltyPages(LedgerPages):
    name = "penalties"
    namespace = "cases"
    model = PenaltyCase
    title = _("行政处罚")
    ledger_id = "penalties"
    form_class = PenaltyForm
    list_display = (
        "decision_number",
        "party_name",
        "filed_on",
        "decided_on",
        "penalty_kinds",
        "fine_amount",
        "department",
        "procedure",
        "published_on",
    )
    search_fields = ("decision_number", "case_number", "party_name", "party_credit_code", "violation")
    filter_fields = (
        "procedure",
        "party_type",
        RelatedFilter("department"),
        YearFilter("decided_on"),
        PresenceFilter("published_on", label=_("双公示"), yes=_("已公示"), no=_("未公示"), name="published"),
    )
    select_related = ("department",)
    default_ordering = ("-decided_on", "-filed_on", "-pk")
    edit_roles = frozenset({Role.ADMIN, Role.LEGAL, Role.OFFICER})
    derived_fields = ("enterprise",)

    def prepare(self, instance: PenaltyCase) -> None:
        link_enterprise(instance)
