"""The enterprise register's pages, as a district officer, a town officer and a leader use them."""

from __future__ import annotations

import pytest

from emgov.core import audit, services
from emgov.core.models import Region
from emgov.core.validators import credit_code_check_character
from emgov.enterprises.models import Enterprise

LIST = "/enterprises/enterprises/"


def credit_code(n: int) -> str:
    first = f"91440605{n:09d}"
    return first + credit_code_check_character(first)


def make_enterprise(town: Region, n: int = 1, **fields) -> Enterprise:
    values = {"name": f"测试企业{n}有限公司", "industry": "工贸", **fields}
    return services.record_create(Enterprise(credit_code=credit_code(n), town=town, **values), actor=None)


def form_data(enterprise: Enterprise, **changes) -> dict:
    data = {
        "credit_code": enterprise.credit_code,
        "name": enterprise.name,
        "town": enterprise.town_id,
        "industry": enterprise.industry,
        "risk_level": enterprise.risk_level,
        "_version": enterprise.version,
    }
    return {**data, **changes}


def test_list_shows_the_register_with_town_and_industry(nanhai):
    make_enterprise(nanhai.guicheng, 1, name="桂城五金有限公司", industry="工贸", risk_level="较大风险")
    page = nanhai.client_for(nanhai.district_officer).get(LIST).content.decode()
    assert "桂城五金有限公司" in page and "桂城街道" in page and "较大风险" in page
    assert "统一社会信用代码" in page and "导入台账" in page


def test_list_filters_by_town_and_searches_by_name(nanhai):
    make_enterprise(nanhai.guicheng, 1, name="桂城五金有限公司")
    make_enterprise(nanhai.jiujiang, 2, name="九江纺织有限公司")
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get(LIST, {"town": nanhai.jiujiang.pk}).content.decode()
    assert "九江纺织有限公司" in page and "桂城五金有限公司" not in page
    page = client.get(LIST, {"q": "五金"}).content.decode()
    assert "桂城五金有限公司" in page and "九江纺织有限公司" not in page


def test_detail_shows_fields_and_history(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    page = nanhai.client_for(nanhai.district_officer).get(f"{LIST}{enterprise.pk}/").content.decode()
    assert enterprise.credit_code in page and "修改记录" in page and "新建" in page


def test_officer_creates_an_enterprise_through_the_page(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"{LIST}new/",
        {"credit_code": credit_code(7), "name": "新登记企业", "town": nanhai.guicheng.pk, "industry": "燃气"},
    )
    enterprise = Enterprise.objects.get(credit_code=credit_code(7))
    assert response.status_code == 302 and response["Location"] == f"{LIST}{enterprise.pk}/"
    entry = audit.history(enterprise).get(action="create")
    assert entry.actor == nanhai.district_officer and entry.via == "网页"


def test_a_bad_credit_code_is_refused_in_chinese(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    code = credit_code(7)[:-1] + ("0" if credit_code(7)[-1] != "0" else "1")
    response = client.post(
        f"{LIST}new/",
        {"credit_code": code, "name": "错码企业", "town": nanhai.guicheng.pk, "industry": "燃气"},
    )
    assert "校验位不正确" in response.content.decode()
    assert not Enterprise.objects.filter(name="错码企业").exists()


def test_officer_edits_the_risk_level_and_the_change_is_audited(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1, risk_level="一般风险")
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(f"{LIST}{enterprise.pk}/edit/", form_data(enterprise, risk_level="重大风险"))
    assert response.status_code == 302
    assert Enterprise.objects.get(pk=enterprise.pk).risk_level == "重大风险"
    entry = audit.history(enterprise).get(action="change")
    assert entry.changes == {"risk_level": ["一般风险", "重大风险"]}


def test_town_officer_gets_404_for_an_enterprise_of_another_town(nanhai):
    own = make_enterprise(nanhai.guicheng, 1, name="桂城企业")
    other = make_enterprise(nanhai.jiujiang, 2, name="九江企业")
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"{LIST}{own.pk}/").status_code == 200
    assert client.get(f"{LIST}{other.pk}/").status_code == 404
    assert client.get(f"{LIST}{other.pk}/edit/").status_code == 404
    listing = client.get(LIST).content.decode()
    assert "桂城企业" in listing and "九江企业" not in listing


def test_town_officer_cannot_register_an_enterprise_in_another_town(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(
        f"{LIST}new/",
        {"credit_code": credit_code(9), "name": "越权企业", "town": nanhai.jiujiang.pk, "industry": "工贸"},
    )
    assert response.status_code == 200 and "有效" in response.content.decode()
    assert not Enterprise.objects.filter(name="越权企业").exists()


def test_the_town_choices_are_towns_only(nanhai):
    page = nanhai.client_for(nanhai.district_officer).get(f"{LIST}new/").content.decode()
    assert "九江镇" in page and ">南海区<" not in page and ">广东省<" not in page


def test_leader_reads_but_cannot_edit(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1)
    client = nanhai.client_for(nanhai.leader)
    assert client.get(f"{LIST}{enterprise.pk}/").status_code == 200
    assert client.get(f"{LIST}new/").status_code == 404
    assert client.get(f"{LIST}{enterprise.pk}/edit/").status_code == 404


def test_lookup_suggests_enterprises_the_user_may_see(nanhai):
    make_enterprise(nanhai.guicheng, 1, name="桂城五金有限公司")
    make_enterprise(nanhai.jiujiang, 2, name="九江五金有限公司")
    response = nanhai.client_for(nanhai.guicheng_officer).get(f"{LIST}lookup/", {"q": "五金"})
    body = response.content.decode()
    assert f'value="{credit_code(1)}"' in body and "九江五金" not in body


@pytest.mark.parametrize("rows", [1, 30])
def test_list_query_count_does_not_grow_with_rows(nanhai, django_assert_num_queries, rows):
    for n in range(rows):
        make_enterprise(nanhai.guicheng if n % 2 else nanhai.jiujiang, n + 1)
    client = nanhai.client_for(nanhai.district_officer)
    client.get(LIST)
    # session, user, user's regions, town options, industry options, count, page (with towns),
    # bureau region (for the import button)
    with django_assert_num_queries(8):
        response = client.get(LIST)
    assert response.content.decode().count("<tr") == rows + 1
