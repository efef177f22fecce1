from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "emgov.outreach"
    label = "outreach"
    verbose_name = _("普法宣传")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.core.permissions import STAFF
        from emgov.outreach.ledgers import OutreachLedger

        registry.register(OutreachLedger())
        navigation.register("outreach", _("普法宣传培训"), "outreach:activities-list")
        navigation.register("outreach", _("竞赛题库"), "outreach:questions-list")
        navigation.register("outreach", _("从 Excel 导入题目"), "outreach:questions-import-bank", roles=STAFF)
        navigation.register("outreach", _("在线知识竞赛"), "outreach:competitions-list")
        navigation.register("outreach", _("竞赛奖品发放"), "outreach:prizes-list")
