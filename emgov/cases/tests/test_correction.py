"""A change to a published decision withdraws its publication (撤销公示) with the reason."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases.models import CaseStep
from emgov.cases.tests.helpers import decided_case, take
from emgov.core import hooks
from emgov.publicity.services.publications import publications_of

D = datetime.date


def test_correcting_a_published_decision_withdraws_it_with_the_reason(nanhai):
    case = decided_case(nanhai)
    hooks.publish_decision(actor=nanhai.legal, case=case, on=D(2023, 3, 30), via="网页")
    case.refresh_from_db()
    assert case.published_on == D(2023, 3, 30)
    with pytest.raises(ValidationError, match="原因"):
        take("correct", case, nanhai.legal, on=D(2023, 4, 3), reason=" ", fine_amount=Decimal("15000"))
    case = take(
        "correct",
        case,
        nanhai.legal,
        on=D(2023, 4, 3),
        reason="罚款金额计算错误",
        fine_amount=Decimal("15000"),
    )
    assert case.fine_amount == Decimal("15000") and case.published_on is None
    assert CaseStep.objects.get(case=case, action="correct").note == "罚款金额计算错误"
    withdrawn = publications_of(case).get()
    assert withdrawn.withdrawn_on == D(2023, 4, 3) and "罚款金额计算错误" in withdrawn.withdraw_reason


def test_correcting_an_unpublished_decision_leaves_publication_alone(nanhai):
    case = decided_case(nanhai)
    case = take(
        "correct",
        case,
        nanhai.legal,
        on=D(2023, 4, 3),
        reason="笔误",
        legal_basis="《安全生产法》第九十七条第（三）项",
    )
    assert case.legal_basis.endswith("第（三）项") and not publications_of(case).exists()


def test_art_45_a_correction_may_not_raise_the_penalty_decided(nanhai):
    case = decided_case(nanhai)
    higher = case.fine_amount + Decimal("1000")
    with pytest.raises(ValidationError, match="不得加重处罚"):
        take("correct", case, nanhai.legal, on=D(2023, 4, 3), reason="补罚", fine_amount=higher)
    case.refresh_from_db()
    assert case.fine_amount == higher - Decimal("1000")
