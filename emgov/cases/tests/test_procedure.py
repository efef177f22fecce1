"""The general procedure step by step: the steps offered, hearing rights, legal review, the decision."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases import services
from emgov.cases.models import CaseStage, CaseStep
from emgov.cases.procedures import PENALTY_CASE
from emgov.cases.services.decisions import ALL_POINTS_PASS
from emgov.cases.tests.helpers import available, decided_case, notified_case, open_case, qualify, take

D = datetime.date


def refusals(case, user=None) -> dict[str, str]:
    return {o.step.name: o.refusal for o in PENALTY_CASE.options(case, user) if o.refusal}


def test_only_the_next_steps_of_the_procedure_are_offered(nanhai):
    case = open_case(nanhai)
    assert available(case) == {"investigate", "evidence", "extend"}
    assert available(case, nanhai.legal) == {"investigate", "evidence"}  # the extension is the head's
    with pytest.raises(ValidationError, match="“作出处罚决定”不是当前（立案）可以办理的环节"):
        take("decide", case, nanhai.leader, on=D(2023, 3, 3))
    case = take("investigate", case, nanhai.legal, on=D(2023, 3, 3))
    assert "notify" not in available(case)  # no evidence yet: offered, refused with the article
    assert "行政处罚法第五十四条" in refusals(case)["notify"]
    take(
        "evidence",
        case,
        nanhai.legal,
        evidence_type="书证",
        title="营业执照复印件",
        collected_on=D(2023, 3, 3),
    )
    assert "notify" in available(case)


def test_an_inquiry_record_names_the_person_and_is_a_statement_or_testimony(nanhai):
    case = open_case(nanhai)
    with pytest.raises(ValidationError) as error:
        take(
            "evidence",
            case,
            nanhai.legal,
            evidence_type="书证",
            title="询问笔录",
            collected_on=D(2023, 3, 3),
            is_inquiry=True,
        )
    assert "interviewee" in error.value.message_dict
    case = take(
        "evidence",
        case,
        nanhai.legal,
        evidence_type="当事人的陈述",
        title="对法定代表人的询问笔录",
        collected_on=D(2023, 3, 3),
        is_inquiry=True,
        interviewee="李某",
    )
    item = case.evidence.get()
    assert item.is_inquiry and item.interviewee == "李某"
    assert CaseStep.objects.filter(
        case=case, action="evidence", note="当事人的陈述：对法定代表人的询问笔录"
    ).exists()


@pytest.mark.parametrize(
    ("party", "kinds", "fine", "hearing"),
    [
        ("法人", ["罚款"], "29999", False),
        ("法人", ["罚款"], "30000", True),
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
    case = take("investigate", case, nanhai.legal, on=D(2023, 3, 3))
    case = take(
        "evidence", case, nanhai.legal, evidence_type="物证", title="现场照片", collected_on=D(2023, 3, 3)
    )
    case = take(
        "notify",
        case,
        nanhai.legal,
        on=D(2023, 3, 20),
        served_on=D(2023, 3, 20),
        penalty_kinds=kinds,
        fine_amount=Decimal(fine) if fine else None,
        legal_basis="《安全生产法》第九十七条",
    )
    assert bool(case.hearing_notice_number) is hearing
    assert ("hearing_request" in available(case)) is hearing
    assert ("行政处罚法第六十三条" in refusals(case).get("hearing_request", "")) is not hearing
    assert case.notice_number.startswith("应急罚告〔2023〕")


def test_a_hearing_request_outside_its_scope_is_refused_and_writes_nothing(nanhai):
    case = notified_case(nanhai, fine="20000")
    with pytest.raises(ValidationError, match="不属于听证范围"):
        take("hearing_request", case, nanhai.legal, on=D(2023, 3, 21))
    case.refresh_from_db()
    assert case.hearing_requested_on is None and case.stage == CaseStage.NOTIFIED
    assert not CaseStep.objects.filter(case=case, action="hearing_request").exists()


def test_hearing_request_within_five_working_days_across_national_day(nanhai):
    case = notified_case(nanhai, fine="60000", on=D(2023, 9, 28))
    assert case.statement_due_on == D(2023, 10, 11)  # Oct 7 and 8 are working days, Sep 29–Oct 6 are not
    with pytest.raises(ValidationError, match="期限已于2023-10-11届满"):
        take("hearing_request", case, nanhai.legal, on=D(2023, 10, 12))
    case = take("hearing_request", case, nanhai.legal, on=D(2023, 10, 11))
    assert case.stage == CaseStage.HEARING


def test_hearing_notice_seven_working_days_ahead_across_spring_festival(nanhai):
    case = notified_case(nanhai, fine="60000", on=D(2023, 1, 18), filed_on=D(2023, 1, 3))
    case = take("hearing_request", case, nanhai.legal, on=D(2023, 1, 19))
    with pytest.raises(ValidationError, match="最早于2023-02-03举行"):
        take("hearing_notice", case, nanhai.legal, on=D(2023, 1, 20), hearing_on=D(2023, 2, 2))
    case = take("hearing_notice", case, nanhai.legal, on=D(2023, 1, 20), hearing_on=D(2023, 2, 3))
    assert "decide" not in available(case)  # the hearing is pending
    assert "行政处罚法第六十五条" in refusals(case)["decide"]
    case = take("hearing_hold", case, nanhai.legal, on=D(2023, 2, 3), note="当事人到场陈述")
    assert case.hearing_held and available(case, nanhai.legal) >= {"review"}
    assert CaseStep.objects.get(case=case, action="hearing_notice").note == "听证日期：2023-02-03"


def test_a_decision_waits_for_the_statement_period(nanhai):
    case = notified_case(nanhai, fine="20000", on=D(2023, 9, 28), filed_on=D(2023, 9, 1))
    with pytest.raises(ValidationError, match="期限至2023-10-11") as error:
        take("decide", case, nanhai.leader, on=D(2023, 10, 11))
    assert "on" in error.value.message_dict  # the form's date is what is wrong
    case = take("decide", case, nanhai.leader, on=D(2023, 10, 12))
    assert case.decision_number == "（南海）应急罚〔2023〕1号" and case.stage == CaseStage.DECIDED
    step = CaseStep.objects.get(case=case, action="decide")
    assert step.document_number == case.decision_number and step.stage == CaseStage.DECIDED


def test_legal_review_blocks_the_decision_until_a_qualified_reviewer_passes_it(nanhai):
    case = notified_case(nanhai, fine="60000")  # a hearing case: review required
    case = take(
        "statement", case, nanhai.district_officer, on=D(2023, 3, 21), note="放弃听证", waives_hearing=True
    )
    assert available(case, nanhai.legal) >= {"review"} and "decide" not in available(case)
    assert "review" not in available(case, nanhai.district_officer)  # 法制审核 is the legal office's
    with pytest.raises(ValidationError, match="法制审核通过前不能作出决定"):
        take("decide", case, nanhai.leader, on=D(2023, 3, 30))
    with pytest.raises(ValidationError, match="不能办理该环节"):
        take("review", case, nanhai.district_officer, on=D(2023, 3, 29), opinion="同意", **ALL_POINTS_PASS)
    with pytest.raises(ValidationError, match="法律职业资格"):
        take("review", case, nanhai.legal, on=D(2023, 3, 29), opinion="同意", **ALL_POINTS_PASS)
    qualify(nanhai.legal)
    failed = take(
        "review",
        case,
        nanhai.legal,
        on=D(2023, 3, 29),
        opinion="补充证据",
        **{**ALL_POINTS_PASS, "point_evidence": False},
    )
    assert failed.reviewed_on is None and failed.stage == CaseStage.STATEMENT
    assert "decide" not in available(failed)
    row = CaseStep.objects.get(case=case, label="法制审核未通过")
    assert "证据充分" in row.note and "补充证据" in row.note
    case = take("review", failed, nanhai.legal, on=D(2023, 3, 30), opinion="同意", **ALL_POINTS_PASS)
    assert case.reviewer == nanhai.legal and case.review_points["law"] is True
    assert case.stage == CaseStage.REVIEW
    case = take("decide", case, nanhai.leader, on=D(2023, 3, 31))
    assert case.decided_on == D(2023, 3, 31) and case.decision_approver == nanhai.leader


def test_a_major_case_needs_collective_discussion(nanhai):
    officer = nanhai.district_officer
    case = open_case(nanhai)
    case = take("investigate", case, officer, on=D(2023, 3, 3))
    case = take("evidence", case, officer, evidence_type="书证", title="台账", collected_on=D(2023, 3, 3))
    case = take(
        "notify",
        case,
        officer,
        on=D(2023, 3, 20),
        served_on=D(2023, 3, 20),
        penalty_kinds=["罚款"],
        fine_amount=Decimal("20000"),
        legal_basis="x",
        major_case=True,
    )
    case = take("statement", case, officer, on=D(2023, 3, 21), note="无异议")
    assert "行政处罚法第五十八条" in refusals(case)["discuss"]  # reviewed first
    qualify(nanhai.legal)
    case = take("review", case, nanhai.legal, on=D(2023, 3, 28), opinion="同意", **ALL_POINTS_PASS)
    assert "decide" not in available(case) and "discuss" in available(case)
    assert "行政处罚法第五十七条第二款" in refusals(case, nanhai.leader)["decide"]
    case = take("discuss", case, nanhai.legal, on=D(2023, 3, 29), note="局长办公会：同意罚款二万元")
    assert "decide" in available(case) and case.stage == CaseStage.DISCUSSION


def test_the_90_day_limit_and_its_recorded_extension(nanhai):
    case = notified_case(nanhai, filed_on=D(2023, 3, 2))
    assert case.decision_due_on == D(2023, 5, 31)
    with pytest.raises(ValidationError, match="已超过决定期限2023-05-31"):
        take("decide", case, nanhai.leader, on=D(2023, 6, 1))
    extension = {"approved_on": D(2023, 5, 30), "new_due_on": D(2023, 6, 30)}
    with pytest.raises(ValidationError, match="理由"):
        take("extend", case, nanhai.leader, reason="", **extension)
    case = take("extend", case, nanhai.leader, reason="需鉴定", **extension)
    assert case.extensions.get().new_due_on == D(2023, 6, 30)
    assert case.extensions.get().approver == nanhai.leader
    assert CaseStep.objects.get(case=case, action="extend").note == "陈局长批准延长至2023-06-30：需鉴定"
    case = take("decide", case, nanhai.leader, on=D(2023, 6, 1))
    assert case.decided_on == D(2023, 6, 1)


def test_the_decision_may_not_be_heavier_than_the_notice(nanhai):
    case = notified_case(nanhai, fine="20000")
    case = take(
        "statement", case, nanhai.district_officer, on=D(2023, 3, 21), note="申辩", waives_hearing=True
    )
    with pytest.raises(ValidationError, match="高于告知的20,000.00元，不得加重处罚"):
        take("decide", case, nanhai.leader, on=D(2023, 3, 28), fine_amount=Decimal("30000"))


def test_a_stale_step_is_refused_and_writes_nothing(nanhai):
    case = open_case(nanhai)
    seen = case.version
    take("evidence", case, nanhai.legal, evidence_type="书证", title="营业执照", collected_on=D(2023, 3, 3))
    case = take("investigate", case, nanhai.legal, on=D(2023, 3, 3))
    with pytest.raises(ValidationError, match="已被其他人修改"):
        PENALTY_CASE.take(
            "extend",
            case,
            actor=nanhai.leader,
            expected_version=seen,
            approved_on=D(2023, 3, 4),
            reason="需鉴定",
            new_due_on=D(2023, 6, 30),
        )
    case.refresh_from_db()
    assert case.decision_due_on == D(2023, 5, 31) and not case.extensions.exists()
    assert not CaseStep.objects.filter(case=case, action="extend").exists()


def test_a_case_runs_from_service_to_archive_and_records_each_step(nanhai):
    case = decided_case(nanhai)
    case = take("serve", case, nanhai.legal, on=D(2023, 3, 29))
    assert case.payment_due_on == D(2023, 4, 13)
    assert "close" not in available(case)
    assert "行政处罚法第七十二条" in refusals(case)["close"]
    case = take("pay", case, nanhai.legal, on=D(2023, 4, 13))
    assert case.late_fee == 0 and case.stage == CaseStage.EXECUTION
    case = take("close", case, nanhai.legal, on=D(2023, 4, 20))
    case = take("archive", case, nanhai.legal, on=D(2023, 4, 21))
    assert case.stage == CaseStage.ARCHIVED and available(case) == set()
    labels = list(CaseStep.objects.filter(case=case).values_list("label", flat=True))
    assert labels[0] == "立案" and labels[-1] == "归档" and "送达决定书" in labels
    actors = {s.action: s.actor for s in CaseStep.objects.filter(case=case)}
    assert actors["open"] == nanhai.district_officer and actors["decide"] == nanhai.leader
    assert actors["serve"] == nanhai.legal
    closing = CaseStep.objects.get(case=case, action="close")
    assert closing.document_number.startswith("应急结〔2023〕")


def test_a_summary_or_ledger_case_has_no_steps(nanhai):
    summary = services.case_summary_decide(
        actor=nanhai.legal,
        decided_on=D(2023, 5, 6),
        party_name="张某",
        party_type="自然人",
        violation="未佩戴劳动防护用品",
        legal_basis="《安全生产法》第九十九条",
        penalty_kinds=["警告"],
    )
    assert PENALTY_CASE.state(summary) == "简易程序" and PENALTY_CASE.options(summary, nanhai.legal) == []
    with pytest.raises(ValidationError, match="不是当前（已当场作出决定（简易程序））可以办理的环节"):
        take("serve", summary, nanhai.legal, on=D(2023, 5, 6))
    assert CaseStep.objects.get(case=summary).label == "当场作出处罚决定（简易程序）"
