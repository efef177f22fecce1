"""The hazards API: register, the steps of the hazard and order procedures (refused ones with the reason,
stale ones refused), the earlier paths, orders and their documents."""

from __future__ import annotations

import datetime
import json

from emgov.enforcement.models import Hazard, HazardStatus, Order, OrderType
from emgov.enforcement.services.orders import order_issue
from emgov.enforcement.tests.hazard_helpers import make_visit, register
from emgov.enforcement.tests.test_order_documents import docx_text

BASE = "/api/hazards"
D = datetime.date


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def text(response) -> str:
    return json.dumps(response.json(), ensure_ascii=False)


def test_an_officer_runs_the_loop_and_issues_an_order_through_the_api(nanhai):
    visit = make_visit(nanhai.guicheng)
    client = nanhai.client_for(nanhai.guicheng_officer)
    created = post(
        client, f"{BASE}/", {"visit_id": visit.pk, "description": "消防通道堵塞", "grade": "一般隐患"}
    )
    assert created.status_code == 201, created.content
    hazard = created.json()
    assert hazard["status"] == "登记" and hazard["next_steps"] == ["order"]
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
    asked = post(
        client, f"{BASE}/{hazard['id']}/steps/request-review", {"version": 3, "rectified_on": "2023-06-15"}
    )
    assert asked.json()["status"] == "申请复查"
    reviewed = post(
        client,
        f"{BASE}/{hazard['id']}/steps/review",
        {"version": 4, "reviewed_on": "2023-06-16", "passed": True},
    )
    assert reviewed.status_code == 200 and reviewed.json()["status"] == "复查合格"
    document = client.get(f"{BASE}/orders/{body['id']}/document.docx")
    assert document.status_code == 200 and body["number"] in docx_text(document.content)
    assert client.get(f"{BASE}/orders/{body['id']}/document.pdf").content.startswith(b"%PDF")


def test_the_steps_of_a_hazard_are_listed_with_the_reason_of_a_refused_one(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=datetime.date.today())
    body = nanhai.client_for(nanhai.district_officer).get(f"{BASE}/{hazard.pk}/steps").json()
    assert (body["state"], body["version"]) == ("登记", 1)
    steps = {s["name"]: s for s in body["steps"]}
    assert list(steps) == ["order", "suspend", "open-case"]
    assert steps["order"]["available"] and [f["name"] for f in steps["order"]["fields"]] == ["deadline"]
    assert not steps["suspend"]["available"] and "安全生产法第一百零二条" in steps["suspend"]["reason"]


def test_a_step_not_of_the_state_is_refused_and_writes_nothing(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.guicheng_officer)
    refused = post(client, f"{BASE}/{hazard.pk}/steps/review", {"reviewed_on": "2023-06-02", "passed": True})
    assert refused.status_code == 422 and "“复查”不是当前（登记）可以办理的环节。" in text(refused)
    after = Hazard.objects.get(pk=hazard.pk)
    assert (after.status, after.reviewed_on, after.version) == (HazardStatus.REGISTERED, None, 1)


def test_a_stale_step_is_refused_and_writes_nothing(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.guicheng_officer)
    stale = post(client, f"{BASE}/{hazard.pk}/steps/order", {"version": 0, "deadline": "2023-06-20"})
    assert stale.status_code == 422 and "已被其他人修改" in text(stale)
    after = Hazard.objects.get(pk=hazard.pk)
    assert (after.status, after.deadline, after.version) == (HazardStatus.REGISTERED, None, 1)


def test_a_step_with_a_missing_field_names_it(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    response = post(
        nanhai.client_for(nanhai.guicheng_officer), f"{BASE}/{hazard.pk}/steps/order", {"version": 1}
    )
    assert response.status_code == 422 and "整改期限" in text(response)
    assert Hazard.objects.get(pk=hazard.pk).version == 1


def test_the_api_is_scoped_and_a_leader_takes_no_step(nanhai):
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
    leader = nanhai.client_for(nanhai.leader)
    assert post(leader, f"{BASE}/{hazard['id']}/steps/order", {"deadline": "2023-06-20"}).status_code == 403
    assert Hazard.objects.count() == 1 and Hazard.objects.get().status == HazardStatus.REGISTERED


def test_the_earlier_suspend_path_answers_the_order(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, grade="重大事故隐患", deadline=D(2023, 6, 10))
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(f"{BASE}/{hazard.pk}/suspend?issued_on=2023-06-20")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["doc_type"] == "责令停产停业整顿" and body["hazard_numbers"] == [hazard.number]
    again = client.post(f"{BASE}/{hazard.pk}/suspend")
    assert again.status_code == 422 and "不能重复下达" in text(again)
    assert Order.objects.count() == 1


def test_a_seizure_is_extended_once_through_the_old_and_the_new_path(nanhai):
    seizure = order_issue(
        actor=None, visit=make_visit(nanhai.guicheng), doc_type=OrderType.SEIZE, issued_on=D(2023, 6, 1)
    )
    client = nanhai.client_for(nanhai.district_officer)
    steps = client.get(f"{BASE}/orders/{seizure.pk}/steps").json()
    assert steps["state"] == "seized" and [s["name"] for s in steps["steps"]] == ["extend", "dispose"]
    leader = nanhai.leader.pk
    stale = post(
        client,
        f"{BASE}/orders/{seizure.pk}/extend",
        {"version": 0, "days": 20, "reason": "需委托检测", "approved_by": leader, "decided_on": "2023-06-25"},
    )
    assert stale.status_code == 422 and Order.objects.get().extension_days is None
    unapproved = post(
        client,
        f"{BASE}/orders/{seizure.pk}/extend",
        {"version": 1, "days": 20, "reason": "需委托检测", "decided_on": "2023-06-25"},
    )
    assert unapproved.status_code == 422 and "批准的负责人" in text(unapproved)
    extended = post(
        client,
        f"{BASE}/orders/{seizure.pk}/extend",
        {"version": 1, "days": 20, "reason": "需委托检测", "approved_by": leader, "decided_on": "2023-06-25"},
    )
    assert extended.status_code == 200 and extended.json()["due_date"] == "2023-07-21"
    again = post(
        client,
        f"{BASE}/orders/{seizure.pk}/steps/extend",
        {
            "version": 2,
            "extension_days": 5,
            "extension_reason": "再延",
            "extension_approved_by": leader,
            "decided_on": "2023-07-01",
        },
    )
    assert again.status_code == 422 and "行政强制法第二十五条" in text(again)
    assert Order.objects.get().due_date == D(2023, 7, 21)


def test_the_earlier_resume_path_needs_the_review(nanhai):
    visit = make_visit(nanhai.guicheng)
    hazard = register(visit, None, grade="重大事故隐患", deadline=D(2023, 6, 20), unsafe=True)
    suspension = order_issue(
        actor=None, visit=visit, doc_type=OrderType.SUSPEND, hazards=[hazard], issued_on=D(2023, 6, 1)
    )
    response = post(
        nanhai.client_for(nanhai.district_officer),
        f"{BASE}/orders/{suspension.pk}/resume",
        {"version": 1, "resumed_on": "2023-06-25"},
    )
    assert response.status_code == 422 and "尚未复查合格" in text(response)
    assert Order.objects.get().resumed_on is None


def test_the_openapi_description_lists_the_routes(nanhai):
    schema = nanhai.client_for(nanhai.district_officer).get("/api/openapi.json").json()
    for path in (
        "/api/hazards/",
        "/api/hazards/{pk}/steps",
        "/api/hazards/{pk}/steps/{step}",
        "/api/hazards/{hazard_id}/suspend",
        "/api/hazards/orders/{pk}/steps/{step}",
        "/api/hazards/orders/{order_id}/extend",
        "/api/hazards/orders/{order_id}/document.{fmt}",
        "/api/hazards/orders/{order_id}/documents/{kind}.{fmt}",
    ):
        assert path in schema["paths"], sorted(p for p in schema["paths"] if "hazards" in p)
