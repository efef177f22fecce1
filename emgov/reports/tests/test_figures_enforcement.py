"""The bureau's own enforcement (enforcement.*, assistance.*) and its penalties (double_publicity.*)."""

from __future__ import annotations

import pytest

from emgov.cases.models import PenaltyCase
from emgov.core.services import record_void
from emgov.enforcement.models import Visit
from emgov.reports.tests import builders as b
from emgov.reports.tests.builders import BUREAU_OFFICERS, OTHER_OFFICERS, day, figure, figures

ENFORCEMENT = (
    "enforcement.officer_turnouts",
    "enforcement.enterprises_inspected",
    "enforcement.inspections",
    "enforcement.hazards_found",
)


def enforcement_figures(region: str = "440605") -> dict[str, int]:
    values = figures(region)
    return {key: values[key] for key in ENFORCEMENT}


# Visits -------------------------------------------------------------------------------------------


def test_officer_turnouts_sum_the_officers_on_each_visit(districts):
    company = b.enterprise()
    b.visit(company, day("2023-03-01"), officers=BUREAU_OFFICERS[:2])
    b.visit(company, day("2023-03-02"), officers=BUREAU_OFFICERS)
    assert figure("enforcement.officer_turnouts") == 5
    assert figure("enforcement.inspections") == 2


def test_officer_whose_certificate_expired_before_the_visit_does_not_count(districts):
    visit_day = day("2023-06-01")
    b.visit(b.enterprise(), visit_day, officers=BUREAU_OFFICERS)
    # The certificates are corrected afterwards: one expired the day before, one on the visit day itself.
    b.load(
        "officers",
        {
            "执法证号": BUREAU_OFFICERS[1],
            "姓名": "执法员二",
            "所属部门": "应急",
            "证件有效期至": "2023-06-01",
        },
        {
            "执法证号": BUREAU_OFFICERS[2],
            "姓名": "执法员三",
            "所属部门": "应急",
            "证件有效期至": "2023-05-31",
        },
    )
    assert figure("enforcement.officer_turnouts") == 2
    assert figure("enforcement.inspections") == 1


def test_other_departments_enforcement_visits_do_not_count_for_the_bureau(districts):
    company = b.enterprise()
    for department in ("住建", "消防", "环保"):
        b.hazard(b.visit(company, day("2023-04-01"), department=department, officers=OTHER_OFFICERS))
    assert enforcement_figures() == dict.fromkeys(ENFORCEMENT, 0)


def test_other_departments_visit_with_an_expired_officer_counts_nowhere(districts):
    b.load(
        "officers",
        {"执法证号": "ZJ009", "姓名": "住建过期", "所属部门": "住建", "证件有效期至": "2022-12-31"},
    )
    b.visit(b.enterprise(), day("2023-04-01"), department="住建", officers=("ZJ009", OTHER_OFFICERS[0]))
    assert figure("enforcement.officer_turnouts") == 0
    assert figure("enforcement.inspections") == 0


@pytest.mark.parametrize("nature", ["帮扶指导", "督导检查"])
def test_bureau_visits_that_are_not_enforcement_inspections_do_not_count(districts, nature):
    b.hazard(b.visit(b.enterprise(), day("2023-04-01"), nature=nature, officers=BUREAU_OFFICERS[:1]))
    assert enforcement_figures() == dict.fromkeys(ENFORCEMENT, 0)


def test_enterprises_inspected_counts_each_enterprise_once(districts):
    first, second = b.enterprise(), b.enterprise(industry="危险化学品")
    b.visit(first, day("2023-02-01"))
    b.visit(first, day("2023-09-01"))
    b.visit(second, day("2023-09-01"))
    assert figure("enforcement.enterprises_inspected") == 2
    assert figure("enforcement.inspections") == 3


def test_hazards_count_per_hazard_and_not_on_a_voided_visit(districts):
    company = b.enterprise()
    kept = b.visit(company, day("2023-05-01"))
    voided = b.visit(company, day("2023-05-02"))
    b.hazard(kept)
    b.hazard(kept)
    b.hazard(voided)
    record_void(Visit.objects.get(number=voided), actor=districts.admin, reason="重复录入")
    assert figure("enforcement.hazards_found") == 2
    assert figure("enforcement.inspections") == 1


def test_assistance_counts_visits_of_nature_assistance_of_any_department(districts):
    company = b.enterprise()
    b.visit(company, day("2023-05-01"), nature="帮扶指导", officers=BUREAU_OFFICERS[:1])
    b.visit(company, day("2023-05-02"), department="住建", nature="帮扶指导")
    b.visit(company, day("2023-05-03"), nature="督导检查")
    b.visit(company, day("2023-05-04"))
    assert figure("assistance.enterprise_visits") == 2


def test_assistance_visit_counts_for_the_town_of_its_enterprise(districts):
    b.visit(b.enterprise("九江镇"), day("2023-05-01"), department="住建", nature="帮扶指导")
    assert figure("assistance.enterprise_visits", "440605121") == 1
    assert figure("assistance.enterprise_visits", "440605011") == 0


# Penalties ----------------------------------------------------------------------------------------


def test_penalties_of_other_departments_do_not_count(districts):
    b.penalty(day("2023-05-01"), department="住建", published_on=day("2023-05-06"))
    b.penalty(day("2023-05-01"), department="市场监管", region="440605")
    assert figure("enforcement.penalties") == 0
    assert figure("enforcement.fines_yuan") == 0
    assert figure("double_publicity.penalty_records") == 0


def test_penalty_of_an_enterprise_is_placed_by_its_town_before_its_region_code(districts):
    shunde_company = b.enterprise("大良街道")
    b.penalty(day("2023-05-01"), party_type="法人", party_code=shunde_company, region="440605")
    assert figure("enforcement.penalties", "440605") == 0
    assert figure("enforcement.penalties", "440606") == 1


def test_penalty_of_a_company_missing_from_the_register_follows_its_region_code(districts):
    unregistered = b.credit_code(999_999, "440606")
    b.penalty(day("2023-05-01"), party_type="法人", party_code=unregistered, region="440606")
    assert figure("enforcement.penalties", "440605") == 0
    assert figure("enforcement.penalties", "440606") == 1


def test_natural_person_penalty_is_placed_through_the_enterprise_of_its_visit(districts):
    visit = b.visit(b.enterprise("大良街道"), day("2023-04-20"))
    b.penalty(day("2023-05-01"), visit_number=visit, region="440605")
    assert figure("enforcement.penalties", "440605") == 0
    assert figure("enforcement.penalties", "440606") == 1
    assert figure("enforcement.penalties", "440606101") == 1


def test_natural_person_penalty_without_visit_follows_its_region_code_then_the_bureau(districts):
    b.penalty(day("2023-05-01"), region="440606", fine="200")
    b.penalty(day("2023-05-02"), region="440605121", fine="300")
    b.penalty(day("2023-05-03"), fine="500")
    assert figure("enforcement.fines_yuan", "440606") == 200
    assert figure("enforcement.fines_yuan", "440605") == 800
    assert figure("enforcement.fines_yuan", "440605121") == 300
    assert figure("enforcement.fines_yuan", "440600") == 1000
    assert PenaltyCase.objects.filter(enterprise__isnull=True, visit__isnull=True).count() == 3


def test_fines_add_up_to_the_fen_and_penalties_without_fine_still_count(districts):
    b.penalty(day("2023-05-01"), fine="1234.56")
    b.penalty(day("2023-05-02"), fine="100")
    b.penalty(day("2023-05-03"), kinds="警告")
    assert figure("enforcement.penalties") == 3
    assert figure("enforcement.fines_yuan") == pytest.approx(1334.56)


def test_whole_yuan_fines_are_an_integer(districts):
    b.penalty(day("2023-05-01"), fine="20000.00")
    b.penalty(day("2023-05-02"), fine="320000")
    assert figure("enforcement.fines_yuan") == 340000
    assert isinstance(figure("enforcement.fines_yuan"), int)


def test_decision_of_last_year_published_this_year_counts_as_published_only(districts):
    b.penalty(day("2022-12-28"), published_on=day("2023-01-05"))
    assert figure("double_publicity.penalty_records") == 1
    assert figure("enforcement.penalties") == 0


def test_decision_not_yet_published_counts_as_decided_only(districts):
    b.penalty(day("2023-11-30"))
    b.penalty(day("2023-11-30"), published_on=day("2023-12-06"))
    assert figure("enforcement.penalties", as_of=day("2023-12-04")) == 2
    assert figure("double_publicity.penalty_records", as_of=day("2023-12-04")) == 0
    assert figure("double_publicity.penalty_records") == 1
