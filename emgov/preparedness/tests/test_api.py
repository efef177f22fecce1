"""The preparedness API: CAP 1.2 posted by another system becomes a draft; staff issue it through the
steps API; its CAP message validates."""

from __future__ import annotations

import json

from capvalidator.validate import Validator

from emgov.preparedness.models import EarlyWarning
from emgov.preparedness.tests.factories import event_type
from emgov.preparedness.tests.test_warnings import _incoming


def test_a_cap_message_posted_to_the_api_becomes_a_draft_that_is_then_issued(nanhai):
    event_type("台风")
    client = nanhai.client_for(nanhai.district_officer)
    bad = client.post("/api/preparedness/cap", b"<alert>", content_type="application/cap+xml")
    assert bad.status_code == 422 and "不是格式正确的XML" in bad.content.decode()
    created = client.post("/api/preparedness/cap", _incoming(), content_type="application/cap+xml")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "草稿" and body["level"] == "橙色"
    warning = EarlyWarning.objects.get()
    steps = client.get(f"/api/preparedness/warnings/{warning.pk}/steps").json()
    assert "issue" in json.dumps(steps)
    issued = client.post(
        f"/api/preparedness/warnings/{warning.pk}/steps/issue",
        json.dumps({"version": warning.version}),
        content_type="application/json",
    )
    assert issued.status_code == 200, issued.content
    assert issued.json()["status"] == "已发布"
    xml = client.get(f"/api/preparedness/warnings/{warning.pk}/cap").content
    assert Validator(xml).schema()[0]
    town = nanhai.client_for(nanhai.guicheng_officer)
    assert (
        town.post("/api/preparedness/cap", _incoming(), content_type="application/cap+xml").status_code == 403
    )
