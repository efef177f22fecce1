from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "emgov.cases"
    label = "cases"
    verbose_name = _("行政处罚")

    def ready(self) -> None:
        from emgov.cases.ledgers import PenaltyLedger
        from emgov.cases.queries import case_todos
        from emgov.core import navigation
        from emgov.core.interchange import registry
        from emgov.core.permissions import CASE_STAFF

        registry.register(PenaltyLedger())
        navigation.register("cases", _("行政处罚"), "cases:penalties-list")
        navigation.register("cases", _("立案"), "cases:penalties-open", roles=CASE_STAFF)
        navigation.register("cases", _("裁量基准"), "cases:discretion-list")
        navigation.register_todo(case_todos)
        from emgov.cases.services.due_dates import case_due_dates_recompute
        from emgov.core import hooks

        hooks.recompute_due_dates.register(case_due_dates_recompute)
        import emgov.cases.hazard_steps  # noqa: F401  (adds 立案查处 to the hazard procedure)
        import emgov.cases.rules  # noqa: F401  (declares the case rules for 法定期限与规则)
