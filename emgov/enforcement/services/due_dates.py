"""After a 节假日调整: the stored due dates of enforcement orders that follow from the calendar,
recomputed and audited (registered on `core.hooks.recompute_due_dates`).

Only a seizure's term is derived (`orders.seizure_due`, plus an approved extension); a rectification
deadline is the officer's choice and is never recomputed. The seizure term counts natural days, so a
holiday change moves it only if `seizure_due` comes to depend on the working-day calendar.
"""

from __future__ import annotations

import datetime

from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.core.workdays import add_days
from emgov.enforcement.models import Order, OrderType
from emgov.enforcement.services.orders import seizure_due


def order_due_dates_recompute(
    *, actor: User | None, dates: list[datetime.date], reason: str, via: str = VIA_WEB
) -> int:
    """Recompute `due_date` of the live seizures due on or after the first of `dates`; each change is
    written through `record_update` with `reason`. Answers how many changed."""
    orders = (
        Order.objects.filter(voided_at__isnull=True, doc_type=OrderType.SEIZE, due_date__gte=min(dates))
        .select_related("visit__enterprise__town")
        .order_by("pk")
    )
    changed = 0
    for order in orders:
        due = add_days(
            seizure_due(order.issued_on, region=order.visit.enterprise.town), order.extension_days or 0
        )
        if due != order.due_date:
            services.record_update(order, actor=actor, changes={"due_date": due}, via=via, reason=reason)
            changed += 1
    return changed
