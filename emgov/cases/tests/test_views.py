"""Penalty case pages: the legal officer records decisions; town officers see their own town's cases."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from emgov.cases.models import PenaltyCase
from emgov.core import audit, services
from emgov.core.models import Department
from emgov.enterprises.models import Enterprise
from emgov.enterprises.tests.test_views import make_enterprise

LIST = "/cases/penalties/"


def make_penalty(enterprise: Enterprise | None, number: str, **fields) -> PenaltyCase:
    values = {
        "filed_on": datetime.date(2023, 3, 1),
        "decided_on": datetime.date(2023, 4, 1),
        "party_name": enterprise.name if enterprise else "张某",
        "party_type": "法人" if enterprise else "自然人",
        "party_credit_code": enterprise.credit_code if enterprise else "",
        "enterprise": enterprise,
        "department": Department.objects.get(is_bureau=True),
        "violation": "未按规定开展安全生产教育培训",
        "legal_basis": "《安全生产法》第九十七条",
        "penalty_kinds": ["罚款"],
        "fine_amount": Decimal("20000"),
        "procedure": "普通程序",
        **fields,
    }
    return services.record_create(PenaltyCase(decision_number=number, **values), actor=None)


def penalty_form(enterprise: Enterprise, **changes) -> dict:
    data = {
        "decision_number": "（南海）应急罚〔2023〕12号",
        "case_number": "AJ2023012",
        "filed_on": "2023-03-01",
        "decided_on": "2023-04-10",
        "party_name": enterprise.name,
        "party_type": "法人",
        "party_credit_code": enterprise.credit_code,
        "department": Department.objects.get(is_bureau=True).pk,
        "violation": "未按规定开展安全生产教育培训",
        "legal_basis": "《安全生产法》第九十七条",
        "penalty_kinds": ["警告", "罚款"],
        "fine_amount": "20000",
        "procedure": "普通程序",
    }
    return {**data, **changes}


def test_list_shows_decisions_with_kinds_and_fine(nanhai):
    make_penalty(make_enterprise(nanhai.guicheng, 1, name="桂城五金"), "（南海）应急罚〔2023〕1号")
    page = nanhai.client_for(nanhai.legal).get(LIST).content.decode()
    assert "（南海）应急罚〔2023〕1号" in page and "桂城五金" in page and "20000.00" in page
    assert "罚款" in page and "普通程序" in page


def test_legal_officer_records_a_decision_linked_to_the_register(nanhai):
    enterprise = make_enterprise(nanhai.jiujiang, 3, name="九江化工")
    response = nanhai.client_for(nanhai.legal).post(f"{LIST}new/", penalty_form(enterprise))
    assert response.status_code == 302
    case = PenaltyCase.objects.get()
    assert case.enterprise == enterprise and case.penalty_kinds == ["警告", "罚款"]
    assert audit.history(case).get(action="create").changes["enterprise"] == [None, "九江化工"]
    detail = nanhai.client_for(nanhai.legal).get(f"{LIST}{case.pk}/").content.decode()
    assert "九江化工" in detail and "修改记录" in detail


def test_a_large_fine_under_the_summary_procedure_is_refused(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    response = nanhai.client_for(nanhai.legal).post(
        f"{LIST}new/", penalty_form(enterprise, penalty_kinds=["罚款"], procedure="简易程序")
    )
    assert "简易程序对法人或其他组织的罚款不能超过3000元" in response.content.decode()
    assert not PenaltyCase.objects.exists()


def test_legal_officer_records_the_publication_date(nanhai):
    case = make_penalty(make_enterprise(nanhai.guicheng, 1), "（南海）应急罚〔2023〕1号")
    client = nanhai.client_for(nanhai.legal)
    data = penalty_form(
        case.enterprise,
        decision_number=case.decision_number,
        decided_on="2023-04-01",
        penalty_kinds=["罚款"],
        published_on="2023-04-07",
        _version=case.version,
    )
    assert client.post(f"{LIST}{case.pk}/edit/", data).status_code == 302
    case.refresh_from_db()
    assert case.published_on == datetime.date(2023, 4, 7)
    assert audit.history(case).get(action="change").changes["published_on"] == [None, "2023-04-07"]
    unpublished = client.get(LIST, {"published": "0"}).content.decode()
    assert case.decision_number not in unpublished


def test_town_officer_gets_404_for_a_penalty_of_another_town(nanhai):
    own = make_penalty(make_enterprise(nanhai.guicheng, 1), "（南海）应急罚〔2023〕1号")
    other = make_penalty(make_enterprise(nanhai.jiujiang, 2), "（南海）应急罚〔2023〕2号")
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"{LIST}{own.pk}/").status_code == 200
    assert client.get(f"{LIST}{other.pk}/").status_code == 404
    assert other.decision_number not in client.get(LIST).content.decode()


def test_town_officer_cannot_edit_penalties(nanhai):
    own = make_penalty(make_enterprise(nanhai.guicheng, 1), "（南海）应急罚〔2023〕1号")
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"{LIST}{own.pk}/edit/").status_code == 404
    assert client.get(f"{LIST}new/").status_code == 404


def test_officer_cannot_place_a_case_outside_their_scope_through_the_credit_code(nanhai):
    """A town officer naming another town's enterprise by its code would move the case out of reach."""
    other = make_enterprise(nanhai.jiujiang, 2)
    nanhai.guicheng_officer.role = "执法人员"
    nanhai.guicheng_officer.save()
    data = penalty_form(other, region=nanhai.guicheng.pk)
    response = nanhai.client_for(nanhai.guicheng_officer).post(f"{LIST}new/", data)
    assert "不能把记录放在您负责的区划以外" in response.content.decode()
    assert not PenaltyCase.objects.exists()


@pytest.mark.parametrize("rows", [1, 30])
def test_list_query_count_does_not_grow_with_rows(nanhai, django_assert_num_queries, rows):
    for n in range(rows):
        make_penalty(make_enterprise(nanhai.guicheng, n + 1), f"（南海）应急罚〔2023〕{n + 1}号")
    client = nanhai.client_for(nanhai.legal)
    client.get(LIST)
    # session, user, user's regions, department options, count, page (with department),
    # bureau region (for the import button)
    with django_assert_num_queries(7):
        response = client.get(LIST)
    assert response.content.decode().count("应急罚〔2023〕") == rows
