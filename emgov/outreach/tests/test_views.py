"""Legal-publicity activities: any staff member records them, leaders read them."""

from __future__ import annotations

import datetime

from emgov.core import audit, services
from emgov.outreach.models import OutreachActivity

LIST = "/outreach/activities/"


def test_town_officer_records_an_activity_of_their_town(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    data = {
        "number": "PF2023001",
        "kind": "集中宣传",
        "name": "安全生产月集中宣传",
        "start_date": "2023-06-16",
        "participants": "800",
        "safety_month": "on",
        "region": nanhai.guicheng.pk,
    }
    assert client.post(f"{LIST}new/", data).status_code == 302
    activity = OutreachActivity.objects.get()
    assert activity.region == nanhai.guicheng and activity.safety_month
    page = client.get(LIST, {"safety_month": "1"}).content.decode()
    assert "安全生产月集中宣传" in page and "800" in page
    data.update(participants="850", _version=activity.version)
    assert client.post(f"{LIST}{activity.pk}/edit/", data).status_code == 302
    assert audit.history(activity).get(action="change").changes == {"participants": [800, 850]}


def test_a_negative_number_of_participants_is_refused(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    data = {
        "number": "PF2023002",
        "kind": "线上培训",
        "name": "线上培训",
        "start_date": "2023-05-01",
        "participants": "-3",
    }
    assert "大于或等于0" in client.post(f"{LIST}new/", data).content.decode()


def test_leader_reads_but_does_not_record(nanhai):
    activity = services.record_create(
        OutreachActivity(
            number="PF2023001",
            kind="线上培训",
            name="线上培训",
            start_date=datetime.date(2023, 5, 1),
            participants=30,
        ),
        actor=None,
    )
    client = nanhai.client_for(nanhai.leader)
    assert client.get(f"{LIST}{activity.pk}/").status_code == 200
    assert client.get(f"{LIST}new/").status_code == 404


def test_town_officer_gets_404_for_another_towns_activity(nanhai):
    activity = services.record_create(
        OutreachActivity(
            number="PF2023001",
            kind="线上培训",
            name="九江培训",
            start_date=datetime.date(2023, 5, 1),
            participants=30,
            region=nanhai.jiujiang,
        ),
        actor=None,
    )
    assert nanhai.client_for(nanhai.guicheng_officer).get(f"{LIST}{activity.pk}/").status_code == 404


def test_a_town_officers_new_activity_is_placed_in_their_town(nanhai):
    page = nanhai.client_for(nanhai.guicheng_officer).get(f"{LIST}new/").content.decode()
    assert f'<option value="{nanhai.guicheng.pk}" selected>桂城街道</option>' in page
    district = nanhai.client_for(nanhai.district_officer).get(f"{LIST}new/").content.decode()
    assert "selected>桂城街道" not in district
