from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "emgov.enforcement"
    label = "enforcement"
    verbose_name = _("执法监管")

    def ready(self) -> None:
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.core.permissions import FIELD_STAFF, PLANNERS
        from emgov.enforcement import ledgers, rules  # noqa: F401  (rules: its time limits in the rule table)

        registry.register(
            ledgers.OperationLedger(), ledgers.VisitLedger(), ledgers.HazardLedger(), ledgers.OrderLedger()
        )
        navigation.register("enforcement", _("执法行动"), "enforcement:operations-list")
        navigation.register("enforcement", _("现场检查"), "enforcement:visit-record", roles=FIELD_STAFF)
        navigation.register("enforcement", _("检查记录"), "enforcement:visits-list")
        navigation.register("enforcement", _("隐患"), "enforcement:hazards-list")
        navigation.register("enforcement", _("执法文书"), "enforcement:orders-list")
        navigation.register("enforcement", _("挂牌督办隐患"), "enforcement:hazards-supervised")
        from emgov.enforcement.services.reminders import hazard_todo

        navigation.register_todo(hazard_todo)
        from emgov.core import hooks
        from emgov.enforcement.services.due_dates import order_due_dates_recompute

        hooks.recompute_due_dates.register(order_due_dates_recompute)
        navigation.register("basics", _("检查项目录"), "enforcement:checklist-items-list")
        navigation.register("enforcement", _("检查计划"), "enforcement:plans-list")
        navigation.register("enforcement", _("双随机抽查"), "enforcement:draws-list")
        navigation.register("enforcement", _("回避记录"), "enforcement:recusals-list")
        navigation.register("enforcement", _("回头看"), "enforcement:revisits", roles=PLANNERS)
        navigation.register("enforcement", _("“四不两直”月度核查"), "enforcement:monthly-check")
        from emgov.publicity.views.public import register_public_section

        register_public_section("public_enforcement:draws", _("双随机抽查结果"))
