"""The cases API: filing, the steps of the procedure (with the version read), the history, deadlines and
documents, scoped like the pages."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.test import Client

from emgov.cases.models import CaseStage, CaseStep, PenaltyCase
from emgov.cases.tests.helpers import decided_case, make_visit, open_case, take


def _token(username: str, capsys) -> Client:
    call_command("api_token", username)
    return Client(headers={"Authorization": f"Bearer {capsys.readouterr().out.strip()}"})


@pytest.fixture
def legal_api(nanhai, capsys):
    return _token("legal", capsys)


@pytest.fixture
def leader_api(nanhai, capsys):
    return _token("leader", capsys)


def post(client: Client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def test_file_a_case_and_take_its_steps(nanhai, legal_api):
    visit = make_visit(nanhai.guicheng)
    response = post(
        legal_api,
        "/api/cases/",
        {"filed_on": "2023-03-02", "visit_number": visit.number, "violation": "未开展培训"},
    )
    assert response.status_code == 201, response.content
    case = response.json()
    assert case["stage"] == "立案" and case["decision_due_on"] == "2023-05-31"
    assert set(case["allowed_steps"]) == {"investigate", "evidence"}  # the extension is the head's
    pk = case["id"]
    offered = legal_api.get(f"/api/cases/{pk}/steps").json()
    assert offered["state"] == "立案" and offered["version"] == case["version"]
    investigate = next(s for s in offered["steps"] if s["name"] == "investigate")
    assert investigate["target"] == "调查取证" and [f["name"] for f in investigate["fields"]] == ["on"]
    step = post(
        legal_api, f"/api/cases/{pk}/steps/investigate", {"on": "2023-03-03", "version": case["version"]}
    )
    assert step.status_code == 200, step.content
    assert step.json()["stage"] == "调查取证"
    history = legal_api.get(f"/api/cases/{pk}/history").json()
    assert [s["label"] for s in history] == ["立案", "开始调查取证"] and history[0]["actor"] == "林法制"
    deadlines = legal_api.get(f"/api/cases/{pk}/deadlines").json()
    assert deadlines[0]["key"] == "decision" and deadlines[0]["due_on"] == "2023-05-31"


def test_the_api_refuses_a_step_not_available_from_the_stage_and_writes_nothing(
    nanhai, legal_api, leader_api
):
    case = open_case(nanhai)
    refused = post(
        leader_api, f"/api/cases/{case.pk}/steps/decide", {"on": "2023-03-03", "version": case.version}
    )
    assert refused.status_code == 422 and "不是当前（立案）可以办理的环节" in str(refused.json()["detail"])
    case.refresh_from_db()
    assert case.decided_on is None and case.stage == CaseStage.FILED
    assert not CaseStep.objects.filter(case=case, action="decide").exists()
    assert post(legal_api, f"/api/cases/{case.pk}/steps/nope", {"version": case.version}).status_code == 404


def test_the_api_refuses_a_stale_step_and_writes_nothing(nanhai, legal_api, leader_api):
    case = open_case(nanhai)
    stale = case.version
    take("investigate", case, nanhai.legal, on=datetime.date(2023, 3, 3))
    body = {"approved_on": "2023-03-04", "new_due_on": "2023-06-30", "reason": "需鉴定", "version": stale}
    refused = post(leader_api, f"/api/cases/{case.pk}/steps/extend", body)
    assert refused.status_code == 422 and "已被其他人修改" in str(refused.json()["detail"])
    case.refresh_from_db()
    assert case.decision_due_on == datetime.date(2023, 5, 31) and not case.extensions.exists()
    assert (
        post(legal_api, f"/api/cases/{case.pk}/steps/extend", {**body, "version": case.version}).status_code
        == 403
    )
    done = post(leader_api, f"/api/cases/{case.pk}/steps/extend", {**body, "version": case.version})
    assert done.status_code == 200 and done.json()["decision_due_on"] == "2023-06-30"


def test_the_api_validates_a_step_with_its_form_and_reports_refusals_with_the_article(nanhai, legal_api):
    case = take("investigate", open_case(nanhai), nanhai.legal, on=datetime.date(2023, 3, 3))
    offered = legal_api.get(f"/api/cases/{case.pk}/steps").json()["steps"]
    notify = next(s for s in offered if s["name"] == "notify")
    assert not notify["available"] and "行政处罚法第五十四条" in notify["reason"]
    missing = post(
        legal_api, f"/api/cases/{case.pk}/steps/evidence", {"title": "台账", "version": case.version}
    )
    assert missing.status_code == 422 and "证据种类" in missing.json()["detail"]
    body = {"evidence_type": "书证", "title": "台账", "collected_on": "2023-03-03", "version": case.version}
    assert post(legal_api, f"/api/cases/{case.pk}/steps/evidence", body).status_code == 200
    assert PenaltyCase.objects.get(pk=case.pk).evidence.get().title == "台账"


def test_documents_and_scope(nanhai, capsys):
    case = decided_case(nanhai)
    jiujiang = _token("jiujiang", capsys)
    assert jiujiang.get(f"/api/cases/{case.pk}").status_code == 404
    assert jiujiang.get(f"/api/cases/{case.pk}/documents").status_code == 404
    guicheng = _token("guicheng", capsys)
    docs = guicheng.get(f"/api/cases/{case.pk}/documents").json()
    assert {"filing", "notice", "decision", "cover", "contents"} <= {d["key"] for d in docs}
    response = guicheng.get(f"/api/cases/{case.pk}/documents/decision.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    refused = post(
        guicheng, f"/api/cases/{case.pk}/steps/serve", {"on": "2023-03-29", "version": case.version}
    )
    assert refused.status_code == 403  # a town officer sees the case but takes no step
    assert guicheng.get(f"/api/cases/{case.pk}").json()["allowed_steps"] == []
    assert (
        jiujiang.post(f"/api/cases/{case.pk}/steps/serve", {}, content_type="application/json").status_code
        == 404
    )


def test_the_openapi_schema_documents_the_case_endpoints(nanhai):
    client = nanhai.client_for(nanhai.legal)
    schema = client.get("/api/openapi.json").json()
    for path in ("steps", "steps/{step}", "history", "deadlines"):
        assert f"/api/cases/{{pk}}/{path}" in schema["paths"]
    assert "原 GET" in schema["paths"]["/api/cases/{pk}/history"]["get"]["summary"]
