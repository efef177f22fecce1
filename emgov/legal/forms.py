from typing import Any

from django.utils.translation import gettext_lazy as _

from emgov.core.models import User
from emgov.core.pages import LedgerForm
from emgov.legal.models import CounselRecord, ExamResult, LitigationCase, NormativeDocument, StudySession


class CounselForm(LedgerForm):
    class Meta:
        model = CounselRecord
        fields = ["number", "kind", "date", "subject", "region"]


class LitigationForm(LedgerForm):
    class Meta:
        model = LitigationCase
        fields = [
            "number",
            "kind",
            "received_on",
            "cause",
            "counterparty",
            "head_required",
            "head_appeared",
            "result",
            "region",
        ]


class NormativeDocumentForm(LedgerForm):
    class Meta:
        model = NormativeDocument
        fields = [
            "number",
            "title",
            "effective_on",
            "valid_until",
            "status",
            "cleanup_result",
            "cleanup_on",
            "region",
        ]
        help_texts = {"title": _("不带书名号《》")}


class StudySessionForm(LedgerForm):
    class Meta:
        model = StudySession
        fields = ["number", "kind", "date", "topic", "region"]


class ExamForm(LedgerForm):
    class Meta:
        model = ExamResult
        fields = ["year", "officer", "score", "passed"]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["officer"].queryset = self.fields["officer"].queryset.select_related("department")
