"""The disclosure API: scoped reads, registration, and the steps of a request: listed and taken at
`…/{id}/steps`, and at the earlier `…/{id}/extend` and `…/{id}/reply`."""

from __future__ import annotations

import json

from emgov.publicity.models import DisclosureRequest
from emgov.publicity.tests.helpers import ID_NUMBER, register

BASE = "/api/publicity/disclosure-requests"


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_legal_officer_registers_extends_and_replies_through_the_api(nanhai):
    client = nanhai.client_for(nanhai.legal)
    response = post(
        client,
        BASE,
        {
            "applicant_name": "王建国",
            "applicant_id_number": ID_NUMBER,
            "applicant_phone": "13912345678",
            "channel": "网络",
            "submitted_on": "2023-09-27",
            "received_on": "2023-09-27",
            "description": "执法检查计划",
            "format_wanted": "电子数据",
            "delivery_wanted": "电子邮件",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["due_on"] == "2023-10-31" and body["number"] == "YSQ2023-0001"
    url = f"{BASE}/{body['id']}"
    extension = {
        "version": body["version"],
        "days": 20,
        "reason": "材料多",
        "approved_by": "主任",
        "approved_on": "2023-10-20",
        "notified_on": "2023-10-20",
    }
    body = post(client, f"{url}/extend", extension).json()
    assert body["due_on"] == "2023-11-28" and body["status"] == "已延期"
    again = post(client, f"{url}/extend", {**extension, "version": body["version"]})
    assert again.status_code == 422 and "答复期限只能延长一次" in again.json()["detail"]["__all__"][0]
    body = post(client, f"{url}/reply", {"reply_type": "予以公开", "replied_on": "2023-11-20"}).json()
    assert body["reply_number"] == "（南海）应急公开答〔2023〕1号" and body["late"] is False
    listed = client.get(BASE, {"year": 2023}).json()
    assert listed["count"] == 1


def test_api_is_scoped_and_officers_cannot_act(nanhai):
    other = register(nanhai.legal, "2023-09-27", region=nanhai.jiujiang)
    town = nanhai.client_for(nanhai.guicheng_officer)
    assert town.get(f"{BASE}/{other.pk}").status_code == 404
    assert town.get(BASE).json()["count"] == 0
    officer = nanhai.client_for(nanhai.district_officer)
    reply = post(officer, f"{BASE}/{other.pk}/reply", {"reply_type": "予以公开", "replied_on": "2023-10-20"})
    assert reply.status_code == 404
    assert DisclosureRequest.objects.get().replied_on is None


def test_the_api_lists_the_steps_and_takes_one_with_the_form_fields(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    url = f"{BASE}/{request.pk}/steps"
    body = client.get(url).json()
    assert body["state"] == "open" and body["state_label"] == "办理中"
    assert [s["name"] for s in body["steps"]] == ["supplement", "consult", "extend", "reply"]
    reply = next(s for s in body["steps"] if s["name"] == "reply")
    assert [f["name"] for f in reply["fields"]] == ["reply_type", "replied_on", "reply_content"]
    done = post(
        client,
        f"{url}/consult",
        {
            "consultation_party": "某化工有限公司",
            "consultation_sent_on": "2023-10-09",
            "version": request.version,
        },
    )
    assert done.status_code == 200 and done.json()["status"] == "征求意见中"
    body = client.get(url).json()
    assert body["state"] == "consulting" and [s["name"] for s in body["steps"]] == ["opinion", "extend"]


def test_the_api_refuses_a_stale_or_unavailable_step_and_writes_nothing(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    url = f"{BASE}/{request.pk}/steps"
    reply = {"reply_type": "予以公开", "replied_on": "2023-10-20"}
    stale = post(client, f"{url}/reply", {**reply, "version": request.version - 1})
    assert stale.status_code == 422 and "已被其他人修改" in str(stale.json()["detail"])
    wrong = post(
        client,
        f"{url}/supplement-received",
        {"supplement_completed_on": "2023-10-09", "version": request.version},
    )
    assert wrong.status_code == 422 and "“收到补正”不是当前（办理中）可以办理的环节" in str(
        wrong.json()["detail"]
    )
    old = post(client, f"{BASE}/{request.pk}/reply", {**reply, "version": request.version - 1})
    assert old.status_code == 422 and "已被其他人修改" in str(old.json()["detail"])
    request.refresh_from_db()
    assert request.replied_on is None and request.supplement_completed_on is None
    assert request.version == 1


def test_the_api_steps_are_the_legal_staffs(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    officer = nanhai.client_for(nanhai.district_officer)
    assert officer.get(f"{BASE}/{request.pk}/steps").json()["steps"] == []
    refused = post(
        officer, f"{BASE}/{request.pk}/steps/reply", {"reply_type": "予以公开", "replied_on": "2023-10-20"}
    )
    assert refused.status_code == 403
    assert DisclosureRequest.objects.get().replied_on is None
