"""The business date: one "today" for forms, deadlines and to-do lists, shown to everyone who works."""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from emgov.core import clock
from emgov.core.navigation import REGISTRY, TodoItem, todo_groups

DEMO_DAY = datetime.date(2023, 12, 4)


def test_without_a_business_date_today_is_the_calendar(db):
    assert clock.business_date() is None
    assert clock.today() == timezone.localdate()


def test_a_business_date_is_today_for_the_whole_system(db):
    clock.business_date_set(DEMO_DAY, "演示")
    assert clock.today() == DEMO_DAY
    clock.business_date_set(None)
    assert clock.today() == timezone.localdate()


def test_the_setting_overrides_the_stored_date(db, settings):
    clock.business_date_set(DEMO_DAY)
    settings.EMGOV_BUSINESS_DATE = "2024-03-01"
    assert clock.today() == datetime.date(2024, 3, 1)


def test_the_command_sets_shows_and_clears_it(db):
    out = io.StringIO()
    call_command("business_date", "2023-12-04", stdout=out)
    assert "2023-12-04" in out.getvalue() and clock.today() == DEMO_DAY
    out = io.StringIO()
    call_command("business_date", "--calendar", stdout=out)
    assert "日历日期" in out.getvalue() and clock.business_date() is None


def test_a_bad_date_is_refused_in_chinese(db):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("business_date", "2023-13-40", stdout=io.StringIO())
    assert clock.business_date() is None


def test_every_page_shows_the_banner_while_a_business_date_is_set(nanhai):
    client = nanhai.client_for(nanhai.legal)
    assert "业务日期" not in client.get(reverse("home")).content.decode()
    clock.business_date_set(DEMO_DAY)
    page = client.get(reverse("home")).content.decode()
    assert "系统按业务日期 2023年12月4日 运行" in page


def test_the_form_defaults_follow_the_business_date(nanhai):
    clock.business_date_set(DEMO_DAY)
    page = nanhai.client_for(nanhai.district_officer).get(reverse("enforcement:visits-create"))
    assert 'value="2023-12-04"' in page.content.decode()


def test_the_to_do_list_is_grouped_most_urgent_group_first(nanhai, monkeypatch):
    day = DEMO_DAY

    def provider(user, today):
        return [
            TodoItem("许可待受理", today + datetime.timedelta(days=3), "/a", "许可受理"),
            TodoItem("公示已逾期", today - datetime.timedelta(days=2), "/b", "双公示", overdue=True),
            TodoItem("公示将到期", today + datetime.timedelta(days=1), "/c", "双公示"),
            TodoItem("公示更早逾期", today - datetime.timedelta(days=9), "/d", "双公示", overdue=True),
        ]

    monkeypatch.setattr(REGISTRY, "todo_providers", [provider])
    groups = todo_groups(nanhai.legal, day)
    assert [g.kind for g in groups] == ["双公示", "许可受理"]
    assert [i.title for i in groups[0].items] == ["公示更早逾期", "公示已逾期", "公示将到期"]
    assert groups[0].overdue == 2
    clock.business_date_set(day)
    page = nanhai.client_for(nanhai.legal).get(reverse("home")).content.decode()
    assert page.index("双公示") < page.index("许可受理")
    assert "其中已逾期 2 项" in page
