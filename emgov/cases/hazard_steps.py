"""立案查处: the step by which an overdue hazard becomes a penalty case. The cases app adds it to the hazard
procedure of enforcement (`enforcement.procedures.HAZARD`), which does not know penalty cases; the
hazard's page and the hazard API (`POST /api/hazards/{pk}/steps/open-case`) take it there.

Whether a hazard already has a case is `services.hazard_case_blocker`, the rule `case_open` itself
applies (a live case blocks another, an archived one too; a voided one does not): the hazard's page
refuses the step for the same reason 立案 would be refused.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from emgov.cases.services import HAZARD_CASE_ARTICLE, case_open, hazard_case_blocker
from emgov.core import audit
from emgov.core.models import AuditAction, User
from emgov.core.permissions import CASE_STAFF
from emgov.core.workflow import Guard, Step
from emgov.enforcement import queries
from emgov.enforcement.models import Hazard
from emgov.enforcement.procedures import HAZARD, OVERDUE_ARTICLE, OWED


def open_case(hazard: Hazard, *, actor: User | None, via: str) -> Hazard:
    """Opens a general-procedure case on the hazard (its 案由 the hazard left unrectified); the hazard
    lists it among its penalty cases and its history names it."""
    case = case_open(actor=actor, hazard=hazard, via=via)
    reason = gettext("立案查处：%(case)s") % {"case": case}
    audit.record(hazard, action=AuditAction.CHANGE, actor=actor, via=via, changes={}, reason=reason)
    hazard.refresh_from_db()
    return hazard


OPEN_CASE = Step(
    "open-case",
    _("立案查处"),
    open_case,
    sources=OWED,
    roles=CASE_STAFF,
    guards=(
        Guard(
            queries.is_overdue,
            _("隐患尚未逾期：整改期限届满仍未整改的，方可立案查处。"),
            OVERDUE_ARTICLE,
            "not_overdue",
        ),
        Guard(
            lambda h: hazard_case_blocker(h) is None,
            _("该隐患已立案，同一违法行为不能重复立案。"),
            HAZARD_CASE_ARTICLE,
            "hazard_case_exists",
        ),
    ),
    confirm=_("按普通程序立案，案由为逾期未整改隐患；立案后在案件页面继续办理。"),
)

HAZARD.register(OPEN_CASE)
