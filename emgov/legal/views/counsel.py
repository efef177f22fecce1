from __future__ import annotations

from typing import Any

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.attachments import download_url
from emgov.core.models import User
from emgov.core.pages import LedgerPages, PresenceFilter, YearFilter
from emgov.core.permissions import LEGAL_STAFF
from emgov.legal.forms.counsel import CounselForm
from emgov.legal.models import CounselRecord
from emgov.legal.procedures import COUNSEL
from emgov.legal.views.common import days_note


class CounselPages(LedgerPages):
    name = "counsel"
    namespace = "legal"
    model = CounselRecord
    title = gettext_lazy("法律顾问")
    ledger_id = "counsel"
    form_class = CounselForm
    list_display = ("number", "kind", "matter", "date", "subject", "due_on", "answered_on", "region")
    search_fields = ("number", "subject", "requester", "adviser")
    filter_fields = (
        "kind",
        "matter",
        YearFilter("date"),
        PresenceFilter(
            "answered_on",
            label=gettext_lazy("答复"),
            yes=gettext_lazy("已答复"),
            no=gettext_lazy("未答复"),
            name="answered",
        ),
    )
    select_related = ("region",)
    default_ordering = ("-date", "-number")
    edit_roles = LEGAL_STAFF
    procedure = COUNSEL

    def related_sections(self, obj: CounselRecord, user: User) -> list[dict[str, Any]]:
        today = clock.today()
        items = [
            {"text": _("答复期限：%(d)s") % {"d": days_note(obj.due_on, today)}, "url": None}
            if obj.is_open()
            else {"text": _("已于%(d)s答复") % {"d": obj.answered_on}, "url": None},
        ]
        items += [
            {
                "text": _("附件：%(n)s（%(s)s）") % {"n": a.original_name, "s": filesizeformat(a.size)},
                "url": download_url(a),
            }
            for a in obj.attachments.all()
        ]
        return [
            {"title": _("答复与附件"), "items": items, "more": False},
            *super().related_sections(obj, user),
        ]
