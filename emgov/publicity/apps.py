from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    name = "emgov.publicity"
    label = "publicity"
    verbose_name = _("公开公示")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.publicity.ledgers import DisclosureLedger

        registry.register(DisclosureLedger())
        navigation.register("publicity", _("政府信息公开"), "publicity:disclosures-list")
