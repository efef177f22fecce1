"""The inspections API: lookup, a visit with its checklist recorded under the same rules, scope, queries."""

from __future__ import annotations

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from emgov.enforcement.models import Hazard, Visit
from emgov.enforcement.tests import phone

API = "/api/inspections"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def payload(firm, officers, **changes) -> dict:
    data = {
        "enterprise_id": firm.pk,
        "date": "2023-06-01",
        "nature": "执法检查",
        "officer_ids": [o.pk for o in officers],
        "result": "责令整改",
        "av_recorded": True,
    }
    return {**data, **changes}


def post(client, data):
    return client.post(f"{API}/visits", json.dumps(data), content_type="application/json")


def test_enterprise_lookup_by_pinyin_initials(nanhai, firm):
    phone.enterprise(nanhai.jiujiang, 2, "九江五金厂")
    body = nanhai.client_for(nanhai.guicheng_officer).get(f"{API}/enterprises", {"q": "wj"}).json()
    assert [e["name"] for e in body] == ["桂城五金制品有限公司"]
    assert body[0]["name_initials"] == "gcwjzpyxgs" and body[0]["town"] == "桂城街道"


def test_visit_with_checklist_becomes_hazards(nanhai, firm):
    items = phone.checklist()
    checklist = [
        {"item_id": items["第三条第（二）项"].pk, "answer": "不符合", "note": "电工无证"},
        {"item_id": items["第十一条第（一）项"].pk, "answer": "不符合", "note": "车间内设休息室"},
        {"item_id": items["第三条第（一）项"].pk, "answer": "符合"},
    ]
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = post(client, payload(firm, phone.officer_pair(), checklist=checklist))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] == "YJ-20230601-001" and len(body["checklist"]) == 3
    assert [h["description"] for h in body["hazards"]] == ["电工无证", "车间内设休息室"]
    assert {h["grade"] for h in body["hazards"]} == {"重大事故隐患"}
    assert client.get(f"{API}/visits/{body['id']}").json()["hazards"] == body["hazards"]


def test_expired_certificate_is_refused_naming_the_officer(nanhai, firm):
    import datetime

    officers = [
        phone.officer("YJ101", "李执法"),
        phone.officer("YJ103", "赵过期", valid_until=datetime.date(2023, 1, 1)),
    ]
    response = post(nanhai.client_for(nanhai.guicheng_officer), payload(firm, officers))
    assert response.status_code == 422
    assert "赵过期（YJ103）" in response.json()["detail"]["officers"][0]
    assert not Visit.objects.exists()


def test_one_officer_is_refused(nanhai, firm):
    response = post(
        nanhai.client_for(nanhai.guicheng_officer), payload(firm, [phone.officer("YJ101", "李执法")])
    )
    assert response.status_code == 422 and "只有1名" in response.json()["detail"]["officers"][0]


def test_a_visit_dated_after_today_is_refused_on_the_date(nanhai, firm):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    officers = list(phone.officer_pair())
    response = post(nanhai.client_for(nanhai.guicheng_officer), payload(firm, officers, date=tomorrow))
    assert response.status_code == 422 and response.json()["detail"]["date"] == ["检查日期不能晚于今天"]
    assert not Visit.objects.exists()


def test_town_officer_cannot_see_or_post_for_another_town(nanhai):
    other = phone.enterprise(nanhai.jiujiang, 2, "九江五金厂")
    officers = phone.officer_pair()
    jiujiang = nanhai.client_for(nanhai.jiujiang_officer)
    visit_id = post(jiujiang, payload(other, officers)).json()["id"]
    guicheng = nanhai.client_for(nanhai.guicheng_officer)
    assert post(guicheng, payload(other, officers)).status_code == 404
    assert guicheng.get(f"{API}/visits/{visit_id}").status_code == 404
    assert guicheng.get(f"{API}/visits").json()["count"] == 0
    upload = {"file": SimpleUploadedFile("现场.png", PNG)}
    assert guicheng.post(f"{API}/visits/{visit_id}/attachments", upload).status_code == 404
    assert Visit.objects.count() == 1


def test_attachment_is_checked(nanhai, firm):
    client = nanhai.client_for(nanhai.guicheng_officer)
    visit_id = post(client, payload(firm, phone.officer_pair())).json()["id"]
    bad = client.post(
        f"{API}/visits/{visit_id}/attachments", {"file": SimpleUploadedFile("现场.png", b"GIF89a")}
    )
    assert bad.status_code == 422 and "不符" in bad.json()["detail"]["file"][0]
    good = client.post(f"{API}/visits/{visit_id}/attachments", {"file": SimpleUploadedFile("现场.png", PNG)})
    assert good.status_code == 201 and good.json()["original_name"] == "现场.png"
    assert [a["original_name"] for a in client.get(f"{API}/visits/{visit_id}").json()["attachments"]] == [
        "现场.png"
    ]


def test_visit_list_filters_by_nature_with_a_fixed_query_count(nanhai, firm, django_assert_num_queries):
    client = nanhai.client_for(nanhai.guicheng_officer)
    officers = phone.officer_pair()
    for day in ("2023-06-01", "2023-06-02", "2023-06-03"):
        post(client, payload(firm, officers, date=day))
    post(client, payload(firm, officers, nature="帮扶指导"))
    client.get(f"{API}/visits")
    # session, user, regions; count; visits with enterprise and department; their officers
    with django_assert_num_queries(6):
        body = client.get(f"{API}/visits", {"nature": "执法检查"}).json()
    assert body["count"] == 3 and body["items"][0]["officers"] == ["李执法（YJ101）", "王执法（YJ102）"]
    assert client.get(f"{API}/visits", {"nature": "帮扶指导"}).json()["count"] == 1


def test_enterprise_lookup_query_count_is_fixed(nanhai, firm, django_assert_num_queries):
    for n in range(2, 6):
        phone.enterprise(nanhai.guicheng, n, f"桂城五金{n}厂")
    client = nanhai.client_for(nanhai.guicheng_officer)
    client.get(f"{API}/enterprises", {"q": "gc"})
    with django_assert_num_queries(4):
        assert len(client.get(f"{API}/enterprises", {"q": "gc"}).json()) == 5


def test_leader_cannot_post_visits(nanhai, firm):
    assert post(nanhai.client_for(nanhai.leader), payload(firm, phone.officer_pair())).status_code == 404
    assert not Hazard.objects.exists()


def test_openapi_documents_the_inspections_router(nanhai):
    schema = nanhai.client_for(nanhai.district_officer).get("/api/openapi.json").json()
    assert {"/api/inspections/enterprises", "/api/inspections/visits", "/api/inspections/visits/{pk}"} <= set(
        schema["paths"]
    )
