"""The inspection tallies: equal to the records' counts for every region, kept after a write by any path
(a form, an import, a bulk update), and set aside for a date their lines cannot answer."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from emgov.cases.models import PenaltyCase
from emgov.core.models import Department, Officer, Region
from emgov.enforcement.models import Hazard, HazardStatus, Operation, Visit
from emgov.enterprises.models import Enterprise
from emgov.reports import tallies, tally_triggers
from emgov.reports.annual import build_report, figure_for, previous_scope
from emgov.reports.checks import STATEMENTS
from emgov.reports.figures import Scope
from emgov.reports.models import MonthTally, TallyChange, TallySumChange
from emgov.reports.tests.builders import (
    DALIANG,
    day,
    enterprise,
    figure,
    operation,
    order,
    penalty,
    visit,
)
from emgov.reports.tests.dashboard_fixtures import hazard, records_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2023, 12, 4)


def checked(region: str = "440605", as_of: datetime.date = TODAY) -> tallies.Totals:
    """The region's totals read from the tallies, after asserting they equal a count of the records."""
    found = tallies.totals(Scope.of(year=2023, region_code=region, as_of=as_of))
    assert found == tallies.counted(Scope.of(year=2023, region_code=region, as_of=as_of))
    return found


def test_the_tallies_equal_the_records_in_every_region(records):
    assert TallyChange.objects.exists()  # the fixture's imports marked their places
    for code in Region.objects.values_list("code", flat=True):
        checked(code)
    assert not TallyChange.objects.exists()
    assert MonthTally.objects.filter(year=2023).exists()
    nanhai = checked()
    assert (nanhai.inspections, nanhai.enterprises, nanhai.hazards) == (3, 3, 3)
    assert nanhai.inspections == figure("enforcement.inspections", as_of=TODAY)
    assert nanhai.officers == figure("enforcement.officer_turnouts", as_of=TODAY)


def test_places_recounted_a_few_at_a_time_give_the_same_lines(records, monkeypatch):
    monkeypatch.setattr(tallies, "REFRESH_BATCH", 2)
    assert TallyChange.objects.count() > 2
    for code in ("440605", "440605121", DALIANG.code[:6]):
        checked(code)
    assert not TallyChange.objects.exists()


def test_writes_by_any_path_are_counted_at_the_next_read(records):
    before = checked()
    number = visit(enterprise("九江镇", "危化"), day("2023-08-01"))  # an import
    assert checked().inspections == before.inspections + 1
    assert checked().industries["危化"]["visits"] == 1
    # Bulk updates that no model method sees: voiding, closing a hazard, an enterprise's industry.
    Visit.objects.filter(number=number).update(voided_at=timezone.now())
    assert checked().inspections == before.inspections
    Hazard.objects.filter(number="YH-OVERDUE").update(
        status=HazardStatus.CLOSED, reviewed_on=day("2023-11-01")
    )
    after = checked()
    assert after.months[11]["closed"] == before.months.get(11, {}).get("closed", 0) + 1
    assert after.found(status=HazardStatus.CLOSED) == before.found(status=HazardStatus.CLOSED) + 1
    Enterprise.objects.filter(industry="燃气").update(industry="燃气经营")
    assert "燃气" not in checked().industries and checked().industries["燃气经营"]["visits"] == 2
    penalty(day("2023-09-05"), party_type="法人", party_code=enterprise("九江镇"), fine="1500")
    assert checked().decisions == before.decisions + 1
    assert checked().fines == before.fines + 1500
    PenaltyCase.objects.filter(fine_amount=1500).update(fine_amount=2500, published_on=day("2023-09-10"))
    assert (checked().fines, checked().published) == (before.fines + 2500, before.published + 1)
    assert checked().months[9]["decisions"] == before.months.get(9, {}).get("decisions", 0) + 1


def test_an_officers_expired_certificate_and_the_bureau_are_counted_again(records):
    before = checked()
    Officer.objects.update(valid_until=datetime.date(2000, 1, 1))
    assert checked().officers == 0 < before.officers
    bureau = Department.objects.get(is_bureau=True)
    Department.objects.filter(pk=bureau.pk).update(is_bureau=False)
    assert checked().inspections == 0
    Department.objects.filter(pk=bureau.pk).update(is_bureau=True)
    assert checked().inspections == before.inspections


def test_a_district_city_and_province_read_their_summed_lines_which_follow_the_region_tree(records):
    checked()
    nanhai, shunde = (Region.objects.get(code=code) for code in ("440605", DALIANG.code[:6]))
    summed = set(MonthTally.objects.filter(summed=True).values_list("place__code", flat=True))
    assert summed == {"440605"}  # the others are summed when they are read
    assert set(TallySumChange.objects.values_list("region_key", flat=True)) >= {
        Region.objects.get(code=code).pk for code in ("440000", "440600", shunde.code)
    }
    for code in ("440000", "440600", shunde.code):
        checked(code)
    summed = set(MonthTally.objects.filter(summed=True).values_list("place__code", flat=True))
    assert {"440000", "440600", "440605", shunde.code} <= summed
    assert not MonthTally.objects.filter(summed=True, place__level="镇街").exists()
    before = {code: checked(code) for code in ("440605", shunde.code, "440600")}
    jiujiang = Region.objects.get(code="440605121")
    moved = shunde.path + jiujiang.path.removeprefix(nanhai.path)
    Region.objects.filter(pk=jiujiang.pk).update(path=moved)  # 九江镇 now under 顺德区
    after = {code: checked(code) for code in ("440605", shunde.code, "440600")}
    gone = before["440605"].inspections - after["440605"].inspections
    assert gone > 0 and after[shunde.code].inspections == before[shunde.code].inspections + gone
    # The city's totals stay; its breakdown by district follows the town into 顺德区.
    assert replace(after["440600"], towns={}) == replace(before["440600"], towns={})
    assert after["440600"].towns["顺德区"]["visits"] == before["440600"].towns["顺德区"]["visits"] + gone
    assert after["440600"].towns["南海区"]["visits"] == before["440600"].towns["南海区"]["visits"] - gone


def test_a_day_within_a_month_counts_that_months_later_records_out(records):
    tallies.refresh()
    for as_of, inspections in ((datetime.date(2023, 6, 30), 2), (datetime.date(2023, 3, 15), 1)):
        found = checked(as_of=as_of)
        assert found.inspections == figure("enforcement.inspections", as_of=as_of) == inspections
        assert found.enterprises == figure("enforcement.enterprises_inspected", as_of=as_of)
        assert set(found.months) <= set(range(1, as_of.month + 1))


def test_the_as_of_months_days_are_counted_once_until_the_next_write(records):
    as_of = datetime.date(2023, 7, 4)  # 九江镇 has a visit on 5 July: July's lines count a later day
    first = checked(as_of=as_of)
    scope = Scope.of(year=2023, region_code="440605", as_of=as_of)
    with CaptureQueriesContext(connection) as again:
        assert tallies.totals(scope) == first
    assert not [q for q in again.captured_queries if "enforcement_visit" in q["sql"]]
    visit(enterprise("桂城街道"), day("2023-07-02"))
    assert checked(as_of=as_of).inspections == first.inspections + 1
    assert checked(as_of=as_of).months[7]["visits"] == first.months[7]["visits"] + 1


def test_an_enterprise_inspected_in_several_months_is_counted_once(records):
    gas = Visit.objects.get(enterprise__town__name="九江镇", date=day("2023-07-05")).enterprise.credit_code
    visit(gas, day("2023-09-01"))
    visit(gas, day("2023-09-01"))
    found = checked()
    assert found.inspections == 5 and found.enterprises == 3
    assert found.months[9]["visits"] == 2


def test_a_joint_operation_across_towns_and_districts_is_counted_once_in_each_region(records):
    crossing = operation(day("2023-05-08"))
    reached = (("桂城街道", "燃气", "应急"), ("九江镇", "危化", "住建"), (DALIANG.town, "纺织", "应急"))
    for town, industry, department in reached:
        found = visit(
            enterprise(town, industry), day("2023-05-09"), operation=crossing, department=department
        )
    hazard(found, "YH-JOINT-1")
    order(found, day("2023-05-10"))
    order(found, day("2023-05-11"))  # the same enterprise twice: counted once
    visit(enterprise("九江镇"), day("2023-06-02"), operation=operation(day("2023-06-01")))
    nanhai, jiujiang, shunde = checked(), checked("440605121"), checked(DALIANG.code[:6])
    assert (nanhai.operations, nanhai.joint_visits, len(nanhai.joint_towns)) == (2, 3, 2)
    assert (jiujiang.operations, shunde.operations) == (2, 1)
    assert nanhai.operations == figure("joint.actions", as_of=TODAY)
    assert (nanhai.joint_industries, nanhai.joint_departments) == ({"燃气", "危化", "工贸"}, {"应急", "住建"})
    assert sorted(nanhai.joint_industries) == figure("joint.industries", as_of=TODAY)
    assert (
        (nanhai.joint_hazards, shunde.joint_hazards)
        == (0, 1)
        == (
            figure("joint.hazards_found", as_of=TODAY),
            figure("joint.hazards_found", DALIANG.code[:6], as_of=TODAY),
        )
    )
    assert (nanhai.joint_suspended, shunde.joint_suspended) == (0, 1)
    assert figure("joint.enterprises_suspended", DALIANG.code[:6], as_of=TODAY) == 1
    Operation.objects.filter(number=crossing).update(voided_at=timezone.now())
    assert checked().operations == 1 and not checked(DALIANG.code[:6]).operations
    assert checked(DALIANG.code[:6]).joint_suspended == 0
    # The enterprise ordered to suspend again in July: counted from its first order of the year left.
    again = Visit.objects.get(number=found).enterprise.credit_code
    order(visit(again, day("2023-07-03"), operation=operation(day("2023-07-03"))), day("2023-07-04"))
    assert checked(DALIANG.code[:6]).joint_suspended == 1
    assert checked(DALIANG.code[:6], as_of=day("2023-07-02")).joint_suspended == 0
    Operation.objects.filter(number=crossing).update(voided_at=None)  # May's and July's: one enterprise
    assert checked(DALIANG.code[:6]).joint_suspended == 1
    assert checked(DALIANG.code[:6], as_of=day("2023-07-02")).joint_suspended == 1


def test_a_reports_tallied_figures_equal_those_counted_from_the_records(records):
    visit(enterprise("九江镇", "危化"), day("2022-03-01"))  # last year's, for 同比
    body = "".join(f"{{{{{key}}}}}" for key in sorted(tallies.TALLIED))
    for as_of in (TODAY, datetime.date(2023, 3, 15)):
        report = build_report(
            Scope.of(year=2023, region_code="440605", as_of=as_of), compare=True, title="t", body=body
        )
        for key in tallies.TALLIED:
            scope = Scope.of(year=2023, region_code="440605", as_of=as_of)
            assert report.values[key] == figure_for(key).value(scope), key
            if key not in STATEMENTS:  # words, not compared with last year's
                assert report.previous[key] == figure_for(key).value(previous_scope(scope)), key
    assert report.previous["enforcement.inspections"] == 1


def test_every_counted_table_has_its_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    expected = tally_triggers.trigger_names()
    assert len(expected) == 24
    assert expected <= present
