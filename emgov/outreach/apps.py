from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "emgov.outreach"
    label = "outreach"
    verbose_name = _("普法宣传")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.outreach.ledgers import OutreachLedger

        registry.register(OutreachLedger())
        navigation.register("outreach", _("普法宣传培训"), "outreach:activities-list")
