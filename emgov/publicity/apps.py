from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    name = "emgov.publicity"
    label = "publicity"
    verbose_name = _("公开公示")

    def ready(self) -> None:
        from emgov.core import hooks, navigation
        from emgov.core.interchange import registry
        from emgov.core.models import Role
        from emgov.core.permissions import LEGAL_STAFF
        from emgov.publicity import rules  # noqa: F401  (its time limits in the rule table)
        from emgov.publicity.ledgers import DisclosureLedger
        from emgov.publicity.queries import legal_officer_todos, request_todos
        from emgov.publicity.services.due_dates import request_due_dates_recompute
        from emgov.publicity.services.publications import publication_publish, publication_withdraw

        hooks.publish_decision.provide(publication_publish)
        hooks.withdraw_decision.provide(publication_withdraw)
        hooks.recompute_due_dates.register(request_due_dates_recompute)
        registry.register(DisclosureLedger())
        navigation.register("publicity", _("政府信息公开"), "publicity:disclosures-list")
        navigation.register(
            "publicity",
            _("依申请公开"),
            "publicity:requests-list",
            roles={*LEGAL_STAFF, Role.LEADER},
        )
        navigation.register("publicity", _("信息公开统计"), "publicity:statistics")
        navigation.register("publicity", _("公开网站"), "public:disclosures")
        navigation.register_todo(request_todos)
        navigation.register("publicity", _("待公示/逾期未公示"), "publicity:publications-pending")
        navigation.register("publicity", _("双公示记录"), "publicity:publications-list")
        navigation.register("publicity", _("行政处罚公示（公开网站）"), "public:penalties")
        navigation.register_todo(legal_officer_todos)
