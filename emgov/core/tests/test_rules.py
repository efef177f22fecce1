"""法定期限与规则: a rule's version in force on a record's date, and the page that lists every rule."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.core import rules, services
from emgov.core.models import RuleVersion

pytestmark = pytest.mark.django_db

D = datetime.date
RULE = rules.declare(
    "test.notice_days",
    "测试告知期限",
    5,
    "日",
    "某法第一条",
    "测试",
    to_confirm="广东省规定可能另有规定",
)


def add_version(value, on, *, region=None, actor=None):
    return services.record_create(
        RuleVersion(
            key=RULE.key, value=Decimal(value), effective_from=on, basis="某规章第二条", region=region
        ),
        actor=actor,
    )


def test_a_record_uses_the_version_in_force_on_its_date(nanhai):
    assert rules.value(RULE.key, on=D(2023, 1, 1)) == 5
    add_version(7, D(2024, 1, 1), actor=nanhai.admin)
    assert rules.value(RULE.key, on=D(2023, 12, 31)) == 5
    assert rules.value(RULE.key, on=D(2024, 1, 1)) == 7


def test_a_regional_version_applies_to_records_of_that_region_only(nanhai):
    add_version(10, D(2023, 1, 1), region=nanhai.guicheng)
    assert rules.value(RULE.key, on=D(2023, 6, 1), region=nanhai.guicheng) == 10
    assert rules.value(RULE.key, on=D(2023, 6, 1), region=nanhai.jiujiang) == 5


def test_a_voided_version_no_longer_counts(nanhai):
    version = add_version(9, D(2023, 1, 1))
    services.record_void(version, actor=nanhai.admin, reason="录入有误")
    assert rules.value(RULE.key, on=D(2023, 6, 1)) == 5


def test_a_version_of_an_unknown_rule_or_without_basis_is_refused(nanhai):
    with pytest.raises(ValidationError) as caught:
        services.record_create(
            RuleVersion(key="no.such_rule", value=1, effective_from=D(2023, 1, 1), basis="x"), actor=None
        )
    assert "没有名为“no.such_rule”的规则" in str(caught.value)
    with pytest.raises(ValidationError, match="请填写依据"):
        services.record_create(
            RuleVersion(key=RULE.key, value=1, effective_from=D(2023, 1, 1), basis=" "), actor=None
        )


def test_the_page_lists_each_rule_with_its_basis_and_each_guard_with_its_article(nanhai):
    add_version(7, D(2024, 1, 1))
    page = nanhai.client_for(nanhai.district_officer).get("/core/rules/").content.decode()
    assert "测试告知期限" in page and "某法第一条" in page and "待确认" in page and "2024-01-01：7" in page
    assert "行政许可法第四十二条第一款" in page and "办理期限只能延长一次" in page
    assert "添加规则版本" not in page


def test_only_the_administrator_adds_a_version(nanhai):
    data = {"key": RULE.key, "value": "8", "effective_from": "2025-01-01", "basis": "某规章第三条"}
    assert nanhai.client_for(nanhai.legal).post("/core/rule-versions/new/", data).status_code == 404
    assert nanhai.client_for(nanhai.admin).post("/core/rule-versions/new/", data).status_code == 302
    assert rules.value(RULE.key, on=D(2025, 1, 2)) == 8
