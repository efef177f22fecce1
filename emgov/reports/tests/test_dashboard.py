"""The leaders' dashboard: its numbers equal counts made another way, scoped to the user's region."""

from __future__ import annotations

import datetime

import pytest

from emgov.core import services
from emgov.core.models import Region, RegionLevel, Role, User
from emgov.enforcement.models import Hazard, Visit
from emgov.reports import tallies
from emgov.reports.dashboard import dashboard_data
from emgov.reports.tests.builders import DALIANG, figure
from emgov.reports.tests.dashboard_fixtures import records_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2023, 12, 4)  # a Monday


def data_for(user, **kwargs):
    return dashboard_data(user, year=2023, today=TODAY, **kwargs)


def test_monthly_trends_add_up_to_the_years_figures(records):
    data = data_for(records.leader)
    trends = data["trends"]
    assert trends["months"] == list(range(1, 13))
    assert sum(trends["visits"]) == figure("enforcement.inspections", as_of=TODAY) == 3
    assert sum(trends["hazards_found"]) == figure("enforcement.hazards_found", as_of=TODAY) == 3
    assert sum(trends["penalties"]) == figure("enforcement.penalties", as_of=TODAY) == 4
    assert sum(trends["fines"]) == figure("enforcement.fines_yuan", as_of=TODAY) == 28000
    for month in range(1, 13):
        bureau_visits = Visit.objects.filter(
            department__is_bureau=True, nature="执法检查", date__year=2023, date__month=month
        ).exclude(enterprise__town__code=DALIANG.code)
        assert trends["visits"][month - 1] == bureau_visits.count()
        found = Hazard.objects.filter(
            voided_at__isnull=True, visit__in=bureau_visits, visit__voided_at__isnull=True
        )
        assert trends["hazards_found"][month - 1] == found.count()
    assert trends["visits"][2] == 2 and trends["visits"][6] == 1
    # Closed in the year, by the month of the review: one found this year, one found last year.
    assert trends["hazards_closed"][0] == 1 and trends["hazards_closed"][3] == 1
    assert trends["fines"][6] == 20000 and trends["penalties"][10] == 2
    figures = {f["key"]: f["value"] for f in data["figures"]}
    assert figures["enforcement.inspections"] == 3
    assert figures["enforcement.fines_yuan"] == 28000


def test_breakdowns_and_rectification_rate(records):
    data = data_for(records.leader)
    towns = {row["name"]: row for row in data["by_town"]}
    assert towns == {
        "桂城街道": {"name": "桂城街道", "visits": 2, "hazards": 2},
        "九江镇": {"name": "九江镇", "visits": 1, "hazards": 1},
    }
    industries = {row["name"]: (row["visits"], row["hazards"]) for row in data["by_industry"]}
    assert industries == {"工贸": (1, 2), "燃气": (2, 1)}
    rect = data["rectification"]
    assert (rect["found"], rect["closed"], rect["major"], rect["major_closed"]) == (3, 1, 1, 0)
    assert rect["rate"] == pytest.approx(1 / 3)
    assert rect["percent"] == 33.3


def test_overdue_and_due_this_week(records):
    deadlines = {row["key"]: row for row in data_for(records.leader)["deadlines"]}
    # Hazards: YH-OVERDUE is past its deadline, YH-DUE falls due on Wednesday; 顺德's is not ours.
    assert (deadlines["hazards"]["overdue"], deadlines["hazards"]["due"]) == (1, 1)
    # Penalties decided 07-10 and 11-20 are past 7 working days unpublished; 11-28's is due 12-07.
    assert (deadlines["penalties"]["overdue"], deadlines["penalties"]["due"]) == (2, 1)
    assert (deadlines["requests"]["overdue"], deadlines["requests"]["due"]) == (1, 0)
    assert (deadlines["licences"]["overdue"], deadlines["licences"]["due"]) == (0, 0)
    assert deadlines["hazards"]["links"]["overdue"] == "/dashboard/hazards/overdue/?region=440605"


def test_town_staff_see_only_their_town(records):
    data = data_for(records.guicheng_officer)
    assert data["region"]["name"] == "桂城街道"
    assert [row["name"] for row in data["by_town"]] == ["桂城街道"]
    assert sum(data["trends"]["visits"]) == 2
    assert sum(data["trends"]["hazards_found"]) == 2
    assert sum(data["trends"]["penalties"]) == 3  # 九江's decision of 07-10 is absent
    assert sum(data["trends"]["fines"]) == 8000
    deadlines = {row["key"]: row for row in data["deadlines"]}
    assert (deadlines["hazards"]["overdue"], deadlines["hazards"]["due"]) == (1, 0)
    assert deadlines["requests"]["overdue"] == 0  # the request belongs to the district's bureau
    jiujiang = data_for(records.jiujiang_officer)
    assert [row["name"] for row in jiujiang["by_town"]] == ["九江镇"]
    assert sum(jiujiang["trends"]["fines"]) == 20000


def test_the_leader_may_narrow_to_a_town_but_a_town_user_may_not_widen(records):
    data = data_for(records.leader, region_code=records.jiujiang.code)
    assert [row["name"] for row in data["by_town"]] == ["九江镇"]
    client = records.client_for(records.guicheng_officer)
    assert client.get("/dashboard/", {"region": records.jiujiang.code}).status_code == 404
    assert client.get("/dashboard/", {"region": records.district.code}).status_code == 404
    assert client.get("/dashboard/hazards/overdue/", {"region": records.jiujiang.code}).status_code == 404
    assert client.get("/api/dashboard/", {"region": records.jiujiang.code}).status_code == 404


def test_drill_down_lists_have_as_many_rows_as_counted(records):
    client = records.client_for(records.leader)
    deadlines = dashboard_data(records.leader, year=2023)["deadlines"]  # as of the real today
    assert sum(row["overdue"] for row in deadlines) >= 5
    for row in deadlines:
        for when in ("overdue", "due"):
            response = client.get(row["links"][when])
            assert response.status_code == 200
            assert len(response.context["rows"]) == row[when] == response.context["page"].paginator.count
    hazards = client.get("/dashboard/hazards/overdue/", {"region": "440605"})
    overdue = Hazard.objects.get(number="YH-OVERDUE")
    assert {"cells": hazards.context["rows"][0]["cells"], "url": hazards.context["rows"][0]["url"]}[
        "url"
    ] == (f"/enforcement/hazards/{overdue.pk}/")
    assert "YH-SHUNDE" not in hazards.content.decode()
    assert client.get("/dashboard/nothing/overdue/").status_code == 404
    assert client.get("/dashboard/hazards/later/").status_code == 404


@pytest.mark.parametrize(("code", "title"), [("440600", "按区县"), ("440000", "按地市")])
def test_a_city_or_the_province_breaks_its_visits_down_by_the_regions_below_it(records, code, title):
    region = Region.objects.get(code=code)
    leader = User.objects.create(username=f"leader-{code}", role=Role.LEADER)
    leader.regions.set([region])
    data = data_for(User.objects.get(pk=leader.pk))
    assert data["region"]["code"] == code
    by_region = {row["name"]: (row["visits"], row["hazards"]) for row in data["by_town"]}
    below = Region.objects.filter(parent=region)
    bureau_visits = Visit.objects.filter(department__is_bureau=True, nature="执法检查", date__year=2023)
    expected = {}
    for child in below:
        visits = bureau_visits.filter(enterprise__town__path__startswith=child.path)
        hazards = Hazard.objects.filter(voided_at__isnull=True, visit__in=visits)
        if visits.exists():
            expected[child.name] = (visits.count(), hazards.count())
    assert by_region == expected
    assert sum(v for v, _h in by_region.values()) == 4  # 南海's 3 and 顺德's 1, each district apart
    client = records.client_for(leader)
    page = client.get("/dashboard/", {"year": 2023}).content.decode()
    assert f'aria-label="{title}"' in page


def test_a_city_at_the_top_of_its_tree_breaks_down_by_its_districts(records):
    def create(code, name, level, parent=None):
        return services.region_create(
            actor=None, via="测试", code=code, name=name, level=level, parent=parent
        )

    city = create("450100", "南宁市", RegionLevel.CITY)
    district = create("450102", "兴宁区", RegionLevel.COUNTY, city)
    town = create("450102001", "民生街道", RegionLevel.TOWN, district)
    assert tallies.breakdown_names(city, [str(town.pk)]) == {str(town.pk): "兴宁区"}
    assert tallies.breakdown_names(district, [str(town.pk)]) == {str(town.pk): "民生街道"}
