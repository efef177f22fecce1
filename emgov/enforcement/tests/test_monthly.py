"""The 四不两直 monthly check: met or not per month, what is missing, and the same answer as the report."""

from __future__ import annotations

import datetime

import pytest

from emgov.core import services
from emgov.core.models import Region, RegionLevel
from emgov.enforcement.models import Operation, OperationKind
from emgov.enforcement.queries import unannounced_months_for
from emgov.enforcement.tests.test_views import make_visit, two_officers
from emgov.enterprises.tests.test_views import make_enterprise
from emgov.reports import figures

PAGE = "/enforcement/monthly-check/"
TODAY = datetime.date(2024, 1, 10)


def make_operation(number: str, day: datetime.date, *, unannounced: bool = True) -> Operation:
    return services.record_create(
        Operation(
            number=number, kind=OperationKind.JOINT, name=number, start_date=day, unannounced=unannounced
        ),
        actor=None,
    )


@pytest.fixture
def year_2023(nanhai):
    """March met; April one operation only; May one operation reaching 2 enterprises and towns missing."""
    officers = two_officers()
    towns = list(Region.objects.filter(level=RegionLevel.TOWN).order_by("code"))
    companies = {t.pk: [make_enterprise(t, i * 10 + k) for k in range(3)] for i, t in enumerate(towns, 1)}
    counter = iter(range(1000))

    def visit(op: Operation, enterprise) -> None:
        make_visit(enterprise, f"JC{next(counter):04d}", officers, date=op.start_date, operation=op)

    march_a = make_operation("3月第一次", datetime.date(2023, 3, 2))
    march_b = make_operation("3月第二次", datetime.date(2023, 3, 20))
    for t in towns[:4]:
        visit(march_a, companies[t.pk][0])
    for t in towns[4:]:
        visit(march_b, companies[t.pk][0])
    april = make_operation("4月唯一一次", datetime.date(2023, 4, 5))
    for t in towns:
        visit(april, companies[t.pk][1])
    may_a = make_operation("5月第一次", datetime.date(2023, 5, 6))
    may_b = make_operation("5月只去两家", datetime.date(2023, 5, 9))
    for t in towns[:3]:
        visit(may_a, companies[t.pk][2])
    visit(may_b, companies[towns[0].pk][1])
    visit(may_b, companies[towns[0].pk][1])  # same enterprise twice: one enterprise
    visit(may_b, companies[towns[1].pk][1])
    make_operation("6月普通行动", datetime.date(2023, 6, 1), unannounced=False)
    voided = make_operation("6月作废", datetime.date(2023, 6, 2))
    services.record_void(voided, actor=None, reason="录入错误")
    return towns


def test_months_are_met_or_say_what_is_missing(nanhai, year_2023):
    months = {m.month: m for m in unannounced_months_for(nanhai.district_officer, 2023, today=TODAY)}
    assert len(months) == 12
    assert months[3].met and months[3].towns_visited == 7
    assert not months[4].met and months[4].missing_operations == 1 and not months[4].missing_towns
    may = months[5]
    assert not may.met and may.missing_operations == 0
    assert [(str(o), o.enterprises) for o in may.short_operations] == [("5月只去两家", 2)]
    assert [t.name for t in may.missing_towns] == [t.name for t in year_2023[3:]]
    assert months[6].operation_count == 0 and months[6].missing_operations == 2


def test_the_check_agrees_with_the_report_figure(nanhai, year_2023):
    scope = figures.Scope.of(year=2023, region_code="440605")
    met = [m.month for m in unannounced_months_for(nanhai.district_officer, 2023, today=TODAY) if m.met]
    assert met == figures.unannounced_months(scope) == [3]


def test_a_town_officer_checks_only_their_own_town(nanhai, year_2023):
    months = {m.month: m for m in unannounced_months_for(nanhai.guicheng_officer, 2023, today=TODAY)}
    assert [t.name for t in months[3].towns] == ["桂城街道"]
    assert months[5].operation_count == 2 and not months[5].missing_towns


def test_the_current_year_stops_at_this_month(nanhai):
    assert len(unannounced_months_for(nanhai.district_officer, 2024, today=TODAY)) == 1
    assert unannounced_months_for(nanhai.district_officer, 2025, today=TODAY) == []


def test_page_shows_a_year_grid_with_what_is_missing(nanhai, year_2023):
    page = nanhai.client_for(nanhai.leader).get(PAGE, {"year": 2023}).content.decode()
    assert page.count('class="month ') == 12
    assert 'id="month-3"' in page and "已达标 1 / 12 个月" in page
    assert "行动次数不足，还差 1 次" in page
    assert "“5月只去两家”只检查了 2 家企业" in page
    assert "未覆盖镇街：丹灶镇" in page


def test_monthly_check_in_the_api(nanhai, year_2023):
    client = nanhai.client_for(nanhai.leader)
    months = client.get("/api/enforcement/monthly-check", {"year": 2023}).json()
    may = months[4]
    assert may["month"] == 5 and not may["met"] and may["short_operations"] == ["5月只去两家"]
    assert [m["month"] for m in months if m["met"]] == [3]
