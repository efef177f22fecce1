"""After a 节假日调整: the stored due dates of penalty cases that follow from the calendar, recomputed
and audited (registered on `core.hooks.recompute_due_dates`).

- 陈述申辩、听证申请期限: 5 working days from service of the notice (`rules.statement_due`);
- 决定期限: 90 days from filing, moved past a holiday (`rules.decision_limit`), unless an approved
  extension (`DeadlineExtension`) set it — then it is the leader's date and stays.
The payment due date is not recomputed here: a deferral (延期缴纳, 行政处罚法第六十六条) overwrites it
without a record of its own, so a derived date cannot be told from an approved one.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q

from emgov.cases import rules
from emgov.cases.models import PenaltyCase
from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar


def case_due_dates_recompute(
    *, actor: User | None, dates: list[datetime.date], reason: str, via: str = VIA_WEB
) -> int:
    """Recompute the due dates of the live cases due on or after the first of `dates`; each changed
    case is written through `record_update` with `reason`. Answers how many changed."""
    first = min(dates)
    cases = (
        PenaltyCase.objects.filter(voided_at__isnull=True)
        .filter(Q(statement_due_on__gte=first) | Q(decision_due_on__gte=first))
        .select_related("enterprise__town", "visit__enterprise__town", "region", "department__region")
        .prefetch_related("extensions")
        .order_by("pk")
    )
    calendar = WorkdayCalendar()
    changed = 0
    for case in cases:
        changes: dict[str, Any] = {}
        if case.statement_due_on and case.notice_served_on:
            due = rules.statement_due(case, case.notice_served_on, calendar)
            if due != case.statement_due_on:
                changes["statement_due_on"] = due
        extended = any(e.voided_at is None for e in case.extensions.all())
        if case.decision_due_on and case.filed_on and not extended:
            due = rules.decision_limit(case, calendar)
            if due != case.decision_due_on:
                changes["decision_due_on"] = due
        if changes:
            services.record_update(case, actor=actor, changes=changes, via=via, reason=reason)
            changed += 1
    return changed
