from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "emgov.enforcement"
    label = "enforcement"
    verbose_name = _("执法监管")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.enforcement import ledgers

        registry.register(
            ledgers.OperationLedger(), ledgers.VisitLedger(), ledgers.HazardLedger(), ledgers.OrderLedger()
        )
        navigation.register("enforcement", _("执法行动"), "enforcement:operations-list")
        navigation.register("enforcement", _("检查记录"), "enforcement:visits-list")
        navigation.register("enforcement", _("隐患"), "enforcement:hazards-list")
        navigation.register("enforcement", _("执法文书"), "enforcement:orders-list")
