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


def test_overdue_hazards_are_the_regions_found_by_the_as_of_date(districts):
    from emgov.enforcement.models import Hazard

    as_of = datetime.date(2023, 6, 30)
    overdue = b.hazard(b.visit(b.enterprise(), b.day("2023-03-01")))
    rectified = b.hazard(b.visit(b.enterprise(), b.day("2023-03-02")))
    found_later = b.hazard(b.visit(b.enterprise(), b.day("2023-07-10")))
    elsewhere = b.hazard(b.visit(b.enterprise(b.DALIANG.town), b.day("2023-03-03")))
    Hazard.objects.filter(number__in=[overdue, rectified, found_later, elsewhere]).update(
        deadline=datetime.date(2023, 4, 1)
    )
    Hazard.objects.filter(number=rectified).update(rectified_on=datetime.date(2023, 3, 30))

    check = CHECKS["problems.hazards_overdue"]
    scope = Scope.of(year=2023, region_code="440605", as_of=as_of)
    assert list(check.records(scope).values_list("number", flat=True)) == [overdue]
    shunde = Scope.of(year=2023, region_code="440606", as_of=as_of)
    assert list(check.records(shunde).values_list("number", flat=True)) == [elsewhere]
