"""裁量基准: range and written reason, versions that leave old decisions alone, Art. 112 computed."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.cases import rules
from emgov.cases.models import DiscretionGrade
from emgov.cases.queries import current_grades
from emgov.cases.services import discretion
from emgov.cases.tests.helpers import notified_case, open_case, take

D = datetime.date


def grade(code: str, circumstance: str, version: str = "2023") -> DiscretionGrade:
    return DiscretionGrade.objects.get(
        item__version__code=version, item__code=code, circumstance=circumstance
    )


def _investigated(nanhai, n: int = 1):
    case = open_case(nanhai, n=n)
    case = take("investigate", case, nanhai.legal, on=D(2023, 3, 3))
    return take(
        "evidence", case, nanhai.legal, evidence_type="书证", title="演练记录", collected_on=D(2023, 3, 3)
    )


def test_a_fine_outside_the_range_needs_a_written_reason(nanhai):
    discretion.discretion_seed(actor=None)
    general = grade("AQ097-06", "一般")
    case = _investigated(nanhai)
    with pytest.raises(ValidationError, match="超出裁量基准AQ097-06“一般”档的幅度（20,000.00至50,000.00元）"):
        take(
            "notify",
            case,
            nanhai.legal,
            on=D(2023, 3, 20),
            penalty_kinds=["罚款"],
            fine_amount=Decimal("15000"),
            discretion_grade=general,
        )
    case = take(
        "notify",
        case,
        nanhai.legal,
        on=D(2023, 3, 20),
        penalty_kinds=["罚款"],
        fine_amount=Decimal("15000"),
        discretion_grade=general,
        discretion_reason="当事人主动消除危害后果，依法从轻处罚",
    )
    assert case.discretion_grade == general and case.legal_basis == "《安全生产法》第九十七条第（六）项"


def test_a_new_version_does_not_change_a_decision_made_with_the_old_one(nanhai):
    old = discretion.discretion_seed(actor=None)
    case = _investigated(nanhai)
    case = take(
        "notify",
        case,
        nanhai.legal,
        on=D(2023, 3, 20),
        penalty_kinds=["罚款"],
        fine_amount=Decimal("25000"),
        discretion_grade=grade("AQ097-06", "一般"),
        served_on=D(2023, 3, 20),
    )
    case = take("statement", case, nanhai.legal, on=D(2023, 3, 21), note="无异议")
    case = take("decide", case, nanhai.leader, on=D(2023, 3, 28))
    with pytest.raises(ValidationError, match="复制为新版本"):
        discretion.discretion_grade_update(
            case.discretion_grade, actor=None, changes={"fine_max": Decimal("40000")}
        )
    new = discretion.discretion_version_copy(
        old, actor=None, code="2024", title="2024年版", effective_from=D(2024, 1, 1)
    )
    changed = grade("AQ097-06", "一般", "2024")
    discretion.discretion_grade_update(changed, actor=None, changes={"fine_max": Decimal("40000")})
    case.refresh_from_db()
    assert case.discretion_grade.item.version == old and case.discretion_grade.fine_max == Decimal("50000")
    assert set(current_grades(D(2024, 3, 1))) == set(DiscretionGrade.objects.filter(item__version=new))


def test_the_daily_continuous_fine_is_computed_not_typed(nanhai):
    discretion.discretion_seed(actor=None)
    assert rules.continuous_fine(Decimal("20000"), D(2023, 4, 2), D(2023, 4, 11)) == Decimal("200000")
    case = _investigated(nanhai)
    case = take(
        "notify",
        case,
        nanhai.legal,
        on=D(2023, 4, 20),
        penalty_kinds=["罚款"],
        fine_amount=Decimal("1"),
        discretion_grade=grade("AQ112-00", "一般"),
        daily_amount=Decimal("20000"),
        continuous_from=D(2023, 4, 2),
        continuous_until=D(2023, 4, 11),
    )
    assert case.fine_amount == Decimal("200000") and case.daily_amount == Decimal("20000")
    assert case.hearing_notice_number  # 200,000 yuan for an organisation is a large amount
    with pytest.raises(ValidationError, match="不适用按日连续处罚"):
        take(
            "notify",
            _investigated(nanhai, 2),
            nanhai.legal,
            on=D(2023, 4, 20),
            penalty_kinds=["罚款"],
            discretion_grade=grade("AQ097-06", "一般"),
            daily_amount=Decimal("20000"),
            continuous_from=D(2023, 4, 2),
            continuous_until=D(2023, 4, 11),
        )


def test_a_notice_keeps_the_intended_penalty_out_of_the_figures(nanhai):
    case = notified_case(nanhai)
    assert case.fine_amount == Decimal("20000") and case.decided_on is None


def test_the_catalogue_page_lists_the_grades_and_refuses_to_edit_a_used_one(nanhai):
    discretion.discretion_seed(actor=None)
    client = nanhai.client_for(nanhai.legal)
    page = client.get("/cases/discretion/").content.decode()
    assert "AQ099-08" in page and "可燃气体报警装置" in page and "第九十九条第（八）项" in page
    case = _investigated(nanhai)
    used = grade("AQ097-06", "一般")
    take(
        "notify",
        case,
        nanhai.legal,
        on=D(2023, 3, 20),
        penalty_kinds=["罚款"],
        fine_amount=Decimal("30000"),
        discretion_grade=used,
    )
    form = {
        "item": used.item_id,
        "circumstance": "一般",
        "description": used.description,
        "fine_min": "20000",
        "fine_max": "40000",
        "_version": used.version,
    }
    response = client.post(f"/cases/discretion/{used.pk}/edit/", form)
    assert "复制为新版本" in response.content.decode()
    used.refresh_from_db()
    assert used.fine_max == Decimal("50000")
