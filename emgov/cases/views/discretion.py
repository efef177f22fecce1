"""The 裁量基准 catalogue pages: every grade of every version; a grade used by a decision is not edited."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from emgov.cases.forms.discretion import DiscretionGradeForm
from emgov.cases.models import DiscretionGrade
from emgov.cases.services import discretion
from emgov.core.models import User
from emgov.core.pages import LedgerPages
from emgov.core.permissions import LEGAL_STAFF


class DiscretionPages(LedgerPages):
    name = "discretion"
    namespace = "cases"
    model = DiscretionGrade
    title = _("裁量基准")
    form_class = DiscretionGradeForm
    list_display = (
        ("item__version__code", _("版本号")),
        ("item__code", _("违法行为编码")),
        ("item__violation", _("违法行为")),
        ("item__legal_basis", _("违反条款")),
        ("item__penalty_basis", _("处罚依据")),
        "circumstance",
        "description",
        "fine_min",
        "fine_max",
    )
    search_fields = ("item__code", "item__violation", "item__penalty_basis")
    filter_fields = ("circumstance",)
    select_related = ("item__version",)
    default_ordering = ("-item__version__effective_from", "item__code", "fine_min")
    edit_roles = LEGAL_STAFF
    detail_related = (("cases", _("适用该裁量基准的案件")),)

    def update(
        self, obj: DiscretionGrade, *, actor: User, changes: dict[str, Any], expected_version: int
    ) -> DiscretionGrade:
        return discretion.discretion_grade_update(obj, actor=actor, changes=changes)
