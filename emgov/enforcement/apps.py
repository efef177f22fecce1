from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "emgov.enforcement"
    label = "enforcement"
    verbose_name = _("执法监管")

    def ready(self) -> None:
        from emgov.core.interchange import registry
        from emgov.enforcement import ledgers

        registry.register(
            ledgers.OperationLedger(), ledgers.VisitLedger(), ledgers.HazardLedger(), ledgers.OrderLedger()
        )
