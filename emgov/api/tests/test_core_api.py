import pytest
from django.core.management import call_command
from django.test import Client


@pytest.fixture
def token(nanhai, capsys):
    call_command("api_token", "guicheng")
    return capsys.readouterr().out.strip()


def test_anonymous_call_is_401(nanhai):
    response = Client().get("/api/regions")
    assert response.status_code == 401
    assert response.json() == {"detail": "未登录或令牌无效"}


def test_token_sees_only_the_users_regions(token):
    client = Client(headers={"Authorization": f"Bearer {token}"})
    body = client.get("/api/regions").json()
    assert [r["name"] for r in body["items"]] == ["桂城街道"]
    assert client.get("/api/regions/440605011").json()["parent_code"] == "440605"
    assert client.get("/api/regions/440605121").status_code == 404


def test_wrong_token_is_401(nanhai):
    client = Client(headers={"Authorization": "Bearer nope"})
    assert client.get("/api/regions").status_code == 401


def test_session_sees_the_district(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    body = client.get("/api/regions", {"level": "镇街"}).json()
    assert body["count"] == 7
    departments = client.get("/api/departments").json()["items"]
    assert {"short_name": "应急", "is_bureau": True, "region_code": "440605"}.items() <= departments[
        0
    ].items()


def test_openapi_description_and_docs_page_are_served_locally(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    schema = client.get("/api/openapi.json").json()
    assert "/api/regions" in schema["paths"] and "/api/departments/{short_name}" in schema["paths"]
    page = client.get("/api/docs").content.decode()
    assert "swagger-ui" in page and "cdn." not in page
