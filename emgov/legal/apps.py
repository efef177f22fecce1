from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "emgov.legal"
    label = "legal"
    verbose_name = _("法制工作")

    def ready(self) -> None:
        from emgov.core.interchange import registry
        from emgov.legal import ledgers

        registry.register(
            ledgers.CounselLedger(),
            ledgers.LitigationLedger(),
            ledgers.NormativeDocumentLedger(),
            ledgers.StudySessionLedger(),
            ledgers.ExamLedger(),
        )
