"""After a 节假日调整: the answer due dates of 依申请公开 requests that may move, recomputed from their
clock (`deadlines.compute_clock`) and audited (registered on `core.hooks.recompute_due_dates`)."""

from __future__ import annotations

import datetime

from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar
from emgov.publicity.models import DisclosureRequest
from emgov.publicity.services.deadlines import compute_clock


def request_due_dates_recompute(
    *, actor: User | None, dates: list[datetime.date], reason: str, via: str = VIA_WEB
) -> int:
    """Recompute `due_on` of the live requests due on or after the first of `dates`; each change is
    written through `record_update` with `reason`. Answers how many changed."""
    calendar = WorkdayCalendar()
    changed = 0
    requests = DisclosureRequest.objects.filter(voided_at__isnull=True, due_on__gte=min(dates)).order_by("pk")
    for request in requests:
        due_on = compute_clock(request, calendar).due_on
        if due_on != request.due_on:
            services.record_update(request, actor=actor, changes={"due_on": due_on}, via=via, reason=reason)
            changed += 1
    return changed
