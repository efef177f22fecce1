"""Joint enforcement (joint.*) and supervision (supervision.*): figures over operations and their visits."""

from __future__ import annotations

from emgov.core.services import record_void
from emgov.enforcement.models import Operation, Order, Visit
from emgov.reports.tests import builders as b
from emgov.reports.tests.builders import day, figure, figures

JOINT = (
    "joint.actions",
    "joint.towns_covered",
    "joint.industries",
    "joint.enterprise_visits",
    "joint.hazards_found",
    "joint.enterprises_suspended",
)
NO_JOINT = {
    "joint.actions": 0,
    "joint.towns_covered": 0,
    "joint.industries": [],
    "joint.enterprise_visits": 0,
    "joint.hazards_found": 0,
    "joint.enterprises_suspended": 0,
}
TOWNS = ["桂城街道", "九江镇", "西樵镇", "丹灶镇", "狮山镇", "大沥镇", "里水镇"]


def joint_figures(region: str = "440605") -> dict[str, object]:
    values = figures(region)
    return {key: values[key] for key in JOINT}


# Joint enforcement --------------------------------------------------------------------------------


def test_joint_operation_counts_its_visits_of_every_department_and_nature(districts):
    operation = b.operation(day("2023-03-01"))
    company = b.enterprise()
    on = day("2023-03-01")
    b.visit(company, on, operation=operation)
    b.visit(company, on, department="住建", nature="帮扶指导", operation=operation)
    b.visit(company, on, department="消防", nature="督导检查", operation=operation)
    b.visit(company, on, department="环保", operation=operation)
    assert figure("joint.actions") == 1
    assert figure("joint.enterprise_visits") == 4


def test_operations_of_other_kinds_are_not_joint_actions(districts):
    on = day("2023-03-01")
    for kind in ("督导检查", "专项整治", "回头看"):
        visit = b.visit(b.enterprise(), on, operation=b.operation(on, kind=kind))
        b.hazard(visit)
        b.order(visit, on)
    assert joint_figures() == NO_JOINT


def test_visits_outside_any_operation_are_not_joint(districts):
    visit = b.visit(b.enterprise(), day("2023-03-01"))
    b.hazard(visit)
    b.order(visit, day("2023-03-01"))
    assert joint_figures() == NO_JOINT


def test_joint_operation_whose_visits_are_all_in_another_district_does_not_count(districts):
    on = day("2023-03-01")
    operation = b.operation(on, region="440605")
    for _ in range(2):
        b.hazard(b.visit(b.enterprise("大良街道"), on, department="住建", operation=operation))
    assert joint_figures("440605") == NO_JOINT
    assert figure("joint.actions", "440606") == 1
    assert figure("joint.enterprise_visits", "440606") == 2
    assert figure("joint.hazards_found", "440606") == 2


def test_joint_operation_across_two_districts_counts_each_district_its_own_visits(districts):
    on = day("2023-03-01")
    operation = b.operation(on)
    b.visit(b.enterprise("桂城街道", "燃气"), on, operation=operation)
    b.visit(b.enterprise("大良街道", "建筑施工"), on, department="住建", operation=operation)
    b.visit(b.enterprise("大良街道", "纺织制衣"), on, department="住建", operation=operation)
    assert joint_figures("440605") == {
        "joint.actions": 1,
        "joint.towns_covered": 1,
        "joint.industries": ["燃气"],
        "joint.enterprise_visits": 1,
        "joint.hazards_found": 0,
        "joint.enterprises_suspended": 0,
    }
    shunde, city = joint_figures("440606"), joint_figures("440600")
    assert (shunde["joint.actions"], shunde["joint.enterprise_visits"], shunde["joint.towns_covered"]) == (
        1,
        2,
        1,
    )
    assert shunde["joint.industries"] == sorted(["建筑施工", "纺织制衣"])
    assert (city["joint.actions"], city["joint.enterprise_visits"], city["joint.towns_covered"]) == (1, 3, 2)


def test_joint_operation_without_visits_is_not_a_joint_action(districts):
    b.operation(day("2023-03-01"), region="440605")
    b.operation(day("2023-03-02"), region="440605011")
    b.operation(day("2023-03-03"))
    for region in ("440605", "440605011", "440600"):
        assert figure("joint.actions", region) == 0


def test_joint_operation_whose_only_visit_is_voided_is_not_a_joint_action(districts):
    on = day("2023-03-01")
    visit = b.visit(b.enterprise(), on, operation=b.operation(on, region="440605"))
    record_void(Visit.objects.get(number=visit), actor=districts.admin, reason="录入错误")
    assert joint_figures() == NO_JOINT


def test_joint_operation_in_the_year_brings_its_visits_of_the_next_days(districts):
    operation = b.operation(day("2023-12-04"))
    b.visit(b.enterprise(), day("2023-12-04"), operation=operation)
    b.visit(b.enterprise(), day("2023-12-06"), operation=operation)
    assert figure("joint.actions", as_of=day("2023-12-04")) == 1
    assert figure("joint.enterprise_visits", as_of=day("2023-12-04")) == 2


def test_joint_towns_are_distinct_towns_of_the_visited_enterprises(districts):
    on = day("2023-05-10")
    first, second = b.operation(on), b.operation(on)
    b.visit(b.enterprise("桂城街道"), on, operation=first)
    b.visit(b.enterprise("桂城街道"), on, operation=first)
    b.visit(b.enterprise("九江镇"), on, operation=second)
    b.visit(b.enterprise("桂城街道"), on, operation=second)
    assert figure("joint.towns_covered") == 2
    assert figure("joint.towns_covered", "440605121") == 1
    assert figure("joint.actions", "440605121") == 1


def test_joint_industries_are_a_sorted_list_without_repeats(districts):
    on = day("2023-05-10")
    operation = b.operation(on)
    for industry in ("燃气", "村级工业园", "燃气", "建筑施工", "人员密集场所"):
        b.visit(b.enterprise("西樵镇", industry), on, operation=operation)
    b.visit(b.enterprise("西樵镇", "危险化学品"), on, operation=b.operation(on, kind="专项整治"))
    assert figure("joint.industries") == sorted(["人员密集场所", "建筑施工", "村级工业园", "燃气"])


def test_enterprise_suspended_twice_counts_once(districts):
    on = day("2023-07-01")
    operation = b.operation(on)
    twice = b.enterprise()
    b.order(b.visit(twice, on, operation=operation), on)
    b.order(b.visit(twice, day("2023-07-08"), operation=operation), day("2023-07-08"))
    b.order(b.visit(b.enterprise(), on, operation=operation), on, doc_type="责令限期整改指令书")
    voided = b.order(b.visit(b.enterprise(), on, operation=operation), on)
    record_void(Order.objects.get(number=voided), actor=districts.admin, reason="文书作废")
    b.order(b.visit(b.enterprise(), on), on)
    assert figure("joint.enterprises_suspended") == 1
    assert figure("joint.enterprise_visits") == 4


def test_two_suspension_orders_on_one_visit_count_one_enterprise(districts):
    on = day("2023-07-01")
    visit = b.visit(b.enterprise(), on, operation=b.operation(on))
    b.order(visit, on)
    b.order(visit, day("2023-07-02"))
    assert figure("joint.enterprises_suspended") == 1


def test_voided_joint_operation_takes_its_visits_out(districts):
    on = day("2023-07-01")
    operation = b.operation(on)
    b.hazard(b.visit(b.enterprise(), on, operation=operation))
    record_void(Operation.objects.get(number=operation), actor=districts.admin, reason="重复录入")
    assert joint_figures() == NO_JOINT


# Supervision led by district leaders --------------------------------------------------------------


def test_leader_led_counts_supervision_led_by_district_leaders_only(districts):
    on = day("2023-04-01")
    b.operation(on, kind="督导检查", leader_level="区领导")
    b.operation(on, kind="督导检查", leader_level="局领导")
    b.operation(on, kind="督导检查")
    b.operation(on, kind="联合执法", leader_level="区领导")
    b.operation(on, kind="回头看", leader_level="区领导")
    assert figure("supervision.leader_led") == 1


def test_leader_led_supervision_with_visits_is_placed_by_its_visits_not_its_region_code(districts):
    on = day("2023-04-01")
    operation = b.operation(on, kind="督导检查", leader_level="区领导", region="440605")
    b.visit(b.enterprise("大良街道"), on, nature="督导检查", operation=operation, officers=())
    assert figure("supervision.leader_led", "440605") == 0
    assert figure("supervision.leader_led", "440606") == 1


# 四不两直 months ----------------------------------------------------------------------------------


def unannounced(on: str, towns: list[str], *, enterprises_per_town: int = 1, region: str = "") -> str:
    """A 四不两直 supervision trip starting on `on` that visits enterprises in these towns."""
    operation = b.operation(day(on), kind="督导检查", unannounced=True, region=region)
    for town in towns:
        for _ in range(enterprises_per_town):
            b.visit(b.enterprise(town), day(on), nature="督导检查", operation=operation, officers=())
    return operation


def met_month(month: int, year: int = 2023) -> None:
    unannounced(f"{year}-{month:02d}-03", TOWNS[:4])
    unannounced(f"{year}-{month:02d}-17", TOWNS[4:])


def test_month_with_two_trips_of_three_enterprises_covering_every_town_is_listed(districts):
    met_month(1)
    assert figure("supervision.unannounced_months") == [1]


def test_month_with_a_single_trip_is_not_listed(districts):
    unannounced("2023-02-10", TOWNS)
    met_month(3)
    assert figure("supervision.unannounced_months") == [3]


def test_month_where_one_trip_visits_only_two_distinct_enterprises_is_not_listed(districts):
    unannounced("2023-04-03", TOWNS)
    operation = b.operation(day("2023-04-20"), kind="督导检查", unannounced=True)
    first, second = b.enterprise("九江镇"), b.enterprise("西樵镇")
    for company, on in [(first, "2023-04-20"), (first, "2023-04-21"), (second, "2023-04-21")]:
        b.visit(company, day(on), nature="督导检查", operation=operation, officers=())
    met_month(5)
    assert figure("supervision.unannounced_months") == [5]


def test_month_whose_trips_miss_one_town_is_not_listed(districts):
    unannounced("2023-06-05", TOWNS[:3])
    unannounced("2023-06-19", TOWNS[3:6])
    met_month(7)
    assert figure("supervision.unannounced_months") == [7]


def test_only_unannounced_operations_count_towards_a_month(districts):
    unannounced("2023-08-05", TOWNS)
    operation = b.operation(day("2023-08-19"), kind="督导检查")
    for town in TOWNS[:3]:
        b.visit(b.enterprise(town), day("2023-08-19"), nature="督导检查", operation=operation, officers=())
    assert figure("supervision.unannounced_months") == []


def test_a_voided_visit_can_leave_a_trip_short(districts):
    met_month(9)
    operation = Operation.objects.get(start_date=day("2023-09-03"))
    record_void(operation.visits.first(), actor=districts.admin, reason="录入错误")
    assert figure("supervision.unannounced_months") == []


def test_trips_of_december_of_the_year_before_do_not_make_december(districts):
    met_month(12, year=2022)
    assert figure("supervision.unannounced_months") == []
    assert figure("supervision.unannounced_months", year=2022) == [12]


def test_months_after_the_as_of_month_are_not_listed(districts):
    met_month(10)
    met_month(11)
    assert figure("supervision.unannounced_months", as_of=day("2023-10-31")) == [10]
    assert figure("supervision.unannounced_months") == [10, 11]


def test_as_of_month_counts_only_trips_up_to_the_as_of_date(districts):
    unannounced("2023-12-01", TOWNS[:4])
    unannounced("2023-12-05", TOWNS[4:])
    assert figure("supervision.unannounced_months", as_of=day("2023-12-04")) == []
    assert figure("supervision.unannounced_months") == [12]


def test_town_report_needs_only_that_town_covered(districts):
    unannounced("2023-03-03", ["九江镇"], enterprises_per_town=3)
    unannounced("2023-03-20", ["九江镇"], enterprises_per_town=3)
    assert figure("supervision.unannounced_months", "440605121") == [3]
    assert figure("supervision.unannounced_months", "440605") == []


def test_another_district_trips_do_not_cover_this_district(districts):
    unannounced("2023-03-03", ["大良街道"], enterprises_per_town=3)
    unannounced("2023-03-20", ["大良街道"], enterprises_per_town=3)
    met_month(4)
    assert figure("supervision.unannounced_months", "440606") == [3]
    assert figure("supervision.unannounced_months", "440605") == [4]
    assert figure("supervision.unannounced_months", "440600") == []


def test_city_month_needs_every_town_of_both_districts(districts):
    met_month(5)
    unannounced("2023-05-24", ["大良街道"], enterprises_per_town=3)
    assert figure("supervision.unannounced_months", "440600") == [5]
    assert figure("supervision.unannounced_months", "440605") == [5]
    assert figure("supervision.unannounced_months", "440606") == []
