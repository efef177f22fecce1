"""The dashboard page, the leaders' home page, the JSON endpoint, and the page's constant query count."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from emgov.reports.dashboard import dashboard_data
from emgov.reports.tests.builders import day, enterprise, penalty, visit
from emgov.reports.tests.dashboard_fixtures import hazard, records_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

# 30 before the joint, inspection and penalty figures became grouped statements (figures.once); 27 before
# the hazards of the year's inspections were tallied four ways in one statement; 25 before the bureau's
# inspections, their hazards, the assistance visits, the penalty decisions and the 联合执法 operations
# were read from their monthly tallies (reports.tallies), nothing having changed; 18 before the district
# read its summed lines (one more statement: whether they are marked for recomputing, tally_sums).
DASHBOARD_QUERIES = 19
# After writes: recomputing the changed places' tallies first (21 statements in a savepoint: the marks,
# eleven that count, two that replace the lines, three that mark the summed regions holding them, the new
# TallyEpoch token), then the district's summed lines (6: its mark, the lines replaced, in a savepoint).
AFTER_WRITES = DASHBOARD_QUERIES + 21 + 6


def page_data(response) -> dict:
    html = response.content.decode()
    start = html.index('<script id="dashboard-data" type="application/json">') + len(
        '<script id="dashboard-data" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def more_records(n: int) -> None:
    for i in range(n):
        company = enterprise("九江镇" if i % 2 else "桂城街道", "建筑施工" if i % 3 else "纺织制衣")
        number = visit(company, day(f"2023-{i % 12 + 1:02d}-15"))
        hazard(number, f"YH-MORE-{i}", 整改期限=f"2023-{i % 12 + 1:02d}-28")
        penalty(day(f"2023-{i % 12 + 1:02d}-16"), party_type="法人", party_code=company, fine="1000")


def test_the_page_query_count_does_not_grow_with_the_records(records, django_assert_num_queries):
    client = records.client_for(records.leader)
    with django_assert_num_queries(AFTER_WRITES):
        first = client.get("/dashboard/", {"year": 2023})
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert page_data(client.get("/dashboard/", {"year": 2023})) == page_data(first)
    more_records(8)
    with django_assert_num_queries(AFTER_WRITES):
        second = client.get("/dashboard/", {"year": 2023})
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get("/dashboard/", {"year": 2023})
    assert sum(page_data(second)["trends"]["visits"]) == sum(page_data(first)["trends"]["visits"]) + 8
    assert sum(page_data(second)["trends"]["penalties"]) == sum(page_data(first)["trends"]["penalties"]) + 8


def test_the_page_shows_figures_charts_and_links(records):
    response = records.client_for(records.leader).get("/dashboard/", {"year": 2023})
    html = response.content.decode()
    assert response.status_code == 200
    for chart in (
        "chart-trends",
        "chart-penalties",
        "chart-towns",
        "chart-industries",
        "chart-rectification",
    ):
        assert f'id="{chart}"' in html
    assert "/static/vendor/echarts/echarts.min.js" in html
    assert "/static/reports/dashboard.js" in html
    assert "cdn" not in html.lower()
    assert 'data-key="enforcement.inspections"' in html
    assert "/dashboard/hazards/overdue/?region=440605" in html
    assert '<option value="2023" selected>' in html
    assert '<option value="440605121">九江镇</option>' in html  # the leader may narrow to a town
    assert page_data(response)["year"] == 2023


def test_echarts_is_served_by_the_application(records):
    from django.contrib.staticfiles import finders

    assert finders.find("vendor/echarts/echarts.min.js")
    assert finders.find("reports/dashboard.js")


def test_the_leaders_home_page_shows_the_dashboard_above_the_to_do_list(records):
    html = records.client_for(records.leader).get("/").content.decode()
    assert 'id="dashboard"' in html and 'id="chart-trends"' in html
    assert html.index('id="dashboard"') < html.index("我的待办")
    admin_html = records.client_for(records.admin).get("/").content.decode()
    assert 'id="dashboard"' in admin_html


def test_other_users_keep_their_home_page_with_a_link(records):
    for user in (records.legal, records.district_officer, records.guicheng_officer):
        html = records.client_for(user).get("/").content.decode()
        assert 'id="dashboard"' not in html and "echarts" not in html
        assert 'href="/dashboard/"' in html
        assert "我的待办" in html


def test_a_town_user_opens_their_towns_dashboard(records):
    response = records.client_for(records.guicheng_officer).get("/dashboard/", {"year": 2023})
    data = page_data(response)
    assert data["region"]["name"] == "桂城街道"
    assert [row["name"] for row in data["by_town"]] == ["桂城街道"]
    assert "九江镇" not in response.content.decode()


def test_the_json_endpoint_gives_the_same_numbers_scoped(records, capsys):
    client = records.client_for(records.leader)
    response = client.get("/api/dashboard/", {"year": 2023})
    assert response.status_code == 200
    body = response.json()
    expected = json.loads(json.dumps(dashboard_data(records.leader, year=2023), default=str))
    assert body["trends"] == expected["trends"]
    assert body["by_town"] == expected["by_town"]
    assert body["deadlines"] == expected["deadlines"]
    narrowed = client.get("/api/dashboard/", {"year": 2023, "region": records.jiujiang.code}).json()
    assert [row["name"] for row in narrowed["by_town"]] == ["九江镇"]

    call_command("api_token", "guicheng")
    token = capsys.readouterr().out.strip()
    town = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/dashboard/", {"year": 2023})
    assert town.status_code == 200
    assert [row["name"] for row in town.json()["by_town"]] == ["桂城街道"]
    assert Client().get("/api/dashboard/").status_code == 401


def test_the_year_selector_offers_the_years_with_records(records):
    data = dashboard_data(records.leader)
    assert 2023 in data["years"] and 2022 in data["years"]
    with CaptureQueriesContext(connection):
        default = records.client_for(records.leader).get("/dashboard/", {"year": "abc"})
    assert default.status_code == 200
