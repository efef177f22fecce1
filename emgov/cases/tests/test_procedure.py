"""The general procedure step by step: allowed steps, hearing rights, legal review, the decision."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases import decisions, execution, services
from emgov.cases.models import CaseStage, CaseStep
from emgov.cases.tests.helpers import decided_case, notified_case, open_case, qualify
from emgov.cases.workflow import allowed_codes

D = datetime.date


def test_only_the_next_steps_of_the_procedure_are_offered(nanhai):
    case = open_case(nanhai)
    assert allowed_codes(case) == {"investigate", "evidence", "extend"}
    with pytest.raises(ValidationError, match="“立案”阶段，不能办理“作出处罚决定”"):
        decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 3, 3))
    case = services.case_investigate(case, actor=nanhai.legal, on=D(2023, 3, 3))
    assert "notify" not in allowed_codes(case)  # no evidence yet
    services.evidence_add(
        case, actor=nanhai.legal, evidence_type="书证", title="营业执照复印件", collected_on=D(2023, 3, 3)
    )
    assert "notify" in allowed_codes(case)


def test_an_inquiry_record_names_the_person_and_is_a_statement_or_testimony(nanhai):
    case = open_case(nanhai)
    with pytest.raises(ValidationError) as error:
        services.evidence_add(
            case,
            actor=nanhai.legal,
            evidence_type="书证",
            title="询问笔录",
            collected_on=D(2023, 3, 3),
            is_inquiry=True,
        )
    assert "interviewee" in error.value.message_dict
    item = services.evidence_add(
        case,
        actor=nanhai.legal,
        evidence_type="当事人的陈述",
        title="对法定代表人的询问笔录",
        collected_on=D(2023, 3, 3),
        is_inquiry=True,
        interviewee="李某",
    )
    assert item.is_inquiry and case.evidence.count() == 1


@pytest.mark.parametrize(
    ("party", "kinds", "fine", "hearing"),
    [
        ("法人", ["罚款"], "49999", False),
        ("法人", ["罚款"], "50000", True),
        ("自然人", ["罚款"], "9999", False),
        ("自然人", ["罚款"], "10000", True),
        ("法人", ["警告", "责令停产停业"], None, True),
        ("法人", ["吊销许可证件"], None, True),
        ("法人", ["警告"], None, False),
    ],
)
def test_the_hearing_triggers_of_article_63(nanhai, party, kinds, fine, hearing):
    case = open_case(nanhai)
    if party == "自然人":
        case = services.case_open(
            actor=nanhai.legal,
            filed_on=D(2023, 3, 2),
            party_name="张某",
            party_type="自然人",
            violation="无证上岗",
        )
    case = services.case_investigate(case, actor=nanhai.legal, on=D(2023, 3, 3))
    services.evidence_add(
        case, actor=nanhai.legal, evidence_type="物证", title="现场照片", collected_on=D(2023, 3, 3)
    )
    case = services.case_notify(
        case,
        actor=nanhai.legal,
        on=D(2023, 3, 20),
        penalty_kinds=kinds,
        fine_amount=Decimal(fine) if fine else None,
        legal_basis="《安全生产法》第九十七条",
    )
    assert bool(case.hearing_notice_number) is hearing
    assert ("hearing_request" in allowed_codes(case)) is hearing
    assert case.notice_number.startswith("应急罚告〔2023〕")


def test_hearing_request_within_five_working_days_across_national_day(nanhai):
    case = notified_case(nanhai, fine="60000", on=D(2023, 9, 28))
    assert case.statement_due_on == D(2023, 10, 11)  # Oct 7 and 8 are working days, Sep 29–Oct 6 are not
    with pytest.raises(ValidationError, match="期限已于2023-10-11届满"):
        services.hearing_request(case, actor=nanhai.legal, on=D(2023, 10, 12))
    case = services.hearing_request(case, actor=nanhai.legal, on=D(2023, 10, 11))
    assert case.stage == CaseStage.HEARING


def test_hearing_notice_seven_working_days_ahead_across_spring_festival(nanhai):
    case = notified_case(nanhai, fine="60000", on=D(2023, 1, 18), filed_on=D(2023, 1, 3))
    case = services.hearing_request(case, actor=nanhai.legal, on=D(2023, 1, 19))
    with pytest.raises(ValidationError, match="最早于2023-02-03举行"):
        services.hearing_notice(case, actor=nanhai.legal, on=D(2023, 1, 20), hearing_on=D(2023, 2, 2))
    case = services.hearing_notice(case, actor=nanhai.legal, on=D(2023, 1, 20), hearing_on=D(2023, 2, 3))
    assert "decide" not in allowed_codes(case)  # the hearing is pending (Art. 62)
    case = services.hearing_hold(case, actor=nanhai.legal, on=D(2023, 2, 3), note="当事人到场陈述")
    assert case.hearing_held and allowed_codes(case) >= {"review"}


def test_a_decision_waits_for_the_statement_period(nanhai):
    case = notified_case(nanhai, fine="20000", on=D(2023, 9, 28), filed_on=D(2023, 9, 1))
    with pytest.raises(ValidationError, match="期限至2023-10-11"):
        decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 10, 11))
    case = decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 10, 12))
    assert case.decision_number == "（南海）应急罚〔2023〕1号" and case.stage == CaseStage.DECIDED


def test_legal_review_blocks_the_decision_until_a_qualified_reviewer_passes_it(nanhai):
    case = notified_case(nanhai, fine="60000")  # a hearing case: review required
    case = services.case_statement(
        case, actor=nanhai.legal, on=D(2023, 3, 21), note="放弃听证", waives_hearing=True
    )
    assert allowed_codes(case) >= {"review"} and "decide" not in allowed_codes(case)
    with pytest.raises(ValidationError, match="法制审核通过前不能作出决定"):
        decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 3, 30))
    points = {key: True for key in decisions.POINT_KEYS}
    with pytest.raises(ValidationError, match="法律职业资格"):
        decisions.case_review(case, actor=nanhai.legal, on=D(2023, 3, 29), points=points, opinion="同意")
    qualify(nanhai.legal)
    failed = decisions.case_review(
        case, actor=nanhai.legal, on=D(2023, 3, 29), points={**points, "evidence": False}, opinion="补充证据"
    )
    assert failed.reviewed_on is None and "decide" not in allowed_codes(failed)
    assert CaseStep.objects.filter(case=case, label="法制审核未通过").exists()
    case = decisions.case_review(case, actor=nanhai.legal, on=D(2023, 3, 30), points=points, opinion="同意")
    assert case.reviewer == nanhai.legal and case.review_points["law"] is True
    case = decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 3, 31))
    assert case.decided_on == D(2023, 3, 31)


def test_a_major_case_needs_collective_discussion(nanhai):
    case = open_case(nanhai)
    case = services.case_investigate(case, actor=nanhai.legal, on=D(2023, 3, 3))
    services.evidence_add(
        case, actor=nanhai.legal, evidence_type="书证", title="台账", collected_on=D(2023, 3, 3)
    )
    case = services.case_notify(
        case,
        actor=nanhai.legal,
        on=D(2023, 3, 20),
        penalty_kinds=["罚款"],
        fine_amount=Decimal("30000"),
        legal_basis="x",
        major_case=True,
    )
    case = services.case_statement(case, actor=nanhai.legal, on=D(2023, 3, 21), note="无异议")
    qualify(nanhai.legal)
    points = {key: True for key in decisions.POINT_KEYS}
    case = decisions.case_review(case, actor=nanhai.legal, on=D(2023, 3, 28), points=points, opinion="同意")
    assert "decide" not in allowed_codes(case) and "discuss" in allowed_codes(case)
    case = decisions.case_discuss(
        case, actor=nanhai.legal, on=D(2023, 3, 29), note="局长办公会：同意罚款三万元"
    )
    assert "decide" in allowed_codes(case)


def test_the_90_day_limit_and_its_recorded_extension(nanhai):
    case = notified_case(nanhai, filed_on=D(2023, 3, 2))
    assert case.decision_due_on == D(2023, 5, 31)
    with pytest.raises(ValidationError, match="已超过决定期限2023-05-31"):
        decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 6, 1))
    with pytest.raises(ValidationError, match="理由"):
        services.case_extend(
            case,
            actor=nanhai.legal,
            approved_by="陈局长",
            approved_on=D(2023, 5, 30),
            reason="",
            new_due_on=D(2023, 6, 30),
        )
    case = services.case_extend(
        case,
        actor=nanhai.legal,
        approved_by="陈局长",
        approved_on=D(2023, 5, 30),
        reason="需鉴定",
        new_due_on=D(2023, 6, 30),
    )
    assert case.extensions.get().new_due_on == D(2023, 6, 30)
    case = decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 6, 1))
    assert case.decided_on == D(2023, 6, 1)


def test_the_decision_may_not_be_heavier_than_the_notice(nanhai):
    case = notified_case(nanhai, fine="20000")
    case = services.case_statement(
        case, actor=nanhai.legal, on=D(2023, 3, 21), note="申辩", waives_hearing=True
    )
    with pytest.raises(ValidationError, match="不得因当事人陈述申辩而加重处罚"):
        decisions.case_decide(case, actor=nanhai.legal, on=D(2023, 3, 28), fine_amount=Decimal("30000"))


def test_a_case_runs_from_service_to_archive_and_records_each_step(nanhai):
    case = decided_case(nanhai)
    case = execution.case_serve(case, actor=nanhai.legal, on=D(2023, 3, 29))
    assert case.payment_due_on == D(2023, 4, 13)
    assert "close" not in allowed_codes(case)
    case = execution.case_pay(case, actor=nanhai.legal, on=D(2023, 4, 13))
    assert case.late_fee == 0
    case = execution.case_close(case, actor=nanhai.legal, on=D(2023, 4, 20))
    case = execution.case_archive(case, actor=nanhai.legal, on=D(2023, 4, 21))
    assert case.stage == CaseStage.ARCHIVED and allowed_codes(case) == set()
    labels = list(CaseStep.objects.filter(case=case).values_list("label", flat=True))
    assert labels[0] == "立案" and labels[-1] == "归档" and "送达决定书" in labels
    assert all(s.actor == nanhai.legal for s in CaseStep.objects.filter(case=case))
    closing = CaseStep.objects.get(case=case, action="close")
    assert closing.document_number.startswith("应急结〔2023〕")
