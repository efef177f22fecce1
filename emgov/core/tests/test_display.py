"""Values read as people write them, on record pages and in the change history."""

from __future__ import annotations

import datetime

from emgov.cases.models import PenaltyCase
from emgov.core.display import EMPTY, format_value
from emgov.enforcement.models import Hazard, Visit


def field(model, name):
    return model._meta.get_field(name)


def test_booleans_choices_dates_and_lists_read_in_chinese():
    assert format_value(Visit, field(Visit, "av_recorded"), True) == "是"
    assert format_value(Visit, field(Visit, "av_recorded"), False) == "否"
    assert format_value(Hazard, field(Hazard, "status"), "复查合格") == "复查合格（销号）"
    assert format_value(Visit, field(Visit, "date"), datetime.date(2023, 10, 9)) == "2023-10-09"
    assert format_value(PenaltyCase, field(PenaltyCase, "penalty_kinds"), ["警告", "罚款"]) == "警告、罚款"
    assert format_value(Visit, field(Visit, "result"), "") == EMPTY


def test_json_points_read_with_their_labels():
    points = {"subject": True, "facts": False}
    text = format_value(PenaltyCase, field(PenaltyCase, "review_points"), points)
    assert text == "主体合法：是；事实清楚：否"
