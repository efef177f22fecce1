"""Pages of operations, visits, hazards and orders: the officer rule, data scope, audit and query counts."""

from __future__ import annotations

import datetime

import pytest

from emgov.core import audit, services
from emgov.core.models import Department, Officer
from emgov.enforcement.models import Hazard, HazardStatus, Operation, Order, Visit
from emgov.enterprises.models import Enterprise
from emgov.enterprises.tests.test_views import make_enterprise

VISITS = "/enforcement/visits/"
HAZARDS = "/enforcement/hazards/"
ORDERS = "/enforcement/orders/"
OPERATIONS = "/enforcement/operations/"
DAY = datetime.date(2023, 6, 1)


def bureau() -> Department:
    return Department.objects.get(is_bureau=True)


def make_officer(number: str, name: str, valid_until: datetime.date | None = None) -> Officer:
    return services.record_create(
        Officer(certificate_number=number, name=name, department=bureau(), valid_until=valid_until),
        actor=None,
    )


def two_officers() -> list[Officer]:
    return [make_officer("YJ001", "李执法"), make_officer("YJ002", "王执法")]


def make_visit(enterprise: Enterprise, number: str, officers: list[Officer], **fields) -> Visit:
    values = {"date": DAY, "department": bureau(), "nature": "执法检查", "result": "未发现问题", **fields}
    visit = services.record_create(Visit(number=number, enterprise=enterprise, **values), actor=None)
    visit.officers.set(officers)
    return visit


def make_hazard(visit: Visit, number: str, **fields) -> Hazard:
    values = {"description": "消防通道堵塞", "grade": "一般隐患", **fields}
    return services.record_create(Hazard(number=number, visit=visit, **values), actor=None)


def visit_form(enterprise: Enterprise, officers: list[Officer], **changes) -> dict:
    data = {
        "number": "JC2023100",
        "date": "2023-06-01",
        "enterprise": enterprise.credit_code,
        "department": bureau().pk,
        "nature": "执法检查",
        "officers": [o.pk for o in officers],
        "result": "未发现问题",
    }
    return {**data, **changes}


# Visits ------------------------------------------------------------------------------------------


def test_visit_list_shows_enterprise_town_and_officers(nanhai):
    officers = two_officers()
    make_visit(make_enterprise(nanhai.guicheng, 1, name="桂城五金"), "JC2023001", officers)
    page = nanhai.client_for(nanhai.district_officer).get(VISITS).content.decode()
    assert "JC2023001" in page and "桂城五金" in page and "桂城街道" in page
    assert "李执法（YJ001）" in page and "王执法（YJ002）" in page


def test_visit_detail_lists_its_hazards_and_links_the_enterprise(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1, name="桂城五金")
    visit = make_visit(enterprise, "JC2023001", two_officers())
    make_hazard(visit, "YH2023001")
    page = nanhai.client_for(nanhai.district_officer).get(f"{VISITS}{visit.pk}/").content.decode()
    assert "YH2023001" in page and f'href="/enterprises/enterprises/{enterprise.pk}/"' in page


def test_officer_records_a_visit_through_the_page(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    officers = two_officers()
    response = nanhai.client_for(nanhai.district_officer).post(
        f"{VISITS}new/", visit_form(enterprise, officers)
    )
    visit = Visit.objects.get(number="JC2023100")
    assert response.status_code == 302
    assert set(visit.officers.all()) == set(officers)
    entry = audit.history(visit).get(action="create")
    assert entry.via == "网页" and entry.changes["officers"] == [None, [str(o) for o in officers]]


def test_a_visit_with_one_officer_is_refused_with_the_rule(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    officer = make_officer("YJ001", "李执法")
    response = nanhai.client_for(nanhai.district_officer).post(
        f"{VISITS}new/", visit_form(enterprise, [officer])
    )
    assert "至少两名持有效执法证的执法人员，本条只有1名" in response.content.decode()
    assert not Visit.objects.exists()


def test_a_visit_with_an_expired_certificate_names_the_officer(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    officers = [
        make_officer("YJ001", "李执法"),
        make_officer("YJ009", "赵过期", valid_until=datetime.date(2023, 3, 31)),
    ]
    response = nanhai.client_for(nanhai.district_officer).post(
        f"{VISITS}new/", visit_form(enterprise, officers)
    )
    page = response.content.decode()
    assert "执法人员赵过期（YJ009）的执法证在2023-06-01无效" in page
    assert not Visit.objects.exists()


def test_an_assistance_visit_needs_no_two_officers(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    response = nanhai.client_for(nanhai.district_officer).post(
        f"{VISITS}new/", visit_form(enterprise, [], nature="帮扶指导")
    )
    assert response.status_code == 302 and Visit.objects.get().nature == "帮扶指导"


def test_editing_the_officers_is_versioned_and_audited(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    first, second = two_officers()
    third = make_officer("YJ003", "张执法")
    visit = make_visit(enterprise, "JC2023100", [first, second])
    client = nanhai.client_for(nanhai.district_officer)
    data = visit_form(enterprise, [first, third], _version=visit.version)
    assert client.post(f"{VISITS}{visit.pk}/edit/", data).status_code == 302
    visit.refresh_from_db()
    assert set(visit.officers.all()) == {first, third} and visit.version == 2
    entry = audit.history(visit).get(action="change")
    assert entry.changes == {"officers": [[str(first), str(second)], [str(first), str(third)]]}
    stale = client.post(f"{VISITS}{visit.pk}/edit/", visit_form(enterprise, [first, second], _version=1))
    assert "该记录已被其他人修改" in stale.content.decode()
    assert set(visit.officers.all()) == {first, third}


def test_editing_officers_to_one_is_refused(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    first, second = two_officers()
    visit = make_visit(enterprise, "JC2023100", [first, second])
    response = nanhai.client_for(nanhai.district_officer).post(
        f"{VISITS}{visit.pk}/edit/", visit_form(enterprise, [first], _version=visit.version)
    )
    assert "本条只有1名" in response.content.decode()
    assert visit.officers.count() == 2


def test_a_visit_cannot_name_an_enterprise_outside_the_town(nanhai):
    other = make_enterprise(nanhai.jiujiang, 2)
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        f"{VISITS}new/", visit_form(other, two_officers())
    )
    assert f"找不到“{other.credit_code}”对应的企业" in response.content.decode()
    assert not Visit.objects.exists()


def test_town_officer_gets_404_for_a_visit_and_hazard_of_another_town(nanhai):
    officers = two_officers()
    own = make_visit(make_enterprise(nanhai.guicheng, 1), "JC2023001", officers)
    other = make_visit(make_enterprise(nanhai.jiujiang, 2), "JC2023002", officers)
    own_hazard, other_hazard = make_hazard(own, "YH2023001"), make_hazard(other, "YH2023002")
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"{VISITS}{own.pk}/").status_code == 200
    assert client.get(f"{VISITS}{other.pk}/").status_code == 404
    assert client.get(f"{HAZARDS}{own_hazard.pk}/").status_code == 200
    assert client.get(f"{HAZARDS}{other_hazard.pk}/").status_code == 404
    assert client.get(f"{HAZARDS}{other_hazard.pk}/void/").status_code == 404
    assert "YH2023002" not in client.get(HAZARDS).content.decode()


# Hazards and orders ------------------------------------------------------------------------------


def test_hazard_created_through_the_page_takes_its_status_from_the_dates(nanhai):
    visit = make_visit(make_enterprise(nanhai.guicheng, 1), "JC2023001", two_officers())
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        f"{HAZARDS}new/",
        {
            "number": "YH2023001",
            "visit": "JC2023001",
            "description": "安全出口堵塞",
            "grade": "一般隐患",
            "deadline": "2023-06-15",
        },
    )
    assert response.status_code == 302
    hazard = Hazard.objects.get(number="YH2023001")
    assert hazard.visit == visit and hazard.status == HazardStatus.RECTIFYING


def test_hazard_edit_recomputes_the_status_and_checks_the_dates(nanhai):
    visit = make_visit(make_enterprise(nanhai.guicheng, 1), "JC2023001", two_officers())
    hazard = make_hazard(
        visit, "YH2023001", deadline=datetime.date(2023, 6, 15), status=HazardStatus.RECTIFYING
    )
    client = nanhai.client_for(nanhai.district_officer)
    data = {
        "number": "YH2023001",
        "visit": "JC2023001",
        "description": "消防通道堵塞",
        "grade": "一般隐患",
        "deadline": "2023-06-15",
        "rectified_on": "2023-05-01",
        "_version": hazard.version,
    }
    page = client.post(f"{HAZARDS}{hazard.pk}/edit/", data).content.decode()
    assert "整改完成日期不能早于检查日期（2023-06-01）" in page
    data["rectified_on"] = "2023-06-10"
    assert client.post(f"{HAZARDS}{hazard.pk}/edit/", data).status_code == 302
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.REVIEW_REQUESTED
    changes = audit.history(hazard).get(action="change").changes
    assert changes["status"] == ["整改中", "申请复查"] and changes["rectified_on"] == [None, "2023-06-10"]


def test_hazard_list_filters_by_town_and_grade(nanhai):
    officers = two_officers()
    own = make_visit(make_enterprise(nanhai.guicheng, 1), "JC2023001", officers)
    other = make_visit(make_enterprise(nanhai.jiujiang, 2), "JC2023002", officers)
    make_hazard(
        own, "YH2023001", grade="重大事故隐患", basis="《工贸企业重大事故隐患判定标准》第三条第（一）项"
    )
    make_hazard(other, "YH2023002")
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get(HAZARDS, {"town": nanhai.jiujiang.pk}).content.decode()
    assert "YH2023002" in page and "YH2023001" not in page
    page = client.get(HAZARDS, {"grade": "重大事故隐患"}).content.decode()
    assert "YH2023001" in page and "YH2023002" not in page


def test_order_is_issued_through_the_page_not_before_the_visit(nanhai):
    make_visit(make_enterprise(nanhai.guicheng, 1), "JC2023001", two_officers())
    client = nanhai.client_for(nanhai.district_officer)
    data = {
        "number": "（南海）应急责改〔2023〕1号",
        "visit": "JC2023001",
        "doc_type": "责令限期整改指令书",
        "issued_on": "2023-05-30",
    }
    assert "签发日期不能早于检查日期" in client.post(f"{ORDERS}new/", data).content.decode()
    data["issued_on"] = "2023-06-01"
    assert client.post(f"{ORDERS}new/", data).status_code == 302
    order = Order.objects.get()
    page = client.get(ORDERS).content.decode()
    assert order.number in page and "责令限期整改指令书" in page


# Operations --------------------------------------------------------------------------------------


def test_operation_with_departments_is_created_and_edited_with_audit(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    housing, fire = Department.objects.get(short_name="住建"), Department.objects.get(short_name="消防")
    data = {
        "number": "XD2023001",
        "kind": "联合执法",
        "name": "燃气安全联合执法",
        "start_date": "2023-04-01",
        "lead_department": bureau().pk,
        "departments": [housing.pk, fire.pk],
        "unannounced": "on",
    }
    assert client.post(f"{OPERATIONS}new/", data).status_code == 302
    operation = Operation.objects.get()
    assert set(operation.departments.all()) == {housing, fire}
    response = client.post(
        f"{OPERATIONS}{operation.pk}/edit/",
        {**data, "departments": [housing.pk], "leader_name": "陈局长", "_version": operation.version},
    )
    assert response.status_code == 302
    entry = audit.history(operation).get(action="change")
    assert entry.changes["leader_name"] == ["", "陈局长"]
    assert entry.changes["departments"] == [["住建", "消防"], ["住建"]]
    page = client.get(OPERATIONS).content.decode()
    assert "燃气安全联合执法" in page and "住建" in page


# Query counts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 30])
def test_visit_list_query_count_does_not_grow_with_rows(nanhai, django_assert_num_queries, rows):
    officers = two_officers()
    for n in range(rows):
        make_visit(make_enterprise(nanhai.guicheng, n + 1), f"JC2023{n:03d}", officers)
    client = nanhai.client_for(nanhai.district_officer)
    client.get(VISITS)
    # session, user, user's regions, department options, town options, count, page (with enterprise,
    # town, department), officers (prefetched), bureau region (for the import button), counts by nature
    with django_assert_num_queries(10):
        response = client.get(VISITS)
    assert response.content.decode().count("李执法（YJ001）") == rows


@pytest.mark.parametrize("rows", [1, 30])
def test_hazard_list_query_count_does_not_grow_with_rows(nanhai, django_assert_num_queries, rows):
    visit = make_visit(make_enterprise(nanhai.guicheng, 1), "JC2023001", two_officers())
    for n in range(rows):
        make_hazard(visit, f"YH2023{n:03d}")
    client = nanhai.client_for(nanhai.district_officer)
    client.get(HAZARDS)
    # session, user, user's regions, town options, department options, count, page (with visit,
    # enterprise, town), bureau region (for the import button), holiday overrides (for the overdue flag)
    with django_assert_num_queries(9):
        response = client.get(HAZARDS)
    assert response.content.decode().count("YH2023") == rows
