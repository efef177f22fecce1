from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "emgov.core"
    label = "core"
    verbose_name = _("基础数据")

    def ready(self) -> None:
        from emgov.core import ledgers, navigation, tokens

        navigation.register_core()
        ledgers.register()
        tokens.connect()
