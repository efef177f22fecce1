"""The common terms of figures.md, "in the year" and "in the region", checked for every dated figure.

Each case builds the smallest record that one figure counts, at a given date and place; the tests then
move that record across the year's edges, into another district, into a town, and void it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import models

from emgov.cases.models import PenaltyCase
from emgov.core.services import record_void
from emgov.enforcement.models import Hazard, Operation, Order, Visit
from emgov.legal.models import CounselRecord, LitigationCase, NormativeDocument, StudySession
from emgov.licensing.models import LicensingCase
from emgov.outreach.models import OutreachActivity
from emgov.publicity.models import DisclosureItem
from emgov.reports.tests import builders as b
from emgov.reports.tests.builders import (
    AS_OF,
    DALIANG,
    GUICHENG,
    JIUJIANG,
    NOWHERE,
    Place,
    day,
    figure,
    records,
)


@dataclass(frozen=True)
class Case:
    """One figure and a record it counts: `make` builds it and returns the record whose voiding removes it."""

    key: str
    make: Callable[[datetime.date, Place], models.Model]
    expect: Callable[[list[Place]], Any] = len  # the figure's value for records made at these places
    placed_by_code: bool = False  # no enterprise: its 区划代码, else the bureau's region, places it

    def __str__(self) -> str:
        return self.key


def times(n: int) -> Callable[[list[Place]], int]:
    return lambda places: n * len(places)


def joint(on: datetime.date, place: Place, *, returns: str = "visit", industry: str = "燃气") -> models.Model:
    operation = b.operation(on)
    visit = b.visit(b.enterprise(place.town, industry), on, department="住建", operation=operation)
    if returns == "operation":
        return Operation.objects.get(number=operation)
    if returns == "hazard":
        return Hazard.objects.get(number=b.hazard(visit))
    if returns == "order":
        return Order.objects.get(number=b.order(visit, on))
    return Visit.objects.get(number=visit)


def bureau_visit(on: datetime.date, place: Place, *, returns: str = "visit") -> models.Model:
    visit = b.visit(b.enterprise(place.town), on)
    if returns == "hazard":
        return Hazard.objects.get(number=b.hazard(visit))
    return Visit.objects.get(number=visit)


def study(on: datetime.date, place: Place) -> models.Model:
    return StudySession.objects.get(number=b.study(on, region=place.code))


def leader_led(on: datetime.date, place: Place) -> models.Model:
    number = b.operation(on, kind="督导检查", leader_level="区领导", region=place.code)
    return Operation.objects.get(number=number)


def published_penalty(on: datetime.date, place: Place) -> models.Model:
    number = b.penalty(on, region=place.code, published_on=on)
    return PenaltyCase.objects.get(decision_number=number)


def decided_penalty(on: datetime.date, place: Place) -> models.Model:
    return PenaltyCase.objects.get(decision_number=b.penalty(on, region=place.code, fine="5000.00"))


def licensing(on: datetime.date, place: Place, *, published: bool = False) -> models.Model:
    number = b.licensing(on, published_on=on if published else None, region=place.code)
    return LicensingCase.objects.get(number=number)


def counsel(kind: str) -> Callable[[datetime.date, Place], models.Model]:
    return lambda on, place: CounselRecord.objects.get(number=b.counsel(on, kind=kind, region=place.code))


def lawsuit(
    *, required: bool = False, appeared: bool = False
) -> Callable[[datetime.date, Place], models.Model]:
    def make(on: datetime.date, place: Place) -> models.Model:
        number = b.litigation(on, head_required=required, head_appeared=appeared, region=place.code)
        return LitigationCase.objects.get(number=number)

    return make


def extended_title(place: Place) -> str:
    return f"佛山市{place.name}安全生产举报奖励办法"


def extended(on: datetime.date, place: Place) -> models.Model:
    return NormativeDocument.objects.get(
        number=b.normative(extended_title(place), cleanup_on=on, region=place.code)
    )


def disclosure(on: datetime.date, place: Place) -> models.Model:
    return DisclosureItem.objects.get(number=b.disclosure(on, region=place.code))


def outreach(kind: str, participants: int, *, safety_month: bool = False):
    def make(on: datetime.date, place: Place) -> models.Model:
        number = b.outreach(
            on, kind=kind, participants=participants, safety_month=safety_month, region=place.code
        )
        return OutreachActivity.objects.get(number=number)

    return make


CASES = [
    Case("study.central_group_sessions", study, placed_by_code=True),
    Case("joint.actions", lambda on, p: joint(on, p, returns="operation")),
    Case("joint.towns_covered", joint, lambda places: len({p.town for p in places})),
    Case("joint.industries", joint, lambda places: ["燃气"] if places else []),
    Case("joint.enterprise_visits", joint),
    Case("joint.hazards_found", lambda on, p: joint(on, p, returns="hazard")),
    Case("joint.enterprises_suspended", lambda on, p: joint(on, p, returns="order")),
    Case(
        "assistance.enterprise_visits",
        lambda on, p: Visit.objects.get(
            number=b.visit(b.enterprise(p.town), on, department="住建", nature="帮扶指导")
        ),
    ),
    Case("supervision.leader_led", leader_led, placed_by_code=True),
    Case("double_publicity.penalty_records", published_penalty, placed_by_code=True),
    Case(
        "double_publicity.licensing_records",
        lambda on, p: licensing(on, p, published=True),
        placed_by_code=True,
    ),
    Case("licensing.cases", licensing, placed_by_code=True),
    Case("counsel.opinions", counsel("法律意见"), placed_by_code=True),
    Case("counsel.contract_reviews", counsel("合同审查"), placed_by_code=True),
    Case("litigation.cases", lawsuit(), placed_by_code=True),
    Case("litigation.head_required", lawsuit(required=True), placed_by_code=True),
    Case("litigation.head_appeared", lawsuit(required=True, appeared=True), placed_by_code=True),
    Case(
        "normative.extended",
        extended,
        lambda places: sorted(map(extended_title, places)),
        placed_by_code=True,
    ),
    Case("disclosure.items", disclosure, placed_by_code=True),
    Case("outreach.online_trainees", outreach("线上培训", 120), times(120), placed_by_code=True),
    Case("outreach.offline_sessions", outreach("线下专场培训", 80), placed_by_code=True),
    Case("outreach.offline_participants", outreach("线下专场培训", 80), times(80), placed_by_code=True),
    Case(
        "outreach.safety_month_online",
        outreach("知识竞赛", 300, safety_month=True),
        times(300),
        placed_by_code=True,
    ),
    Case(
        "outreach.safety_month_audience",
        outreach("集中宣传", 4000, safety_month=True),
        times(4000),
        placed_by_code=True,
    ),
    Case("enforcement.officer_turnouts", bureau_visit, times(2)),
    Case("enforcement.enterprises_inspected", bureau_visit),
    Case("enforcement.inspections", bureau_visit),
    Case("enforcement.hazards_found", lambda on, p: bureau_visit(on, p, returns="hazard")),
    Case("enforcement.penalties", decided_penalty, placed_by_code=True),
    Case("enforcement.fines_yuan", decided_penalty, times(5000), placed_by_code=True),
]
PLACED_BY_CODE = [case for case in CASES if case.placed_by_code]

every_case = pytest.mark.parametrize("case", CASES, ids=str)


# In the year --------------------------------------------------------------------------------------


@every_case
@pytest.mark.parametrize("on", ["2023-01-01", "2023-12-04"], ids=["1_january", "as_of_date"])
def test_record_dated_from_1_january_to_the_as_of_date_counts(districts, case, on):
    case.make(day(on), GUICHENG)
    assert figure(case.key, as_of=AS_OF) == case.expect([GUICHENG])


@every_case
@pytest.mark.parametrize("on", ["2022-12-31", "2023-12-05"], ids=["year_before", "day_after_as_of"])
def test_record_dated_outside_1_january_to_the_as_of_date_does_not_count(districts, case, on):
    case.make(day(on), GUICHENG)
    assert figure(case.key, as_of=AS_OF) == case.expect([])


@every_case
def test_without_as_of_date_the_year_runs_to_31_december(districts, case):
    case.make(day("2023-12-31"), GUICHENG)
    case.make(day("2024-01-01"), GUICHENG)
    assert figure(case.key, year=2023) == case.expect([GUICHENG])
    assert figure(case.key, year=2024) == case.expect([GUICHENG])


# In the region ------------------------------------------------------------------------------------


@every_case
def test_record_of_another_district_counts_only_for_that_district(districts, case):
    case.make(day("2023-06-01"), DALIANG)
    assert figure(case.key, "440605") == case.expect([])
    assert figure(case.key, "440606") == case.expect([DALIANG])


@every_case
def test_city_report_counts_both_districts(districts, case):
    case.make(day("2023-06-01"), GUICHENG)
    case.make(day("2023-06-02"), DALIANG)
    assert figure(case.key, "440600") == case.expect([GUICHENG, DALIANG])
    assert figure(case.key, "440605") == case.expect([GUICHENG])


@every_case
def test_town_report_counts_only_that_town(districts, case):
    case.make(day("2023-06-01"), GUICHENG)
    assert figure(case.key, GUICHENG.code) == case.expect([GUICHENG])
    assert figure(case.key, JIUJIANG.code) == case.expect([])
    assert figure(case.key, "440605") == case.expect([GUICHENG])


@pytest.mark.parametrize("case", PLACED_BY_CODE, ids=str)
def test_record_without_enterprise_or_region_code_counts_where_the_region_contains_the_bureau(
    districts, case
):
    case.make(day("2023-06-01"), NOWHERE)
    assert figure(case.key, "440605") == case.expect([NOWHERE])
    assert figure(case.key, "440600") == case.expect([NOWHERE])
    assert figure(case.key, "440606") == case.expect([])
    assert figure(case.key, GUICHENG.code) == case.expect([])


@pytest.mark.parametrize("case", PLACED_BY_CODE, ids=str)
def test_record_with_the_district_code_itself_counts_for_the_district_not_its_towns(districts, case):
    shunde = Place("顺德", None, "440606")
    case.make(day("2023-06-01"), shunde)
    assert figure(case.key, "440606") == case.expect([shunde])
    assert figure(case.key, DALIANG.code) == case.expect([])


# Voided records -----------------------------------------------------------------------------------


@every_case
def test_voided_record_never_counts(districts, case):
    record = case.make(day("2023-06-01"), GUICHENG)
    kept = case.make(day("2023-06-02"), JIUJIANG)
    record_void(record, actor=districts.admin, reason="录入错误")
    assert figure(case.key) == case.expect([JIUJIANG])
    assert kept.voided_at is None


# Drill-down -------------------------------------------------------------------------------------


@every_case
def test_drill_down_lists_the_records_behind_the_figure(districts, case):
    counted = case.make(day("2023-06-01"), GUICHENG)
    elsewhere = case.make(day("2023-06-01"), DALIANG)
    listed = set(records(case.key).values_list("pk", flat=True))
    assert listed == {counted.pk}
    assert type(counted) is records(case.key).model
    assert elsewhere.pk in set(records(case.key, "440606").values_list("pk", flat=True))


# The bureau's region ------------------------------------------------------------------------------


def clear_bureau_region() -> None:
    b.load(
        "departments",
        {"部门简称": "应急", "部门名称": "佛山市南海区应急管理局", "是否本局": "是", "区划代码": ""},
    )


def test_bureau_without_region_code_falls_back_to_the_only_district(nanhai):
    clear_bureau_region()
    b.study(day("2023-03-01"))
    assert figure("study.central_group_sessions", "440605") == 1
    assert figure("study.central_group_sessions", "440600") == 1
    assert figure("study.central_group_sessions", GUICHENG.code) == 0


def test_bureau_without_region_code_has_no_fallback_when_the_database_holds_two_districts(districts):
    clear_bureau_region()
    b.study(day("2023-03-01"))
    assert figure("study.central_group_sessions", "440606") == 0
    assert figure("study.central_group_sessions", "440605") == 0
