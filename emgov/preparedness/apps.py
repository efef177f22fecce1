from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparednessConfig(AppConfig):
    name = "emgov.preparedness"
    label = "preparedness"
    verbose_name = _("应急准备")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.preparedness import ledgers

        registry.register(
            ledgers.EventTypeLedger(),
            ledgers.PlanLedger(),
            ledgers.DrillLedger(),
            ledgers.TeamLedger(),
            ledgers.MaterialLedger(),
        )
        navigation.register("preparedness", _("突发事件类型"), "preparedness:event-types-list")
        navigation.register("preparedness", _("应急预案"), "preparedness:plans-list")
        navigation.register("preparedness", _("应急演练"), "preparedness:drills-list")
        navigation.register("preparedness", _("应急救援队伍"), "preparedness:teams-list")
        navigation.register("preparedness", _("应急物资"), "preparedness:materials-list")
