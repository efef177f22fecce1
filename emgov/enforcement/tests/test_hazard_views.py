"""Hazard pages: the overdue flag, only the steps of the state offered, a step by form (refused when stale
or not of the state), the escalations with their reasons, the supervised list, scope and roles."""

from __future__ import annotations

import datetime

from emgov.enforcement.models import Hazard, HazardStatus, Order
from emgov.enforcement.procedures import HAZARD
from emgov.enforcement.tests.hazard_helpers import make_visit, register

D = datetime.date
HAZARDS = "/enforcement/hazards/"


def step_url(hazard: Hazard, step: str) -> str:
    return f"{HAZARDS}{hazard.pk}/steps/{step}/"


def test_list_flags_overdue_hazards_with_pinned_queries(nanhai, django_assert_num_queries):
    visit = make_visit(nanhai.guicheng)
    late = register(visit, None, deadline=D(2023, 6, 10))
    register(visit, None, deadline=datetime.date.today() + datetime.timedelta(days=30))
    for n in range(3):
        register(visit, None, deadline=D(2023, 6, 10) + datetime.timedelta(days=n))
    client = nanhai.client_for(nanhai.guicheng_officer)
    client.get(HAZARDS)
    with django_assert_num_queries(9):
        page = client.get(HAZARDS).content.decode()
    assert page.count('data-label="逾期">逾期<') == 4
    only = client.get(f"{HAZARDS}?overdue=1").content.decode()
    assert late.number in only and "JC2023001-02" not in only


def test_detail_offers_the_step_of_the_state_and_says_why_an_escalation_waits(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=datetime.date.today())
    page = nanhai.client_for(nanhai.guicheng_officer).get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert step_url(hazard, "order") in page
    assert step_url(hazard, "review") not in page and step_url(hazard, "start") not in page
    assert step_url(hazard, "suspend") not in page and "尚未逾期" in page
    assert 'data-flag="overdue"' not in page


def test_detail_of_an_overdue_hazard_offers_the_suspension(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 10))
    page = nanhai.client_for(nanhai.guicheng_officer).get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert 'data-flag="overdue"' in page and step_url(hazard, "suspend") in page


def test_a_step_by_form_moves_the_hazard_and_one_not_of_the_state_is_refused(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(step_url(hazard, "order"), {"deadline": "2023-06-20", "_version": hazard.version})
    assert response.status_code == 302 and response["Location"] == f"{HAZARDS}{hazard.pk}/"
    hazard.refresh_from_db()
    assert (hazard.status, hazard.deadline) == (HazardStatus.ORDERED, D(2023, 6, 20))
    refused = client.post(
        step_url(hazard, "review"), {"reviewed_on": "2023-06-21", "passed": "1", "_version": hazard.version}
    )
    assert refused.status_code == 422
    assert "“复查”不是当前（下达整改）可以办理的环节。" in refused.content.decode()
    after = Hazard.objects.get(pk=hazard.pk)
    assert (after.status, after.reviewed_on, after.version) == (HazardStatus.ORDERED, None, hazard.version)


def test_a_stale_step_is_refused_and_writes_nothing(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.guicheng_officer)
    page = client.post(step_url(hazard, "order"), {"deadline": "2023-06-20", "_version": 0})
    assert page.status_code == 422 and "已被其他人修改" in page.content.decode()
    after = Hazard.objects.get(pk=hazard.pk)
    assert (after.status, after.deadline, after.version) == (HazardStatus.REGISTERED, None, 1)


def test_a_review_by_form_closes_the_hazard(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    hazard = HAZARD.take("order", hazard, actor=None, deadline=D(2023, 6, 20))
    hazard = HAZARD.take("start", hazard, actor=None)
    hazard = HAZARD.take("request-review", hazard, actor=None, rectified_on=D(2023, 6, 15))
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert "复查合格（销号）" in client.get(step_url(hazard, "review")).content.decode()
    client.post(
        step_url(hazard, "review"), {"reviewed_on": "2023-06-16", "passed": "1", "_version": hazard.version}
    )
    assert Hazard.objects.get(pk=hazard.pk).status == HazardStatus.CLOSED


def test_other_towns_hazard_pages_answer_404(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.jiujiang_officer)
    assert client.get(f"{HAZARDS}{hazard.pk}/").status_code == 404
    assert client.post(step_url(hazard, "order"), {"deadline": "2023-06-20"}).status_code == 404


def test_leader_sees_the_page_but_no_steps(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.leader)
    assert "/steps/" not in client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert client.get(step_url(hazard, "order")).status_code == 403
    response = client.post(step_url(hazard, "order"), {"deadline": "2023-06-20", "_version": 1})
    assert response.status_code == 403 and Hazard.objects.get(pk=hazard.pk).status == HazardStatus.REGISTERED


def test_supervised_page_lists_open_supervised_major_hazards(nanhai):
    visit = make_visit(nanhai.guicheng)
    major = register(
        visit, None, grade="重大事故隐患", deadline=D(2023, 7, 1), text="液氨制冷车间未设置泄漏报警"
    )
    HAZARD.take("supervise", major, actor=None, supervised_on=D(2023, 6, 2), supervising_body="区安委办")
    register(visit, None, grade="重大事故隐患", text="有限空间未检测")
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get(f"{HAZARDS}supervised/").content.decode()
    assert "液氨制冷车间未设置泄漏报警" in page and "区安委办" in page and "有限空间未检测" not in page
    other = nanhai.client_for(nanhai.jiujiang_officer).get(f"{HAZARDS}supervised/").content.decode()
    assert "液氨制冷车间" not in other


def test_a_suspension_by_form_leads_to_the_order(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, grade="重大事故隐患", deadline=D(2023, 6, 10))
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(
        step_url(hazard, "suspend"), {"issued_on": "2023-06-20", "_version": hazard.version}
    )
    order = Order.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/enforcement/orders/{order.pk}/"
    assert order.doc_type == "责令停产停业整顿" and order.issued_on == D(2023, 6, 20)
    page = client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert step_url(hazard, "suspend") not in page and "不能重复下达" in page and order.number in page


def test_an_overdue_hazard_offers_the_case_step_once(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 10))
    client = nanhai.client_for(nanhai.district_officer)
    assert step_url(hazard, "open-case") in client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    response = client.post(step_url(hazard, "open-case"), {"_version": hazard.version})
    case = hazard.penalties.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/penalties/{case.pk}/"
    page = client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert step_url(hazard, "open-case") not in page and "不能重复立案" in page
    again = client.post(step_url(hazard, "open-case"), {"_version": hazard.version})
    assert again.status_code == 422 and hazard.penalties.count() == 1


def test_a_town_officer_is_not_offered_the_case_step(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 10))
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert step_url(hazard, "open-case") not in client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert client.post(step_url(hazard, "open-case"), {"_version": hazard.version}).status_code == 403
    assert not hazard.penalties.exists()
