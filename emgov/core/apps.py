from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "emgov.core"
    label = "core"
    verbose_name = _("基础数据")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from emgov.core import ledgers, navigation, tokens
        from emgov.core.models.places import re_place_after_save

        navigation.register_core()
        ledgers.register()
        tokens.connect()
        post_save.connect(re_place_after_save, dispatch_uid="emgov.core.re_place")
