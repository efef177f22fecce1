"""Draft warnings on the officer's to-do list: at most TODO_LIMIT, then one line to the drafts."""

from __future__ import annotations

import pytest

from emgov.core.navigation import TODO_LIMIT
from emgov.preparedness.queries import warning_todo
from emgov.preparedness.tests.factories import event_type, warning

pytestmark = pytest.mark.django_db


def test_drafts_beyond_the_limit_link_to_the_draft_warnings(nanhai):
    typhoon = event_type()
    for n in range(1, TODO_LIMIT + 3):
        warning(typhoon, number=f"YJ-{n:03d}")
    *listed, more = warning_todo(nanhai.district_officer, None)
    assert len(listed) == TODO_LIMIT and more.title == "另有2项，查看全部"
    page = nanhai.client_for(nanhai.district_officer).get(more.url)
    assert page.status_code == 200 and f"YJ-{TODO_LIMIT + 2:03d}" in page.content.decode()
    assert warning_todo(nanhai.guicheng_officer, None) == []
