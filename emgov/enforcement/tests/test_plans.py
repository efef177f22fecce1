"""Inspection plans: created through their pages with audit, targets, and progress counted from visits."""

from __future__ import annotations

import datetime

import pytest

from emgov.core import audit, services
from emgov.core.models import Department, Officer
from emgov.enforcement.models import InspectionPlan, PlanPeriod, PlanTarget, Visit
from emgov.enforcement.services import plans
from emgov.enforcement.tests.test_views import make_visit
from emgov.enterprises.tests.test_views import make_enterprise

PLANS = "/enforcement/plans/"


def bureau() -> Department:
    return Department.objects.get(is_bureau=True)


def make_officer(number: str, name: str, **fields) -> Officer:
    return services.record_create(
        Officer(certificate_number=number, name=name, department=bureau(), **fields), actor=None
    )


def make_plan(number: str = "JH2023-01", **fields) -> InspectionPlan:
    values = {"name": "2023年度执法检查计划", "period": PlanPeriod.YEARLY, "year": 2023, **fields}
    return plans.plan_create(actor=None, number=number, department=bureau(), **values)


def test_plan_is_created_on_its_page_with_an_audit_entry(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    data = {"number": "JH2023-01", "name": "2023年度执法检查计划", "period": "年度", "year": 2023}
    response = client.post(f"{PLANS}new/", {**data, "department": bureau().pk})
    plan = InspectionPlan.objects.get(number="JH2023-01")
    assert response.status_code == 302 and response["Location"] == f"{PLANS}{plan.pk}/"
    assert [e.action for e in audit.history(plan)] == ["create"]


def test_monthly_plan_without_month_is_refused_and_not_saved(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    data = {"number": "JH2023-06", "name": "6月计划", "period": "月度", "year": 2023}
    page = client.post(f"{PLANS}new/", data).content.decode()
    assert "月度计划必须填写月份" in page
    assert not InspectionPlan.objects.exists()


def test_town_officer_cannot_see_a_plan_of_another_town(nanhai):
    plan = make_plan(region=nanhai.jiujiang)
    assert nanhai.client_for(nanhai.guicheng_officer).get(f"{PLANS}{plan.pk}/").status_code == 404
    assert nanhai.client_for(nanhai.jiujiang_officer).get(f"{PLANS}{plan.pk}/").status_code == 200


def test_target_is_added_on_the_plan_page_and_progress_counts_distinct_enterprises(nanhai):
    plan = make_plan()
    officers = [make_officer("YJ001", "李执法"), make_officer("YJ002", "王执法")]
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"{PLANS}{plan.pk}/targets/",
        {"target-town": nanhai.guicheng.pk, "target-industry": "工贸", "target-count": 4},
    )
    assert response.status_code == 302
    target = PlanTarget.objects.get(plan=plan)
    assert (target.town, target.industry, target.count) == (nanhai.guicheng, "工贸", 4)
    first = make_enterprise(nanhai.guicheng, 1)
    make_visit(first, "JC1", officers)
    make_visit(first, "JC2", officers, date=datetime.date(2023, 9, 1))  # same enterprise: counted once
    make_visit(make_enterprise(nanhai.guicheng, 2), "JC3", officers, nature="帮扶指导")  # not enforcement
    make_visit(make_enterprise(nanhai.guicheng, 3, industry="危化"), "JC4", officers)  # other industry
    make_visit(make_enterprise(nanhai.jiujiang, 4), "JC5", officers)  # other town
    make_visit(make_enterprise(nanhai.guicheng, 5), "JC6", officers, date=datetime.date(2022, 6, 1))
    voided = make_visit(make_enterprise(nanhai.guicheng, 6), "JC7", officers)
    services.record_void(voided, actor=None, reason="录入错误")
    page = client.get(f"{PLANS}{plan.pk}/").content.decode()
    assert "桂城街道" in page and "25%" in page
    [progress] = plans.plan_progress(plan, Visit.objects.all())
    assert (progress.done, progress.percent) == (1, 25)


def test_monthly_plan_counts_only_its_month(nanhai):
    plan = make_plan("JH2023-06", name="6月计划", period=PlanPeriod.MONTHLY, month=6)
    plans.plan_target_add(plan, actor=None, count=2)
    officers = [make_officer("YJ001", "李执法"), make_officer("YJ002", "王执法")]
    make_visit(make_enterprise(nanhai.guicheng, 1), "JC1", officers)  # 2023-06-01
    make_visit(make_enterprise(nanhai.guicheng, 2), "JC2", officers, date=datetime.date(2023, 7, 1))
    [progress] = plans.plan_progress(plan, Visit.objects.all())
    assert progress.done == 1


def test_target_with_a_bad_count_is_refused_with_the_field_named(nanhai):
    plan = make_plan()
    client = nanhai.client_for(nanhai.district_officer)
    client.post(f"{PLANS}{plan.pk}/targets/", {"target-count": 0})
    page = client.get(f"{PLANS}{plan.pk}/").content.decode()
    assert "计划指标未保存" in page and "计划检查企业数" in page
    assert not PlanTarget.objects.exists()


def test_target_is_voided_with_a_reason_and_leaves_progress(nanhai):
    plan = make_plan()
    target = plans.plan_target_add(plan, actor=None, count=3, industry="工贸")
    client = nanhai.client_for(nanhai.district_officer)
    client.post(f"{PLANS}{plan.pk}/targets/{target.pk}/void/", {"reason": "指标调整"})
    target.refresh_from_db()
    assert target.is_voided and target.void_reason == "指标调整"
    assert plans.plan_progress(plan, Visit.objects.all()) == []


def test_town_outside_the_plan_region_is_refused(nanhai):
    plan = make_plan(region=nanhai.jiujiang)
    with pytest.raises(Exception, match="不在计划的区划内"):
        plans.plan_target_add(plan, actor=None, count=1, town=nanhai.guicheng)


@pytest.mark.parametrize("rows", [1, 6])
def test_plan_list_query_count_does_not_grow_with_rows(nanhai, django_assert_num_queries, rows):
    for n in range(rows):
        make_plan(f"JH2023-{n:02d}", name=f"计划{n}")
    client = nanhai.client_for(nanhai.district_officer)
    client.get(PLANS)
    with django_assert_num_queries(7):
        response = client.get(PLANS)
    assert response.content.decode().count("JH2023-") == rows


def test_plans_are_in_the_navigation(nanhai):
    page = nanhai.client_for(nanhai.district_officer).get("/").content.decode()
    assert PLANS in page and "/enforcement/monthly-check/" in page and "/enforcement/revisits/" in page
