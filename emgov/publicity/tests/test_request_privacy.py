"""An applicant's ID number and telephone are read by those who handle requests alone."""

from __future__ import annotations

import pytest

from emgov.core.services import record_update
from emgov.publicity.tests.helpers import ID_NUMBER, PHONE, register

pytestmark = pytest.mark.django_db

LIST = "/publicity/requests/"


def test_the_handlers_see_the_applicants_id_and_phone(nanhai):
    request = register(nanhai.legal)
    for user in (nanhai.legal, nanhai.admin):
        page = nanhai.client_for(user).get(f"{LIST}{request.pk}/").content.decode()
        assert ID_NUMBER in page and PHONE in page and "陈志明" in page


def test_others_who_may_open_the_request_see_neither_on_the_page_nor_in_its_history(nanhai):
    request = register(nanhai.legal)
    record_update(
        request,
        actor=nanhai.legal,
        changes={"applicant_phone": "13800138000"},
        expected_version=request.version,
    )
    response = nanhai.client_for(nanhai.leader).get(f"{LIST}{request.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "陈志明" in page and "（仅办理人员可见）" in page
    for private in (ID_NUMBER, PHONE, "13800138000"):
        assert private not in page


def test_the_api_gives_the_applicants_id_and_phone_to_the_handlers_alone(nanhai):
    request = register(nanhai.legal)
    url = f"/api/publicity/disclosure-requests/{request.pk}"
    mine = nanhai.client_for(nanhai.legal).get(url).json()
    assert (mine["applicant_id_number"], mine["applicant_phone"]) == (ID_NUMBER, PHONE)
    theirs = nanhai.client_for(nanhai.leader).get(url)
    assert theirs.status_code == 200
    body = theirs.json()
    assert body["applicant_name"] == mine["applicant_name"]
    assert body["applicant_id_number"] == body["applicant_phone"] == "（仅办理人员可见）"
    listed = nanhai.client_for(nanhai.leader).get("/api/publicity/disclosure-requests").json()
    assert ID_NUMBER not in str(listed) and PHONE not in str(listed)
