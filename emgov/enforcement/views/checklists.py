"""The checklist catalogue (检查项目录) of the 令10号 standard, maintained by the system administrator."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerPages
from emgov.core.permissions import ADMINS
from emgov.enforcement.forms.checklists import ChecklistItemForm
from emgov.enforcement.models import ChecklistItem


class ChecklistPages(LedgerPages):
    name = "checklist-items"
    namespace = "enforcement"
    model = ChecklistItem
    title = _("检查项目录")
    form_class = ChecklistItemForm
    list_display = ("article", "part", "industry", "text", "major", "active")
    search_fields = ("article", "industry", "text")
    filter_fields = ("part", "major", "active")
    default_ordering = ("position", "article")
    edit_roles = ADMINS
