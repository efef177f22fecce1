from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LicensingConfig(AppConfig):
    name = "emgov.licensing"
    label = "licensing"
    verbose_name = _("行政许可")

    def ready(self) -> None:
        from emgov.core import hooks, navigation
        from emgov.core.interchange import registry
        from emgov.licensing import rules  # noqa: F401  (declares the rules the page 法定期限与规则 lists)
        from emgov.licensing.ledgers import LicensingLedger
        from emgov.licensing.queries import legal_officer_todos
        from emgov.licensing.services import due_dates_recompute

        registry.register(LicensingLedger())
        navigation.register("legal", _("行政许可"), "licensing:licensing-list")
        navigation.register("legal", _("许可事项清单"), "licensing:items-list")
        navigation.register_todo(legal_officer_todos)
        hooks.recompute_due_dates.register(due_dates_recompute)
