"""The demo's penalty cases: one at each stage, built through the services, none decided in 2023, each
step taken by the one the law gives it to."""

from __future__ import annotations

import datetime

from emgov.cases.models import CaseStage, CaseStep, PenaltyCase
from emgov.cases.services.investigation import handlers
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
    assert archived.payment_due_on == datetime.date(2024, 1, 22)  # Jan 20 is a Saturday
    assert archived.late_fee == 1350
    extension = cases.get(stage=CaseStage.REVIEW).extensions.get()
    assert extension.approver == nanhai.leader and extension.approved_on <= datetime.date(2024, 3, 7)
    for case in cases.filter(decided_on__isnull=False):
        assert case.decision_approver == nanhai.leader and case.notice_served_on
    for case in cases.filter(reviewed_on__isnull=False):
        assert case.reviewer == nanhai.legal and nanhai.legal.pk not in handlers(case)
    records = CaseStep.objects.filter(action="evidence", note="勘验笔录、现场笔录：现场检查记录")
    assert records.count() == 6
