from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "emgov.enterprises"
    label = "enterprises"
    verbose_name = _("企业")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.enterprises.ledgers import EnterpriseLedger

        registry.register(EnterpriseLedger())
        navigation.register("enforcement", _("企业台账"), "enterprises:enterprises-list")
