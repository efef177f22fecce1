"""The licensing API: the same cases, due dates and steps as the pages."""

from __future__ import annotations

import json

import pytest

from emgov.licensing.models import LicensingCase
from emgov.licensing.tests.factories import D, accepted, apply, make_item

pytestmark = pytest.mark.django_db


def post(client, url: str, body: dict):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_api_returns_the_same_due_date_as_the_page(nanhai):
    case = accepted(make_item(working_days=True), D(2023, 9, 28))
    client = nanhai.client_for(nanhai.legal)
    body = client.get(f"/api/licensing/cases/{case.pk}").json()
    assert body["decision_due_on"] == "2023-11-01" and body["stage"] == "已受理"
    page = client.get(f"/licensing/licensing/{case.pk}/").content.decode()
    assert f'data-due="decision">{body["decision_due_on"]}' in page


def test_the_api_runs_the_workflow_steps_through_the_services(nanhai):
    case = apply(make_item())
    client = nanhai.client_for(nanhai.legal)
    url = f"/api/licensing/cases/{case.pk}"
    assert post(client, f"{url}/decide", {"decided_on": "2023-10-09", "result": "准予"}).status_code == 422
    body = post(client, f"{url}/accept", {"accepted_on": "2023-09-28"}).json()
    assert body["decision_due_on"] == "2023-10-18"
    leader = nanhai.leader.pk
    post(client, f"{url}/extend", {"extended_on": "2023-10-09", "reason": "核查", "approved_by": leader})
    second = post(
        client, f"{url}/extend", {"extended_on": "2023-10-10", "reason": "再次", "approved_by": leader}
    )
    assert second.status_code == 422 and "只能延长一次" in json.dumps(second.json(), ensure_ascii=False)
    body = post(client, f"{url}/decide", {"decided_on": "2023-09-27", "result": "准予"})
    assert body.status_code == 422
    body = post(client, f"{url}/decide", {"decided_on": "2023-10-09", "result": "准予"}).json()
    assert body["publication_due_on"] == "2023-10-18" and body["decision_number"]
    body = post(client, f"{url}/publish", {"published_on": "2023-10-16"}).json()
    assert body["stage"] == "已公示"


def test_officers_cannot_run_steps_through_the_api(nanhai):
    case = apply(make_item())
    client = nanhai.client_for(nanhai.district_officer)
    assert client.get(f"/api/licensing/cases/{case.pk}").status_code == 200
    response = post(client, f"/api/licensing/cases/{case.pk}/accept", {"accepted_on": "2023-09-28"})
    assert response.status_code == 403 and "不能办理“受理”" in response.json()["detail"]
    assert LicensingCase.objects.get(pk=case.pk).accepted_on is None


def test_the_api_lists_the_steps_and_refuses_a_stale_or_unavailable_one(nanhai):
    case = apply(make_item())
    client = nanhai.client_for(nanhai.legal)
    url = f"/api/licensing/cases/{case.pk}/steps"
    body = client.get(url).json()
    assert body["state"] == "applied"
    assert [s["name"] for s in body["steps"]] == ["request_supplement", "accept"]
    assert [f["name"] for f in body["steps"][1]["fields"]] == ["accepted_on"]
    wrong = post(
        client, f"{url}/decide", {"decided_on": "2023-10-09", "result": "准予", "version": case.version}
    )
    assert wrong.status_code == 422 and "不是当前" in str(wrong.json()["detail"])
    blind = post(client, f"{url}/accept", {"accepted_on": "2023-09-28"})
    assert blind.status_code == 422 and "请提供该记录的版本号" in blind.json()["detail"]
    stale = post(client, f"{url}/accept", {"accepted_on": "2023-09-28", "version": case.version - 1})
    assert stale.status_code == 422 and "已被其他人修改" in str(stale.json()["detail"])
    assert LicensingCase.objects.get(pk=case.pk).accepted_on is None
    done = post(client, f"{url}/accept", {"accepted_on": "2023-09-28", "version": case.version})
    assert done.status_code == 200 and done.json()["decision_due_on"] == "2023-10-18"


def test_the_item_catalogue_lists_materials(nanhai):
    make_item()
    items = nanhai.client_for(nanhai.guicheng_officer).get("/api/licensing/items").json()["items"]
    assert items[0]["materials"] == ["申请书", "营业执照"]
