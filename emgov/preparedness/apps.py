from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparednessConfig(AppConfig):
    name = "emgov.preparedness"
    label = "preparedness"
    verbose_name = _("应急准备")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.core.permissions import WARNING_ISSUERS
        from emgov.preparedness import ledgers, queries, rules  # noqa: F401  (rules: in the rule table)

        registry.register(
            ledgers.EventTypeLedger(),
            ledgers.PlanLedger(),
            ledgers.DrillLedger(),
            ledgers.TeamLedger(),
            ledgers.MaterialLedger(),
        )
        entries = [
            (_("突发事件类型"), "preparedness:event-types-list", None),
            (_("应对职责矩阵"), "preparedness:matrix", None),
            (_("应急预案"), "preparedness:plans-list", None),
            (_("应急演练"), "preparedness:drills-list", None),
            (_("整改事项"), "preparedness:follow-ups-list", None),
            (_("应急救援队伍"), "preparedness:teams-list", None),
            (_("队员"), "preparedness:team-members-list", None),
            (_("应急物资"), "preparedness:materials-list", None),
            (_("出入库记录"), "preparedness:stock-movements-list", None),
            (_("现场指挥部检查"), "preparedness:command-post-checks-list", None),
            (_("检查镇街对比"), "preparedness:check-comparison", None),
            (_("预警信息"), "preparedness:warnings-list", None),
            (_("导入CAP预警消息"), "preparedness:warnings-cap-upload", WARNING_ISSUERS),
            (_("逾期与预警事项"), "preparedness:overdue", None),
        ]
        for label, url_name, roles in entries:
            navigation.register("preparedness", label, url_name, roles=roles)
        navigation.register_todo(queries.plan_todo)
        navigation.register_todo(queries.resources_todo)
        navigation.register_todo(queries.warning_todo)
        from emgov.publicity.views.public import register_public_section

        register_public_section("public_preparedness:warnings", _("预警信息发布"))
