from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparednessConfig(AppConfig):
    name = "emgov.preparedness"
    label = "preparedness"
    verbose_name = _("应急准备")

    def ready(self) -> None:
        from emgov.core.interchange import registry
        from emgov.preparedness import ledgers

        registry.register(
            ledgers.EventTypeLedger(),
            ledgers.PlanLedger(),
            ledgers.DrillLedger(),
            ledgers.TeamLedger(),
            ledgers.MaterialLedger(),
        )
