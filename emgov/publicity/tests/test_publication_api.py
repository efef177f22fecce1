"""The 双公示 API: list publications and pending decisions, publish, withdraw with a reason, export."""

from __future__ import annotations

import csv
import io
import json

import pytest

from emgov.publicity.tests.publication_helpers import PERSON, PERSON_MASKED, d, firm_penalty, person_penalty

pytestmark = pytest.mark.django_db

BASE = "/api/publicity/publications"


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_publish_withdraw_and_republish_through_the_api(nanhai, today):
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", decided="2023-09-28")
    client = nanhai.client_for(nanhai.legal)
    [pending] = client.get(f"{BASE}/pending").json()
    assert pending["due_on"] == "2023-10-13" and pending["overdue"] and pending["decision_type"] == "penalty"

    response = post(client, f"{BASE}/penalty/{case.pk}/publish", {"published_on": "2023-10-16"})
    assert response.status_code == 201, response.content
    assert response.json()["published_on"] == "2023-10-16" and response.json()["in_force"]
    assert client.get(f"{BASE}/pending").json() == []

    refused = post(client, f"{BASE}/penalty/{case.pk}/withdraw", {"reason": ""})
    assert refused.status_code == 422 and "撤销公示必须填写原因" in json.dumps(
        refused.json(), ensure_ascii=False
    )
    withdrawn = post(client, f"{BASE}/penalty/{case.pk}/withdraw", {"reason": "罚款金额更正"})
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_on"] == "2023-10-20"
    assert post(client, f"{BASE}/penalty/{case.pk}/publish", {}).status_code == 201
    items = client.get(BASE).json()["items"]
    assert [i["in_force"] for i in items] == [True, False]
    assert client.get(BASE, {"in_force": "false"}).json()["count"] == 1
    case.refresh_from_db()
    assert case.published_on == d("2023-10-20")


def test_the_api_is_scoped_and_masks_people(nanhai, today):
    today("2023-10-20")
    person = person_penalty(nanhai.jiujiang, "（南海）应急罚〔2023〕2号", decided="2023-10-09")
    firm = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    legal = nanhai.client_for(nanhai.legal)
    assert post(legal, f"{BASE}/penalty/{person.pk}/publish", {}).status_code == 201
    assert post(legal, f"{BASE}/penalty/{firm.pk}/publish", {}).status_code == 201
    body = json.dumps(legal.get(BASE).json(), ensure_ascii=False)
    assert PERSON_MASKED in body and PERSON not in body
    officer = nanhai.client_for(nanhai.guicheng_officer)
    assert [i["decision_number"] for i in officer.get(BASE).json()["items"]] == ["（南海）应急罚〔2023〕1号"]
    assert post(officer, f"{BASE}/penalty/{firm.pk}/withdraw", {"reason": "x"}).status_code == 404


def test_the_api_export(nanhai, today):
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", fine="5000")
    client = nanhai.client_for(nanhai.legal)
    post(client, f"{BASE}/penalty/{case.pk}/publish", {"published_on": "2023-10-09"})
    response = client.get(f"{BASE}/export", {"start": "2023-10-01", "end": "2023-10-31", "fmt": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [(r["cf_wsh"], r["cf_nr_fk"]) for r in rows] == [("（南海）应急罚〔2023〕1号", "0.500000")]
    bad = client.get(f"{BASE}/export", {"start": "2023-10-31", "end": "2023-10-01"})
    assert bad.status_code == 422 and "公示日期至不能早于公示日期自" in json.dumps(
        bad.json(), ensure_ascii=False
    )


def test_a_licensing_decision_for_a_person_is_listed_with_the_name_masked(nanhai):
    from emgov.licensing.procedures import LICENSING_CASE
    from emgov.licensing.tests.factories import D, granted, make_item

    case = granted(make_item(), D(2023, 10, 9), applicant=PERSON, region=nanhai.guicheng)
    LICENSING_CASE.take("publish", case, actor=nanhai.legal, published_on=D(2023, 10, 10))
    [row] = nanhai.client_for(nanhai.legal).get(BASE).json()["items"]
    assert row["decision_type"] == "licensing" and row["party_name"] == PERSON_MASKED
