"""重大事故隐患 (安全生产法第四十一条第三款、第六十五条第一款第三项、第一百一十八条第二款): a major
hazard names its clause of the 判定标准; registering one proposes 挂牌督办; one that cannot be kept safe
until removed is suspended before its deadline — through the service, the pages, the API, the import and
the to-do list."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import ValidationError

from emgov.core.interchange import registry
from emgov.enforcement.models import Hazard, Order, OrderType
from emgov.enforcement.procedures import HAZARD, proposed_steps
from emgov.enforcement.queries import suspension_of
from emgov.enforcement.services import orders
from emgov.enforcement.services.hazards import hazard_register
from emgov.enforcement.services.reminders import hazard_todo
from emgov.enforcement.tests.hazard_helpers import make_visit

D = datetime.date
MAJOR = "重大事故隐患"
CLAUSE = "《工贸企业重大事故隐患判定标准》第十一条第（一）项"
HAZARDS = "/enforcement/hazards/"
API = "/api/hazards"


def major(visit, *, basis: str = CLAUSE, unsafe: bool = False, deadline=None) -> Hazard:
    return hazard_register(
        actor=None,
        visit=visit,
        description="粉尘爆炸危险场所设置在非框架结构的多层建筑物内",
        grade=MAJOR,
        basis=basis,
        unsafe_until_removed=unsafe,
        deadline=deadline,
    )


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


# 第一百一十八条第二款: the 判定标准 and its clause ---------------------------------------------------


@pytest.mark.parametrize(
    "basis",
    [
        "",
        "《中华人民共和国安全生产法》第四十一条",
        "《工贸企业重大事故隐患判定标准》",
        "《重大火灾隐患判定方法》（GB 35181-2017）",
    ],
)
def test_art_118_a_major_hazard_without_its_clause_of_the_standard_is_refused(nanhai, basis):
    visit = make_visit(nanhai.guicheng)
    with pytest.raises(ValidationError) as refused:
        major(visit, basis=basis)
    assert refused.value.error_dict["basis"][0].code == "major_without_clause"
    assert not Hazard.objects.exists()


@pytest.mark.parametrize(
    "basis",
    [
        CLAUSE,
        "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十三条第（二）项",
        "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十一条",
        "《重大火灾隐患判定方法》（GB 35181-2017）第6.5条",
    ],
)
def test_art_118_a_major_hazard_names_the_standard_and_its_clause(nanhai, basis):
    assert major(make_visit(nanhai.guicheng), basis=basis).basis == basis


def test_art_118_the_clause_is_checked_in_the_api_the_page_and_the_import(nanhai):
    visit = make_visit(nanhai.guicheng)
    client = nanhai.client_for(nanhai.district_officer)
    api = post(client, f"{API}/", {"visit_id": visit.pk, "description": "除尘系统未设泄爆", "grade": MAJOR})
    assert api.status_code == 422 and "判定标准及其条款" in api.content.decode()
    page = client.post(
        f"{HAZARDS}new/",
        {"number": "YH2023001", "visit": visit.number, "description": "除尘系统未设泄爆", "grade": MAJOR},
    )
    assert page.status_code in (200, 422) and "判定标准及其条款" in page.content.decode()
    header = ["隐患编号", "检查编号", "隐患描述", "隐患等级", "判定依据"]
    result = registry.get("hazards").load_rows(
        [header, ["YH2023002", visit.number, "除尘系统未设泄爆", MAJOR, ""]], actor=None, via="测试"
    )
    assert not result.ok and "判定标准及其条款" in str(result.errors[0])
    assert not Hazard.objects.exists()
    ok = registry.get("hazards").load_rows(
        [header, ["YH2023002", visit.number, "除尘系统未设泄爆", MAJOR, CLAUSE]], actor=None, via="测试"
    )
    assert ok.ok and Hazard.objects.get().basis == CLAUSE


def test_art_65_only_a_major_hazard_can_be_unsafe_until_removed(nanhai):
    with pytest.raises(ValidationError) as refused:
        hazard_register(
            actor=None,
            visit=make_visit(nanhai.guicheng),
            description="消防通道堵塞",
            grade="一般隐患",
            unsafe_until_removed=True,
        )
    assert refused.value.error_dict["unsafe_until_removed"][0].code == "unsafe_not_major"


# 第四十一条第三款: 挂牌督办 proposed on registration --------------------------------------------------


def test_art_41_registering_a_major_hazard_proposes_its_supervision(nanhai):
    hazard = major(make_visit(nanhai.guicheng, day=D(2023, 9, 27)))
    assert proposed_steps(hazard) == [("supervise", "安全生产法第四十一条第三款")]
    client = nanhai.client_for(nanhai.guicheng_officer)
    page = client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert 'data-proposed="supervise"' in page and f"{HAZARDS}{hazard.pk}/steps/supervise/" in page
    assert "安全生产法第四十一条第三款" in page
    assert client.get(f"{API}/{hazard.pk}").json()["proposed_steps"] == ["supervise"]
    [item] = [i for i in hazard_todo(nanhai.guicheng_officer, today=D(2023, 10, 9)) if i.kind == "挂牌督办"]
    assert hazard.number in item.title and item.due == D(2023, 9, 27)
    HAZARD.take("supervise", hazard, actor=None, supervised_on=D(2023, 10, 9), supervising_body="区安委办")
    hazard.refresh_from_db()
    assert proposed_steps(hazard) == []
    assert not [i for i in hazard_todo(nanhai.guicheng_officer, today=D(2023, 10, 9)) if i.kind == "挂牌督办"]
    assert 'data-proposed="supervise"' not in client.get(f"{HAZARDS}{hazard.pk}/").content.decode()


def test_art_41_a_general_hazard_proposes_nothing(nanhai):
    hazard = hazard_register(
        actor=None, visit=make_visit(nanhai.guicheng), description="消防通道堵塞", grade="一般隐患"
    )
    assert proposed_steps(hazard) == []
    assert not hazard_todo(nanhai.guicheng_officer, today=D(2023, 6, 2))


# 第六十五条第一款第三项: the suspension of a hazard that cannot be kept safe until removed -------------


def test_art_65_a_safe_major_hazard_is_not_suspended_before_its_deadline(nanhai):
    hazard = major(make_visit(nanhai.guicheng))
    [option] = [o for o in HAZARD.options(hazard, nanhai.district_officer) if o.step.name == "suspend"]
    assert "安全生产法第一百零二条、安全生产法第六十五条第一款第三项" in option.refusal
    with pytest.raises(ValidationError, match="尚未逾期"):
        HAZARD.take("suspend", hazard, actor=nanhai.district_officer, issued_on=D(2023, 6, 2))
    with pytest.raises(ValidationError, match="不能责令停产停业") as refused:
        orders.order_issue(
            actor=None,
            visit=hazard.visit,
            doc_type=OrderType.SUSPEND,
            hazards=[hazard],
            issued_on=D(2023, 6, 2),
        )
    assert refused.value.error_dict["hazards"][0].code == "not_suspendable"
    assert not Order.objects.exists()


def test_art_65_an_unsafe_major_hazard_is_suspended_before_its_deadline(nanhai):
    # Registered on 2023-09-27 with its deadline after the National Day holiday: not overdue, but unsafe.
    hazard = major(make_visit(nanhai.guicheng, day=D(2023, 9, 27)), unsafe=True)
    assert proposed_steps(hazard) == [
        ("supervise", "安全生产法第四十一条第三款"),
        ("suspend", "安全生产法第六十五条第一款第三项"),
    ]
    [item] = [
        i for i in hazard_todo(nanhai.guicheng_officer, today=D(2023, 9, 28)) if i.kind == "责令暂时停产停业"
    ]
    assert item.overdue and "第六十五条第一款第三项" in item.title
    hazard = HAZARD.take("suspend", hazard, actor=nanhai.district_officer, issued_on=D(2023, 9, 28))
    order = suspension_of(hazard)
    assert order.basis == "《中华人民共和国安全生产法》第六十五条第一款第三项"
    assert "撤出作业人员" in order.content and "2023年9月28日" in order.content
    assert proposed_steps(hazard) == [("supervise", "安全生产法第四十一条第三款")]
    assert not [
        i for i in hazard_todo(nanhai.guicheng_officer, today=D(2023, 9, 28)) if i.kind == "责令暂时停产停业"
    ]


def test_art_65_the_unsafe_suspension_through_the_page_and_the_api(nanhai):
    visit = make_visit(nanhai.guicheng, day=D(2024, 2, 7))
    client = nanhai.client_for(nanhai.guicheng_officer)
    created = post(
        client,
        f"{API}/",
        {
            "visit_id": visit.pk,
            "description": "有限空间作业未进行气体检测",
            "grade": MAJOR,
            "basis": "《工贸企业重大事故隐患判定标准》第十三条第（二）项",
            "unsafe_until_removed": True,
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["unsafe_until_removed"] and body["proposed_steps"] == ["supervise", "suspend"]
    page = client.get(f"{HAZARDS}{body['id']}/").content.decode()
    assert 'data-proposed="suspend"' in page and "撤出作业人员" in page
    stale = client.post(f"{HAZARDS}{body['id']}/steps/suspend/", {"issued_on": "2024-02-08", "_version": 0})
    assert stale.status_code == 422 and not Order.objects.exists()
    taken = post(client, f"{API}/{body['id']}/steps/suspend", {"version": 1, "issued_on": "2024-02-08"})
    assert taken.status_code == 200, taken.content
    assert Order.objects.get().doc_type == OrderType.SUSPEND
    version = client.get(f"{API}/{body['id']}").json()["version"]
    again = post(client, f"{API}/{body['id']}/steps/suspend", {"version": version, "issued_on": "2024-02-19"})
    assert again.status_code == 422 and "不能重复下达" in again.content.decode()
