from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LicensingConfig(AppConfig):
    name = "emgov.licensing"
    label = "licensing"
    verbose_name = _("行政许可")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.licensing.ledgers import LicensingLedger

        registry.register(LicensingLedger())
        navigation.register("legal", _("行政许可"), "licensing:licensing-list")
