"""立案: from a visit, from an overdue hazard, on its own; numbered, scoped, with its 90-day limit."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases import services
from emgov.cases.models import CaseStage, CaseStep, PenaltyCase
from emgov.cases.tests.helpers import make_hazard, make_visit, take
from emgov.core import services as core_services
from emgov.core.models import AuditEntry

D = datetime.date


def test_a_case_filed_from_a_visit_takes_the_party_from_the_enterprise(nanhai):
    visit = make_visit(nanhai.guicheng)
    case = services.case_open(actor=nanhai.legal, visit=visit, filed_on=D(2023, 3, 2), violation="未开展培训")
    assert case.party_name == visit.enterprise.name and case.party_type == "法人"
    assert case.party_credit_code == visit.enterprise.credit_code
    assert case.stage == CaseStage.FILED and case.enterprise == visit.enterprise
    assert case.case_number == "（南海）应急立〔2023〕1号"
    assert case.decision_due_on == D(2023, 5, 31)  # 90 calendar days
    step = CaseStep.objects.get(case=case)
    assert (step.label, step.actor, step.done_on) == ("立案", nanhai.legal, D(2023, 3, 2))
    assert AuditEntry.objects.filter(object_id=str(step.pk)).exists() or AuditEntry.objects.count() > 0


def test_a_case_filed_from_a_hazard_carries_its_description_and_is_not_filed_twice(nanhai):
    hazard = make_hazard(make_visit(nanhai.guicheng))
    assert services.hazard_case_blocker(hazard) is None
    case = services.case_open(actor=nanhai.legal, hazard=hazard, filed_on=D(2023, 3, 20))
    assert case.hazard == hazard and case.visit == hazard.visit
    assert "未建立安全风险分级管控制度" in case.violation
    with pytest.raises(ValidationError, match="已立案.*行政处罚法第二十九条"):
        services.case_open(actor=nanhai.legal, hazard=hazard, filed_on=D(2023, 3, 21))
    assert PenaltyCase.objects.filter(hazard=hazard).count() == 1


def test_an_archived_case_still_bars_a_second_case_on_its_hazard_but_a_voided_one_does_not(nanhai):
    hazard = make_hazard(make_visit(nanhai.guicheng))
    case = services.case_open(actor=nanhai.legal, hazard=hazard, filed_on=D(2023, 3, 20))
    for step, data in [
        ("investigate", {"on": D(2023, 3, 21)}),
        ("evidence", {"evidence_type": "书证", "title": "复查记录", "collected_on": D(2023, 3, 21)}),
        (
            "notify",
            {
                "on": D(2023, 3, 22),
                "served_on": D(2023, 3, 22),
                "penalty_kinds": ["罚款"],
                "fine_amount": Decimal("10000"),
            },
        ),
        ("statement", {"on": D(2023, 3, 23), "note": "无异议", "waives_hearing": True}),
        ("decide", {"on": D(2023, 3, 24)}),
        ("serve", {"on": D(2023, 3, 24)}),
        ("pay", {"on": D(2023, 3, 30)}),
        ("close", {"on": D(2023, 3, 31)}),
        ("archive", {"on": D(2023, 4, 3)}),
    ]:
        case = take(step, case, nanhai.leader if step == "decide" else nanhai.legal, **data)
    assert case.stage == CaseStage.ARCHIVED
    assert str(case) in services.hazard_case_blocker(hazard)
    with pytest.raises(ValidationError, match="不能重复立案"):
        services.case_open(actor=nanhai.legal, hazard=hazard, filed_on=D(2023, 6, 1))
    core_services.record_void(case, actor=nanhai.legal, reason="立案错误")
    assert services.hazard_case_blocker(hazard) is None
    again = services.case_open(actor=nanhai.legal, hazard=hazard, filed_on=D(2023, 6, 1))
    assert again.hazard == hazard


def test_a_case_on_its_own_names_a_natural_person(nanhai):
    case = services.case_open(
        actor=nanhai.legal,
        filed_on=D(2023, 4, 3),
        party_name="张某",
        party_type="自然人",
        violation="无证上岗",
    )
    assert case.enterprise is None and case.department.is_bureau
    assert PenaltyCase.objects.visible_to(nanhai.legal).filter(pk=case.pk).exists()


def test_a_filing_without_a_party_names_the_field_and_writes_nothing(nanhai):
    with pytest.raises(ValidationError) as error:
        services.case_open(actor=nanhai.legal, filed_on=D(2023, 4, 3), violation="无证上岗")
    assert "party_name" in error.value.message_dict
    assert not PenaltyCase.objects.exists()


def test_an_officer_cannot_file_a_case_in_another_town(nanhai):
    visit = make_visit(nanhai.jiujiang)
    with pytest.raises(ValidationError, match="区划以外"):
        services.case_open(actor=nanhai.guicheng_officer, visit=visit, filed_on=D(2023, 3, 2), violation="x")
    assert not PenaltyCase.objects.exists()
