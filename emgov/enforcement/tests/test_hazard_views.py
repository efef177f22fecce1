"""Hazard pages: the overdue flag, only the allowed steps offered, a step by form, the supervised list, scope."""

from __future__ import annotations

import datetime

from emgov.enforcement import hazards
from emgov.enforcement.models import Hazard, HazardStatus
from emgov.enforcement.tests.hazard_helpers import make_visit, register

D = datetime.date
HAZARDS = "/enforcement/hazards/"


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


def test_detail_offers_only_the_allowed_step_and_flags_overdue(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 10))
    page = nanhai.client_for(nanhai.guicheng_officer).get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert f"/enforcement/hazards/{hazard.pk}/step/order/" in page
    assert "/step/review/" not in page and "/step/start/" not in page
    assert 'data-flag="overdue"' in page
    assert "/step/suspend/" in page


def test_a_step_by_form_moves_the_hazard_and_a_refused_one_says_why(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(
        f"{HAZARDS}{hazard.pk}/step/order/", {"deadline": "2023-06-20", "_version": hazard.version}
    )
    assert response.status_code == 302
    hazard.refresh_from_db()
    assert (hazard.status, hazard.deadline) == (HazardStatus.ORDERED, D(2023, 6, 20))
    page = client.post(
        f"{HAZARDS}{hazard.pk}/step/review/",
        {"reviewed_on": "2023-06-21", "passed": "1", "_version": hazard.version},
    ).content.decode()
    assert "不能执行“复查”" in page
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.ORDERED


def test_a_stale_step_is_refused(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.guicheng_officer)
    page = client.post(f"{HAZARDS}{hazard.pk}/step/order/", {"deadline": "2023-06-20", "_version": 0})
    assert "已被其他人修改" in page.content.decode()
    assert Hazard.objects.get(pk=hazard.pk).status == HazardStatus.REGISTERED


def test_other_towns_hazard_pages_answer_404(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.jiujiang_officer)
    assert client.get(f"{HAZARDS}{hazard.pk}/").status_code == 404
    assert client.post(f"{HAZARDS}{hazard.pk}/step/order/", {"deadline": "2023-06-20"}).status_code == 404


def test_leader_sees_the_page_but_no_steps(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None)
    client = nanhai.client_for(nanhai.leader)
    assert "/step/" not in client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    assert client.get(f"{HAZARDS}{hazard.pk}/step/order/").status_code == 404


def test_supervised_page_lists_open_supervised_major_hazards(nanhai):
    visit = make_visit(nanhai.guicheng)
    major = register(
        visit, None, grade="重大事故隐患", deadline=D(2023, 7, 1), text="液氨制冷车间未设置泄漏报警"
    )
    hazards.hazard_supervise(major, actor=None, supervised_on=D(2023, 6, 2), supervising_body="区安委办")
    register(visit, None, grade="重大事故隐患", text="有限空间未检测")
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get(f"{HAZARDS}supervised/").content.decode()
    assert "液氨制冷车间未设置泄漏报警" in page and "区安委办" in page and "有限空间未检测" not in page
    other = nanhai.client_for(nanhai.jiujiang_officer).get(f"{HAZARDS}supervised/").content.decode()
    assert "液氨制冷车间" not in other


def test_an_overdue_hazard_offers_the_case_step_once(nanhai):
    hazard = register(make_visit(nanhai.guicheng), None, deadline=D(2023, 6, 10))
    client = nanhai.client_for(nanhai.district_officer)
    assert "/step/open-case/" in client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
    response = client.post(f"{HAZARDS}{hazard.pk}/step/open-case/", {"_version": hazard.version})
    assert response.status_code == 302 and "/cases/" in response["Location"]
    assert "/step/open-case/" not in client.get(f"{HAZARDS}{hazard.pk}/").content.decode()
