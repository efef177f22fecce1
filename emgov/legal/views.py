from django.utils.translation import gettext_lazy as _

from emgov.core.models import Role
from emgov.core.pages import LedgerPages, RelatedFilter, ValuesFilter, YearFilter
from emgov.legal.forms import (
    CounselForm,
    ExamForm,
    LitigationForm,
    NormativeDocumentForm,
    StudySessionForm,
)
from emgov.legal.models import CounselRecord, ExamResult, LitigationCase, NormativeDocument, StudySession

LEGAL_STAFF = frozenset({Role.ADMIN, Role.LEGAL})


class CounselPages(LedgerPages):
    name = "counsel"
    namespace = "legal"
    model = CounselRecord
    title = _("法律顾问")
    ledger_id = "counsel"
    form_class = CounselForm
    list_display = ("number", "kind", "date", "subject", "region")
    search_fields = ("number", "subject")
    filter_fields = ("kind", YearFilter("date"))
    select_related = ("region",)
    default_ordering = ("-date", "-number")
    edit_roles = LEGAL_STAFF


class LitigationPages(LedgerPages):
    name = "litigation"
    namespace = "legal"
    model = LitigationCase
    title = _("行政诉讼与复议")
    ledger_id = "litigation"
    form_class = LitigationForm
    list_display = (
        "number",
        "kind",
        "received_on",
        "cause",
        "counterparty",
        "head_required",
        "head_appeared",
        "result",
    )
    search_fields = ("number", "cause", "counterparty", "result")
    filter_fields = ("kind", "head_required", "head_appeared", YearFilter("received_on"))
    default_ordering = ("-received_on", "-number")
    edit_roles = LEGAL_STAFF


class NormativeDocumentPages(LedgerPages):
    name = "normative-documents"
    namespace = "legal"
    model = NormativeDocument
    title = _("规范性文件")
    ledger_id = "normative-documents"
    form_class = NormativeDocumentForm
    list_display = (
        "number",
        "title",
        "effective_on",
        "valid_until",
        "status",
        "cleanup_result",
        "cleanup_on",
    )
    search_fields = ("number", "title")
    filter_fields = ("status", "cleanup_result", YearFilter("effective_on", label=_("施行年度")))
    default_ordering = ("-effective_on", "-pk")
    edit_roles = LEGAL_STAFF


class StudySessionPages(LedgerPages):
    name = "study-sessions"
    namespace = "legal"
    model = StudySession
    title = _("学法活动")
    ledger_id = "study-sessions"
    form_class = StudySessionForm
    list_display = ("date", "number", "kind", "topic")
    search_fields = ("number", "topic")
    filter_fields = ("kind", YearFilter("date"))
    default_ordering = ("-date", "-pk")
    edit_roles = LEGAL_STAFF


class ExamPages(LedgerPages):
    name = "exams"
    namespace = "legal"
    model = ExamResult
    title = _("执法证考试")
    ledger_id = "exams"
    form_class = ExamForm
    list_display = (
        "officer",
        "year",
        ("officer__certificate_number", _("执法证号")),
        ("officer__department", _("所属部门")),
        "score",
        "passed",
    )
    search_fields = ("officer__name", "officer__certificate_number")
    filter_fields = (
        ValuesFilter("year", newest_first=True),
        "passed",
        RelatedFilter("officer__department", name="department"),
    )
    select_related = ("officer__department",)
    default_ordering = ("-year", "officer__certificate_number")
    edit_roles = LEGAL_STAFF
