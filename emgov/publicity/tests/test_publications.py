"""双公示 services: due days around holidays, publish, withdraw with a reason, republish; the figure follows."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from emgov.core import services
from emgov.core.models import AuditEntry
from emgov.licensing import services as licensing
from emgov.licensing.tests.factories import D, granted, make_item
from emgov.publicity.models import Publication
from emgov.publicity.procedures import PUBLICATION
from emgov.publicity.services.deadlines import publication_due
from emgov.publicity.services.publications import publication_publish, publication_withdraw
from emgov.publicity.tests.publication_helpers import d, firm_penalty, person_penalty
from emgov.reports.figures import FIGURES, Scope

pytestmark = pytest.mark.django_db


def penalty_records(year: int = 2023) -> int:
    return FIGURES["double_publicity.penalty_records"].value(Scope.of(year=year, region_code="440605"))


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        # Thursday before National Day 2023: 9-29..10-6 off, Saturday 10-7 and Sunday 10-8 are worked.
        ("2023-09-28", "2023-10-13"),
        # Friday before the Spring Festival 2024 (2-10..2-17 off, 2-4 and 2-18 worked).
        ("2024-02-09", "2024-02-26"),
        # An ordinary week: 7 working days after a Monday is the next Wednesday.
        ("2023-06-05", "2023-06-14"),
        # Before the Dragon Boat Festival 2023 (6-22..6-24 off, Sunday 6-25 worked).
        ("2023-06-20", "2023-06-30"),
    ],
)
def test_the_due_day_is_seven_working_days_after_the_decision(db, decided, due):
    assert publication_due(d(decided)) == d(due)


def test_the_licensing_due_day_is_the_same_function(nanhai):
    case = granted(make_item(), D(2023, 9, 28), "SL1")
    assert case.publication_due_on == publication_due(D(2023, 9, 28)) == D(2023, 10, 13)


def test_publish_records_who_and_when_and_keeps_the_figure_in_step(nanhai, today):
    today("2023-10-09")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    assert penalty_records() == 0
    publication = publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-08"))
    case.refresh_from_db()
    assert case.published_on == d("2023-10-08")
    assert publication.published_by == nanhai.legal and publication.decision == case
    assert publication.party_name == case.party_name and publication.in_force
    assert penalty_records() == 1
    assert AuditEntry.objects.filter(object_id=str(publication.pk), actor=nanhai.legal).exists()


def test_publish_defaults_to_today_and_refuses_twice(nanhai, today):
    today("2023-10-09")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    assert publication_publish(actor=nanhai.legal, case=case).published_on == d("2023-10-09")
    with pytest.raises(ValidationError, match="已于2023-10-09公示"):
        publication_publish(actor=nanhai.legal, case=case)
    assert Publication.objects.count() == 1


@pytest.mark.parametrize(
    ("on", "message"),
    [("2023-09-27", "公示日期不能早于决定日期"), ("2023-10-10", "公示日期不能晚于今天")],
)
def test_publish_refuses_impossible_days(nanhai, today, on, message):
    today("2023-10-09")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    with pytest.raises(ValidationError, match=message):
        publication_publish(actor=nanhai.legal, case=case, on=d(on))
    case.refresh_from_db()
    assert case.published_on is None and not Publication.objects.exists()


def test_an_undecided_case_cannot_be_published(nanhai):
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", decided_on=None)
    with pytest.raises(ValidationError, match="尚未作出处罚决定"):
        publication_publish(actor=nanhai.legal, case=case)


def test_a_town_officer_cannot_publish_another_towns_decision(nanhai):
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    with pytest.raises(ValidationError, match="区划以外"):
        publication_publish(actor=nanhai.jiujiang_officer, case=case)


def test_withdraw_needs_a_reason_and_writes_nothing_without(nanhai, today):
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-09"))
    with pytest.raises(ValidationError) as error:
        publication_withdraw(actor=nanhai.legal, case=case, reason="  ")
    assert "撤销公示必须填写原因" in str(error.value)
    case.refresh_from_db()
    assert case.published_on == d("2023-10-09")
    assert Publication.objects.get().withdrawn_on is None


def test_withdraw_then_republish_after_a_correction(nanhai, today):
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-09"))
    withdrawn = publication_withdraw(actor=nanhai.legal, case=case, reason="决定书罚款金额更正")
    case.refresh_from_db()
    assert case.published_on is None and penalty_records() == 0
    assert (withdrawn.withdrawn_on, withdrawn.withdraw_reason, withdrawn.withdrawn_by) == (
        d("2023-10-20"),
        "决定书罚款金额更正",
        nanhai.legal,
    )
    assert AuditEntry.objects.filter(object_id=str(case.pk), reason="决定书罚款金额更正").exists()
    with pytest.raises(ValidationError, match="尚未公示"):
        publication_withdraw(actor=nanhai.legal, case=case, reason="重复撤销")

    again = publication_publish(actor=nanhai.legal, case=case)
    case.refresh_from_db()
    assert case.published_on == d("2023-10-20") and penalty_records() == 1
    assert [p.in_force for p in Publication.objects.order_by("pk")] == [False, True]
    assert again.pk != withdrawn.pk


def test_a_decision_published_before_the_records_were_kept_can_be_withdrawn(nanhai, today):
    today("2023-10-20")
    case = person_penalty(nanhai.jiujiang, "（南海）应急罚〔2023〕2号", published_on=d("2023-10-05"))
    publication = publication_withdraw(actor=nanhai.legal, case=case, reason="当事人身份信息有误")
    assert publication.published_on == d("2023-10-05") and publication.withdrawn_on == d("2023-10-20")
    case.refresh_from_db()
    assert case.published_on is None


def test_licensing_decisions_use_the_same_mechanism(nanhai, today):
    today("2023-10-20")
    case = granted(make_item(), D(2023, 9, 28), "SL1")
    publication = publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-10"))
    case.refresh_from_db()
    assert case.published_on == d("2023-10-10") and publication.kind == "行政许可"
    publication_withdraw(actor=nanhai.legal, case=case, reason="许可证编号更正")
    case.refresh_from_db()
    assert case.published_on is None
    publication_publish(actor=nanhai.legal, case=case)
    case.refresh_from_db()
    assert case.published_on == d("2023-10-20")


def test_a_refused_licence_needs_no_publication(nanhai, today):
    today("2023-10-20")
    case = licensing.licensing_case_apply(
        actor=None, number="SL9", applicant="某公司", applied_on=D(2023, 9, 1), item=make_item()
    )
    with pytest.raises(ValidationError):
        publication_publish(actor=nanhai.legal, case=case)


def test_a_correction_by_an_officer_withdraws_through_the_same_step(nanhai, today):
    """cases calls hooks.withdraw_decision when the case staff correct a published decision."""
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    publication = publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-09"))
    assert [o.step.name for o in PUBLICATION.options(publication, nanhai.district_officer)] == ["withdraw"]
    publication_withdraw(actor=nanhai.district_officer, case=case, reason="罚款金额更正")
    publication.refresh_from_db()
    assert (
        publication.withdrawn_by == nanhai.district_officer
        and PUBLICATION.state_label(publication) == "已撤销公示"
    )
    assert PUBLICATION.options(publication, nanhai.legal) == []
    with pytest.raises(ValidationError, match="不是当前（已撤销公示）可以办理的环节"):
        PUBLICATION.take("withdraw", publication, actor=nanhai.legal, withdraw_reason="再撤")


def test_only_a_published_decision_is_withdrawn(nanhai, today):
    today("2023-10-20")
    case = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号")
    publication = publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-09"))
    case.refresh_from_db()
    services.record_update(case, actor=None, changes={"published_on": None})
    [option] = PUBLICATION.options(publication, nanhai.legal)
    assert "行政处罚法第四十八条" in option.refusal
    with pytest.raises(ValidationError, match="行政处罚法第四十八条"):
        PUBLICATION.take("withdraw", publication, actor=nanhai.legal, withdraw_reason="更正")
    assert Publication.objects.get().withdrawn_on is None
