"""The problems section's checks count what a leader would call late."""

from __future__ import annotations

import datetime

from emgov.cases.models import PenaltyCase
from emgov.reports.checks import CHECKS
from emgov.reports.figures import Scope
from emgov.reports.tests import builders as b


def set_dates(number: str, filed: str, decided: str, due: str | None = None) -> None:
    PenaltyCase.objects.filter(decision_number=number).update(
        filed_on=b.day(filed),
        decided_on=b.day(decided),
        decision_due_on=b.day(due) if due else None,
    )


def test_decisions_past_their_limit_follow_an_approved_extension(districts):
    on_time = b.penalty(b.day("2023-06-01"))
    set_dates(on_time, "2023-03-10", "2023-06-01")  # day 83
    imported_late = b.penalty(b.day("2023-07-01"))
    set_dates(imported_late, "2023-03-10", "2023-07-01")  # day 113, no recorded limit
    extended = b.penalty(b.day("2023-07-02"))
    set_dates(extended, "2023-03-10", "2023-07-02", due="2023-07-08")  # extended with approval
    beyond_extension = b.penalty(b.day("2023-07-20"))
    set_dates(beyond_extension, "2023-03-10", "2023-07-20", due="2023-07-08")

    check = CHECKS["problems.decisions_past_limit"]
    scope = Scope.of(year=2023, region_code="440605", as_of=datetime.date(2023, 12, 31))
    late = check.records(scope)
    assert sorted(late.values_list("decision_number", flat=True)) == sorted([imported_late, beyond_extension])
    assert check.value(scope) == 2
