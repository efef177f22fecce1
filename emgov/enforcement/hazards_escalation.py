"""Escalation of an overdue hazard (逾期未改): with one step, a penalty case (立案, 安全生产法第一百零二条)
or a suspension order (责令停产停业整顿)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.enforcement import hazards_queries as queries
from emgov.enforcement.hazards import require_scope
from emgov.enforcement.models import Hazard, OrderType
from emgov.enforcement.orders import order_issue


def _require_overdue(hazard: Hazard, step: str) -> None:
    if not queries.is_overdue(hazard):
        raise ValidationError(
            _("隐患%(number)s未逾期，不能执行“%(step)s”。") % {"number": hazard.number, "step": step},
            code="not_overdue",
        )


def case_service() -> Callable[..., Any] | None:
    """The penalty app's `case_open`, when it is installed."""
    try:
        from emgov.cases.services import case_open
    except ImportError:
        return None
    return case_open


def hazard_open_case(hazard: Hazard, *, actor: User | None, via: str = VIA_WEB) -> Any:
    """逾期未改 → 立案: opens a penalty case on the overdue hazard."""
    require_scope(hazard, actor)
    _require_overdue(hazard, _("转立案处罚"))
    case_open = case_service()
    if case_open is None:
        raise ValidationError(_("行政处罚立案功能尚未启用。"), code="unavailable")
    return case_open(actor=actor, hazard=hazard, via=via)


def open_case_of(hazard: Hazard) -> Any:
    """The penalty case already opened on the hazard and not voided, if any."""
    related = getattr(hazard, "penalties", None)
    return related.filter(voided_at__isnull=True).first() if related is not None else None


def hazard_suspend(
    hazard: Hazard, *, actor: User | None, issued_on: datetime.date | None = None, via: str = VIA_WEB
) -> Any:
    """逾期未改 → 责令停产停业整顿 on the overdue hazard, numbered and issued at once."""
    require_scope(hazard, actor)
    _require_overdue(hazard, _("责令停产停业整顿"))
    return order_issue(
        actor=actor,
        visit=hazard.visit,
        doc_type=OrderType.SUSPEND,
        hazards=[hazard],
        issued_on=issued_on or timezone.localdate(),
        via=via,
    )
