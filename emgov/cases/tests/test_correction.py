"""A change to a published decision withdraws its publication (撤销公示) with the reason."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases import decisions
from emgov.cases.tests.helpers import decided_case
from emgov.publicity.publications import publication_publish, publications_of

D = datetime.date


def test_correcting_a_published_decision_withdraws_it_with_the_reason(nanhai):
    case = decided_case(nanhai)
    publication_publish(actor=nanhai.legal, case=case, on=D(2023, 3, 30))
    case.refresh_from_db()
    assert case.published_on == D(2023, 3, 30)
    with pytest.raises(ValidationError, match="原因"):
        decisions.case_correct(
            case, actor=nanhai.legal, on=D(2023, 4, 3), reason=" ", fine_amount=Decimal("15000")
        )
    case = decisions.case_correct(
        case, actor=nanhai.legal, on=D(2023, 4, 3), reason="罚款金额计算错误", fine_amount=Decimal("15000")
    )
    assert case.fine_amount == Decimal("15000") and case.published_on is None
    withdrawn = publications_of(case).get()
    assert withdrawn.withdrawn_on == D(2023, 4, 3) and "罚款金额计算错误" in withdrawn.withdraw_reason


def test_correcting_an_unpublished_decision_leaves_publication_alone(nanhai):
    case = decided_case(nanhai)
    case = decisions.case_correct(
        case,
        actor=nanhai.legal,
        on=D(2023, 4, 3),
        reason="笔误",
        legal_basis="《安全生产法》第九十七条第（三）项",
    )
    assert case.legal_basis.endswith("第（三）项") and not publications_of(case).exists()
