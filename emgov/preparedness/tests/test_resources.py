"""Drill frequency of towns and high-risk units, follow-ups, stock movements and alerts, team checks,
command-post checks and their town comparison."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.core import services
from emgov.core.navigation import todo_for
from emgov.enforcement.tests.phone import enterprise
from emgov.preparedness import queries
from emgov.preparedness.models import CommandPostCheck, FollowUp, MovementKind
from emgov.preparedness.procedures import CHECK, DRILL, FOLLOW_UP, MATERIAL, TEAM
from emgov.preparedness.tests.factories import dept, drill, material, team

D = datetime.date


def test_a_town_without_a_drill_in_two_years_is_overdue(nanhai):
    drill("YL-1", D(2022, 3, 1), region=nanhai.guicheng)
    drill("YL-2", D(2020, 3, 1), region=nanhai.jiujiang)
    overdue = {d.record.name for d in queries.towns_undrilled(nanhai.district_officer, D(2023, 6, 1))}
    assert "九江镇" in overdue and "桂城街道" not in overdue
    assert [d.record.name for d in queries.towns_undrilled(nanhai.guicheng_officer, D(2023, 6, 1))] == []


def test_a_high_risk_unit_without_a_drill_in_six_months_is_overdue(nanhai):
    chemical = enterprise(nanhai.guicheng, 1, "桂城化工有限公司", industry="危险化学品")
    trade = enterprise(nanhai.guicheng, 2, "桂城五金有限公司", industry="工贸")
    drill("YL-1", D(2022, 10, 1), region=nanhai.guicheng, enterprise=chemical)
    drill("YL-2", D(2022, 10, 1), region=nanhai.guicheng, enterprise=trade)
    assert [d.record for d in queries.enterprises_undrilled(nanhai.district_officer, D(2023, 6, 1))] == [
        chemical
    ]
    drill("YL-3", D(2023, 3, 1), region=nanhai.guicheng, enterprise=chemical)
    assert queries.enterprises_undrilled(nanhai.district_officer, D(2023, 6, 1)) == []


def test_each_problem_of_a_drill_becomes_a_follow_up_with_owner_and_deadline(nanhai):
    officer = nanhai.district_officer
    held = drill("YL-1", D(2023, 5, 1), region=nanhai.guicheng)
    DRILL.take("evaluate", held, actor=officer, evaluation="响应迅速，通信保障不足。")
    problem = {
        "problem": "卫星电话无法接通",
        "kind": "装备物资",
        "owner": dept("应急"),
        "owner_person": "李科长",
    }
    with pytest.raises(ValidationError, match="整改期限不能早于"):
        DRILL.take("problem", held, actor=officer, due_on=D(2023, 4, 1), **problem)
    DRILL.take("problem", held, actor=officer, due_on=D(2023, 6, 30), **problem)
    follow_up = FollowUp.objects.get()
    assert follow_up.drill == held and follow_up.owner_person == "李科长"
    todo = [i for i in todo_for(officer, D(2023, 7, 5)) if i.kind == "演练与检查整改事项"]
    assert todo and todo[0].overdue
    assert (
        nanhai.client_for(nanhai.jiujiang_officer)
        .get(f"/preparedness/follow-ups/{follow_up.pk}/")
        .status_code
        == 404
    )
    FOLLOW_UP.take("close", follow_up, actor=officer, closed_on=D(2023, 6, 20), closing_note="已更换")
    assert not queries.follow_ups_open(officer, D(2023, 7, 5)).exists()


def test_stock_in_and_out_keep_a_running_balance_and_out_cannot_exceed_it(nanhai):
    officer = nanhai.guicheng_officer
    stock = material(nanhai.guicheng, quantity="100")
    stock = MATERIAL.take(
        "stock_in", stock, actor=officer, date=D(2023, 5, 1), quantity=Decimal(50), reference="采购"
    )
    stock = MATERIAL.take(
        "stock_out", stock, actor=officer, date=D(2023, 5, 2), quantity=Decimal(30), reference="台风"
    )
    with pytest.raises(ValidationError, match="超过结存120"):
        MATERIAL.take(
            "stock_out", stock, actor=officer, date=D(2023, 5, 3), quantity=Decimal(500), reference=""
        )
    with pytest.raises(ValidationError, match="不能早于"):
        MATERIAL.take("stock_in", stock, actor=officer, date=D(2023, 4, 1), quantity=Decimal(1), reference="")
    assert [m.balance for m in stock.movements.all()] == [150, 120]
    assert stock.quantity == 120


def test_a_stock_take_records_the_difference(nanhai):
    stock = material(nanhai.guicheng, quantity="100")
    stock = MATERIAL.take(
        "stock_count",
        stock,
        actor=nanhai.guicheng_officer,
        date=D(2023, 6, 1),
        quantity=Decimal(97),
        reference="年中盘点",
    )
    movement = stock.movements.get()
    assert movement.kind == MovementKind.COUNT and movement.difference == -3 and stock.quantity == 97
    page = (
        nanhai.client_for(nanhai.guicheng_officer)
        .get(f"/preparedness/materials/{stock.pk}/")
        .content.decode()
    )
    assert "盘点差异-3" in page


def test_stock_below_minimum_and_expired_are_alerted(nanhai):
    short = material(nanhai.guicheng, quantity="10", minimum="50", number="WZ-1")
    expired = material(nanhai.guicheng, quantity="10", valid_until=D(2023, 5, 1), number="WZ-2")
    soon = material(nanhai.guicheng, quantity="10", valid_until=D(2023, 6, 20), number="WZ-3")
    material(nanhai.guicheng, quantity="10", valid_until=D(2024, 6, 20), number="WZ-4")
    officer = nanhai.guicheng_officer
    assert list(queries.materials_below_minimum(officer)) == [short]
    assert list(queries.materials_expiring(officer, D(2023, 6, 1))) == [expired, soon]
    kinds = {i.kind: i for i in todo_for(officer, D(2023, 6, 1))}
    assert kinds["应急物资储备"].overdue and "1项" in kinds["应急物资储备"].title
    assert "2项" in kinds["应急物资到期"].title
    assert list(queries.materials_below_minimum(nanhai.jiujiang_officer)) == []


def test_a_team_not_checked_this_year_is_due_for_its_check(nanhai):
    unchecked = team(nanhai.guicheng)
    assert list(queries.teams_to_check(nanhai.district_officer, D(2023, 6, 1))) == [unchecked]
    TEAM.take(
        "check",
        unchecked,
        actor=nanhai.guicheng_officer,
        checked_on=D(2023, 6, 1),
        members=32,
        equipment="冲锋舟2艘",
    )
    assert list(queries.teams_to_check(nanhai.district_officer, D(2023, 12, 1))) == []
    assert list(queries.teams_to_check(nanhai.district_officer, D(2024, 6, 2))) == [unchecked]


def test_command_post_checks_are_scored_and_compared_by_town(nanhai):
    officer = nanhai.district_officer
    checks = {}
    for town, score in ((nanhai.guicheng, 15), (nanhai.jiujiang, 6)):
        check = services.record_create(
            CommandPostCheck(
                number=f"JC-{town.code}",
                town=town,
                date=D(2023, 10, 1),
                scenario="化工厂泄漏",
                inspectors="区应急局",
            ),
            actor=None,
        )
        scores = {
            "response": score,
            "site": 15,
            "signs": 10,
            "communication": 15,
            "organisation": 15,
            "decision": 15,
            "resources": 10,
            "logistics": 5,
        }
        CHECK.take("score", check, actor=officer, **{k: Decimal(v) for k, v in scores.items()})
        checks[town.name] = check
    with pytest.raises(ValidationError, match="0至15分"):
        CHECK.take("score", checks["桂城街道"], actor=officer, response=Decimal(20))
    comparison = queries.town_comparison(officer)
    assert [r["check"].town.name for r in comparison["rows"]] == ["桂城街道", "九江镇"]
    jiujiang = comparison["rows"][1]
    assert jiujiang["total"] == 91 and jiujiang["cells"][0]["weak"] and not jiujiang["cells"][1]["weak"]
    CHECK.take(
        "problem",
        checks["九江镇"],
        actor=officer,
        problem="响应人员到位慢",
        kind="组织机制",
        owner=dept("应急"),
        owner_person="九江镇应急办",
        due_on=D(2023, 12, 1),
    )
    assert FollowUp.objects.get().check_record == checks["九江镇"]
    page = nanhai.client_for(officer).get("/preparedness/command-post-checks/comparison/").content.decode()
    assert "薄弱" in page and "九江镇" in page


def test_the_year_figures_count_what_was_done_that_year(nanhai):
    held = drill("YL-1", D(2023, 5, 1), region=nanhai.guicheng, participants=40)
    drill("YL-2", D(2022, 5, 1), region=nanhai.guicheng)
    team(nanhai.guicheng)
    figures = queries.year_figures(nanhai.district_officer, 2023)
    assert figures["drills_held"] == 1 and figures["drill_participants"] == 40 and figures["teams"] == 1
    assert figures["team_members"] == 30 and held.pk
    assert queries.year_figures(nanhai.jiujiang_officer, 2023)["drills_held"] == 0
