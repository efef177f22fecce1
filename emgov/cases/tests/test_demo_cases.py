"""The demo's penalty cases: one at each stage, built through the services, none decided in 2023."""

from __future__ import annotations

import datetime

from emgov.cases.models import CaseStage, PenaltyCase
from emgov.cases.tests.helpers import make_visit
from emgov.demo.case_workflows import build_case_workflows


def test_demo_has_cases_at_every_stage_and_none_decided_in_2023(nanhai):
    for n in range(7):
        make_visit(nanhai.jiujiang, n + 1, day=datetime.date(2023, 12, 5 + n))
    build_case_workflows()
    cases = PenaltyCase.objects.all()
    assert {c.stage for c in cases} == {
        CaseStage.FILED,
        CaseStage.INVESTIGATION,
        CaseStage.NOTIFIED,
        CaseStage.HEARING,
        CaseStage.REVIEW,
        CaseStage.SERVED,
        CaseStage.ARCHIVED,
    }
    assert not cases.filter(decided_on__year=2023).exists()
    daily = cases.get(daily_amount__isnull=False)
    assert daily.fine_amount == 50000 and daily.decided_on == datetime.date(2024, 1, 8)
    archived = cases.get(stage=CaseStage.ARCHIVED)
    assert archived.late_fee == 1350
    assert cases.get(stage=CaseStage.REVIEW).extensions.exists()
