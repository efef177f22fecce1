"""The demo's disclosure requests: one in each state, built through their procedure."""

from __future__ import annotations

import datetime

from emgov.demo.disclosure_requests import build_disclosure_requests
from emgov.publicity.models import DisclosureRequest


def test_demo_has_a_request_in_every_state_and_one_late_reply(nanhai):
    build_disclosure_requests()
    requests = DisclosureRequest.objects.all()
    assert {r.status for r in requests} == {"办理中", "待补正", "征求意见中", "已延期", "已答复", "视为放弃"}
    replied = [r for r in requests if r.replied_on]
    assert [r.number for r in replied if r.is_late] == ["YSQ2023-0004"]
    assert all(r.received_on.year == 2023 and r.reply_number for r in replied)
    assert any(r.supplement_completed_on for r in replied) and any(r.consultation_replied_on for r in replied)
    abandoned = requests.get(status="视为放弃")
    assert (abandoned.supplement_due_on, abandoned.withdrawn_on, abandoned.due_on) == (
        datetime.date(2023, 10, 24),
        datetime.date(2023, 10, 26),
        None,
    )
