"""The hazards API: register, the loop's steps (refused ones with the step named), orders and their documents."""

from __future__ import annotations

import json

from emgov.enforcement.models import Hazard
from emgov.enforcement.tests.hazard_helpers import make_visit
from emgov.enforcement.tests.test_order_documents import docx_text

BASE = "/api/hazards"


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_an_officer_runs_the_loop_and_issues_an_order_through_the_api(nanhai):
    visit = make_visit(nanhai.guicheng)
    client = nanhai.client_for(nanhai.guicheng_officer)
    created = post(
        client, f"{BASE}/", {"visit_id": visit.pk, "description": "消防通道堵塞", "grade": "一般隐患"}
    )
    assert created.status_code == 201, created.content
    hazard = created.json()
    assert hazard["status"] == "登记" and hazard["next_steps"] == ["order"]
    refused = post(
        client, f"{BASE}/{hazard['id']}/steps/review", {"reviewed_on": "2023-06-02", "passed": True}
    )
    assert refused.status_code == 422 and "不能执行“复查”" in json.dumps(refused.json(), ensure_ascii=False)
    order = post(
        client,
        f"{BASE}/orders",
        {
            "visit_id": visit.pk,
            "doc_type": "责令限期整改指令书",
            "issued_on": "2023-06-01",
            "hazard_ids": [hazard["id"]],
            "due_date": "2023-06-20",
        },
    )
    assert order.status_code == 201, order.content
    body = order.json()
    assert body["number"] == "（南海）应急责改〔2023〕1号" and body["hazard_numbers"] == [hazard["number"]]
    assert client.get(f"{BASE}/{hazard['id']}").json()["status"] == "下达整改"
    started = post(client, f"{BASE}/{hazard['id']}/steps/start", {"version": 2})
    assert started.status_code == 200 and started.json()["next_steps"] == ["request-review"]
    document = client.get(f"{BASE}/orders/{body['id']}/document.docx")
    assert document.status_code == 200 and body["number"] in docx_text(document.content)
    assert client.get(f"{BASE}/orders/{body['id']}/document.pdf").content.startswith(b"%PDF")


def test_the_api_is_scoped(nanhai):
    visit = make_visit(nanhai.guicheng)
    own = nanhai.client_for(nanhai.guicheng_officer)
    hazard = post(own, f"{BASE}/", {"visit_id": visit.pk, "description": "x", "grade": "一般隐患"}).json()
    other = nanhai.client_for(nanhai.jiujiang_officer)
    assert other.get(f"{BASE}/{hazard['id']}").status_code == 404
    assert other.get(f"{BASE}/").json()["count"] == 0
    assert post(other, f"{BASE}/{hazard['id']}/steps/order", {"deadline": "2023-06-20"}).status_code == 404
    assert (
        post(other, f"{BASE}/", {"visit_id": visit.pk, "description": "y", "grade": "一般隐患"}).status_code
        == 404
    )
    assert Hazard.objects.count() == 1


def test_the_openapi_description_lists_the_routes(nanhai):
    schema = nanhai.client_for(nanhai.district_officer).get("/api/openapi.json").json()
    for path in (
        "/api/hazards/",
        "/api/hazards/{hazard_id}/steps/{step}",
        "/api/hazards/orders/{order_id}/document.{fmt}",
    ):
        assert path in schema["paths"], sorted(p for p in schema["paths"] if "hazards" in p)
