"""The cases API: filing, allowed steps, deadlines and documents, scoped like the pages."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from emgov.cases.tests.helpers import decided_case, make_visit


def _token(username: str, capsys) -> Client:
    call_command("api_token", username)
    return Client(headers={"Authorization": f"Bearer {capsys.readouterr().out.strip()}"})


@pytest.fixture
def legal_api(nanhai, capsys):
    return _token("legal", capsys)


def test_file_a_case_and_take_its_steps(nanhai, legal_api):
    visit = make_visit(nanhai.guicheng)
    response = legal_api.post(
        "/api/cases/",
        {"filed_on": "2023-03-02", "visit_number": visit.number, "violation": "未开展培训"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    case = response.json()
    assert case["stage"] == "立案" and case["decision_due_on"] == "2023-05-31"
    assert set(case["allowed_steps"]) == {"investigate", "evidence", "extend"}
    pk = case["id"]
    refused = legal_api.post(
        f"/api/cases/{pk}/steps/decide", {"on": "2023-03-03"}, content_type="application/json"
    )
    assert refused.status_code == 422 and "不能办理" in str(refused.json()["detail"])
    step = legal_api.post(
        f"/api/cases/{pk}/steps/investigate", {"on": "2023-03-03"}, content_type="application/json"
    )
    assert step.json()["stage"] == "调查取证"
    steps = legal_api.get(f"/api/cases/{pk}/steps").json()
    assert [s["label"] for s in steps] == ["立案", "开始调查取证"] and steps[0]["actor"] == "林法制"
    deadlines = legal_api.get(f"/api/cases/{pk}/deadlines").json()
    assert deadlines[0]["key"] == "decision" and deadlines[0]["due_on"] == "2023-05-31"


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
    assert (
        guicheng.post(
            f"/api/cases/{case.pk}/steps/serve", {"on": "2023-03-29"}, content_type="application/json"
        ).status_code
        == 404
    )


def test_the_openapi_schema_documents_the_case_endpoints(nanhai):
    client = nanhai.client_for(nanhai.legal)
    schema = client.get("/api/openapi.json").json()
    assert "/api/cases/{pk}/steps/{action}" in schema["paths"]
    assert "/api/cases/{pk}/deadlines" in schema["paths"]
