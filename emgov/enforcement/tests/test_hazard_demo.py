"""The demo's hazard loop: every state, supervised major hazards, a seizure extended, a suspension waiting."""

from __future__ import annotations

import datetime

from emgov.demo.hazard_workflows import build_hazard_workflows
from emgov.enforcement import queries
from emgov.enforcement.models import Hazard, HazardStatus, Order, OrderType
from emgov.enforcement.tests.hazard_helpers import make_visit


def test_demo_takes_the_loop_through_every_state(nanhai):
    for n in range(6):
        make_visit(nanhai.guicheng, number=f"JC2023{n:04d}", day=datetime.date(2023, 12, 5 + n), n=n + 1)
    build_hazard_workflows()
    assert set(Hazard.objects.values_list("status", flat=True)) == set(HazardStatus.values)
    assert queries.supervised(Hazard.objects.all()).count() == 1
    assert Hazard.objects.filter(supervised_on__isnull=False, status=HazardStatus.CLOSED).count() == 1
    seizure = Order.objects.get(doc_type=OrderType.SEIZE)
    assert seizure.extension_days == 15 and seizure.due_date == seizure.issued_on + datetime.timedelta(
        days=45
    )
    suspensions = Order.objects.filter(doc_type=OrderType.SUSPEND)
    assert sorted(o.resumed_on is None for o in suspensions) == [False, True]
    assert Order.objects.filter(doc_type=OrderType.REVIEW).count() == 1
    assert all("〔2023〕" in o.number for o in Order.objects.all())
