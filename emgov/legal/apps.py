from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "emgov.legal"
    label = "legal"
    verbose_name = _("法制工作")

    def ready(self) -> None:
        from emgov.core import hooks, navigation
        from emgov.core.interchange import registry
        from emgov.core.permissions import LEGAL_STAFF
        from emgov.legal import ledgers, queries, rules  # noqa: F401  (rules: its time limits in the rule table)

        registry.register(
            ledgers.CounselLedger(),
            ledgers.LitigationLedger(),
            ledgers.NormativeDocumentLedger(),
            ledgers.StudySessionLedger(),
            ledgers.ExamLedger(),
        )
        navigation.register("legal", _("法律顾问"), "legal:counsel-list")
        navigation.register("legal", _("行政诉讼与复议"), "legal:litigation-list")
        navigation.register("legal", _("规范性文件"), "legal:normative-documents-list")
        navigation.register("legal", _("学法活动"), "legal:study-sessions-list")
        navigation.register("legal", _("执法证考试"), "legal:exams-list")
        navigation.register("legal", _("执法证管理"), "legal:officers-list")
        navigation.register("legal", _("出庭应诉统计"), "legal:litigation-summary", roles=LEGAL_STAFF)
        navigation.register("legal", _("考试通过率"), "legal:exams-summary")
        navigation.register("legal", _("学法活动年度情况"), "legal:study-sessions-summary")
        navigation.register_todo(queries.provide_todo)
        from emgov.legal.services.litigation import litigation_due_dates_recompute

        hooks.recompute_due_dates.register(litigation_due_dates_recompute)
