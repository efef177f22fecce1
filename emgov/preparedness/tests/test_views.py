"""Preparedness ledgers: event types and plans (with their many-to-many fields), drills, teams, materials."""

from __future__ import annotations

import pytest

from emgov.core import audit
from emgov.core.models import Department
from emgov.preparedness.models import EmergencyPlan, EventType, RescueTeam

PAGES = [
    "/preparedness/event-types/",
    "/preparedness/plans/",
    "/preparedness/drills/",
    "/preparedness/teams/",
    "/preparedness/materials/",
    "/preparedness/team-members/",
    "/preparedness/command-post-checks/",
    "/preparedness/warnings/",
]


def dept(short_name: str) -> Department:
    return Department.objects.get(short_name=short_name)


@pytest.mark.parametrize("url", PAGES)
def test_every_preparedness_ledger_has_a_list_and_a_form(nanhai, url):
    client = nanhai.client_for(nanhai.district_officer)
    assert client.get(url).status_code == 200
    assert client.get(f"{url}new/").status_code == 200
    assert nanhai.client_for(nanhai.leader).get(f"{url}new/").status_code == 404


def test_event_type_with_supporting_departments(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    data = {
        "name": "危险化学品事故",
        "category": "事故灾难",
        "lead_department": dept("应急").pk,
        "supporting_departments": [dept("消防").pk, dept("环保").pk],
    }
    assert client.post("/preparedness/event-types/new/", data).status_code == 302
    event = EventType.objects.get()
    assert set(event.supporting_departments.all()) == {dept("消防"), dept("环保")}
    created = audit.history(event).get(action="create").changes
    assert created["supporting_departments"] == [None, ["消防", "环保"]]
    page = client.get("/preparedness/event-types/").content.decode()
    assert "危险化学品事故" in page and "消防" in page
    data.update(supporting_departments=[dept("消防").pk], _version=event.version)
    assert client.post(f"/preparedness/event-types/{event.pk}/edit/", data).status_code == 302
    event.refresh_from_db()
    assert event.version == 2
    assert audit.history(event).get(action="change").changes == {
        "supporting_departments": [["消防", "环保"], ["消防"]]
    }


def test_plan_lists_its_event_types_and_checks_its_review_date(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    fire = client.post(
        "/preparedness/event-types/new/",
        {"name": "森林火灾", "category": "自然灾害", "lead_department": dept("应急").pk},
    )
    assert fire.status_code == 302
    event = EventType.objects.get()
    data = {
        "number": "YA2023001",
        "name": "南海区森林火灾应急预案",
        "kind": "专项应急预案",
        "event_types": [event.pk],
        "department": dept("应急").pk,
        "published_on": "2023-03-01",  # not a field of the form: publication is a step after approval
        "next_review_on": "2026-03-01",
    }
    assert client.post("/preparedness/plans/new/", data).status_code == 302
    plan = EmergencyPlan.objects.get()
    assert plan.published_on is None and plan.approved_on is None
    assert list(plan.event_types.all()) == [event]
    assert "森林火灾" in client.get("/preparedness/plans/").content.decode()
    assert "南海区森林火灾应急预案" in client.get(f"/preparedness/event-types/{event.pk}/").content.decode()


def test_town_officer_records_a_team_in_their_own_town_only(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    data = {
        "number": "DW001",
        "name": "桂城应急救援队",
        "kind": "基层应急",
        "members": "30",
        "town": nanhai.jiujiang.pk,
    }
    assert client.post("/preparedness/teams/new/", data).status_code == 200
    assert not RescueTeam.objects.exists()
    data["town"] = nanhai.guicheng.pk
    assert client.post("/preparedness/teams/new/", data).status_code == 302
    team = RescueTeam.objects.get()
    assert client.get(f"/preparedness/teams/{team.pk}/").status_code == 200
    assert (
        nanhai.client_for(nanhai.jiujiang_officer).get(f"/preparedness/teams/{team.pk}/").status_code == 404
    )
