from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "emgov.outreach"
    label = "outreach"
    verbose_name = _("普法宣传")

    def ready(self) -> None:
        from emgov.core.interchange import registry
        from emgov.outreach.ledgers import OutreachLedger

        registry.register(OutreachLedger())
