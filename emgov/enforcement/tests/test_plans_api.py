"""The enforcement planning API: plans, targets, draws run and published, operations; scoped."""

from __future__ import annotations

import datetime

from emgov.enforcement.models import Draw, InspectionPlan
from emgov.enforcement.tests.test_draws import setup_pool
from emgov.enforcement.tests.test_operations import make_operation
from emgov.enforcement.tests.test_plans import make_plan
from emgov.enforcement.tests.test_views import make_visit, two_officers
from emgov.enterprises.tests.test_views import make_enterprise

API = "/api/enforcement"


def test_plan_is_created_given_a_target_and_shows_progress(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"{API}/plans",
        {"number": "JH2023-01", "name": "年度计划", "period": "年度", "year": 2023},
        content_type="application/json",
    )
    assert response.status_code == 201
    plan_id = response.json()["id"]
    response = client.post(
        f"{API}/plans/{plan_id}/targets",
        {"count": 2, "town_code": "440605011"},
        content_type="application/json",
    )
    assert response.status_code == 201
    make_visit(make_enterprise(nanhai.guicheng, 1), "JC1", two_officers())
    [target] = client.get(f"{API}/plans/{plan_id}").json()["targets"]
    assert (target["town_name"], target["count"], target["done"]) == ("桂城街道", 2, 1)


def test_bad_plan_is_refused_in_chinese_and_not_saved(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"{API}/plans",
        {"number": "JH2023-06", "name": "月计划", "period": "月度", "year": 2023},
        content_type="application/json",
    )
    assert response.status_code == 422 and "月度计划必须填写月份" in str(response.json())
    assert not InspectionPlan.objects.exists()


def test_draw_is_run_and_published_through_the_api(nanhai):
    setup_pool(nanhai)
    plan = make_plan()
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"{API}/plans/{plan.pk}/draws", {"size": 2, "drawn_on": "2023-03-01"}, content_type="application/json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["verified"] and len(body["rows"]) == 2 and len(body["rows"][0]["officers"]) == 2
    assert [s["name"] for s in client.get(f"{API}/draws/{body['id']}/steps").json()["steps"]] == ["publish"]
    published = client.post(f"{API}/draws/{body['id']}/publish").json()
    assert published["published_on"] is not None and published["verified"]
    steps = client.get(f"{API}/draws/{body['id']}/steps").json()
    assert (steps["state"], steps["steps"]) == ("published", [])
    assert client.get(f"{API}/draws", {"published": True}).json()["count"] == 1


def test_legal_officer_cannot_run_a_draw_and_town_officer_cannot_see_other_towns(nanhai):
    setup_pool(nanhai)
    plan = make_plan(region=nanhai.jiujiang)
    legal = nanhai.client_for(nanhai.legal)
    response = legal.post(f"{API}/plans/{plan.pk}/draws", {"size": 1}, content_type="application/json")
    assert response.status_code == 404 and not Draw.objects.exists()
    town = nanhai.client_for(nanhai.guicheng_officer)
    assert town.get(f"{API}/plans/{plan.pk}").status_code == 404
    assert town.get(f"{API}/plans").json()["count"] == 0


def test_operations_list_counts_visits_enterprises_and_towns(nanhai):
    op = make_operation("LH2023-01", unannounced=True)
    officers = two_officers()
    make_visit(
        make_enterprise(nanhai.guicheng, 1), "JC1", officers, operation=op, date=datetime.date(2023, 5, 1)
    )
    make_visit(
        make_enterprise(nanhai.jiujiang, 2), "JC2", officers, operation=op, date=datetime.date(2023, 5, 1)
    )
    client = nanhai.client_for(nanhai.leader)
    [row] = client.get(f"{API}/operations", {"year": 2023, "unannounced": True}).json()["items"]
    assert (row["visits"], row["enterprises"], row["towns"]) == (2, 2, 2)
    assert client.get(f"{API}/operations/{op.pk}").json()["number"] == "LH2023-01"


def test_the_router_is_documented_in_openapi(nanhai):
    schema = nanhai.client_for(nanhai.leader).get("/api/openapi.json").json()
    paths = schema["paths"]
    assert "/api/enforcement/plans/{pk}/draws" in paths and "/api/enforcement/monthly-check" in paths
