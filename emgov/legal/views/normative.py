from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.models import User
from emgov.core.pages import LedgerPages, YearFilter
from emgov.core.permissions import LEGAL_STAFF
from emgov.legal.forms.normative import NormativeDocumentForm
from emgov.legal.models import NormativeDocument
from emgov.legal.procedures import NORMATIVE_DOCUMENT
from emgov.legal.views.common import days_note


class NormativeDocumentPages(LedgerPages):
    name = "normative-documents"
    namespace = "legal"
    model = NormativeDocument
    title = gettext_lazy("规范性文件")
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
    filter_fields = ("status", "cleanup_result", YearFilter("effective_on", label=gettext_lazy("施行年度")))
    default_ordering = ("-effective_on", "-pk")
    edit_roles = LEGAL_STAFF
    procedure = NORMATIVE_DOCUMENT

    def related_sections(self, obj: NormativeDocument, user: User) -> list[dict[str, Any]]:
        today = clock.today()
        if obj.evaluation_due is None:
            text = _("未填写有效期至，无法计算评估期限")
        elif obj.evaluation_pending(today):
            text = _("评估期限：%(d)s，待评估清理") % {"d": days_note(obj.evaluation_due, today)}
        else:
            text = _("评估期限：%(d)s（有效期至前180天）") % {"d": obj.evaluation_due}
        return [
            {"title": _("评估与清理"), "items": [{"text": text, "url": None}], "more": False},
            *super().related_sections(obj, user),
        ]
