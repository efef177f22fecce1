"""A capped to-do kind: 20 records, one line for the rest, and a group header that counts them all,
overdue ones included when every record of the kind is overdue."""

from __future__ import annotations

import datetime

from emgov.core.navigation import TODO_LIMIT, TodoGroup, TodoItem, capped

DAY = datetime.date(2023, 12, 4)


def _item(n: int, *, late: bool) -> TodoItem:
    return TodoItem(title=f"隐患{n}", due=DAY, url=f"/h/{n}/", kind="逾期隐患", overdue=late)


def test_an_overdue_kind_counts_every_record_as_overdue_in_its_header():
    items = capped(list(range(35)), "逾期隐患", "/h/?overdue=1", lambda n: _item(n, late=True), overdue=True)
    assert len(items) == TODO_LIMIT + 1 and items[-1].title == "另有15项，查看全部"
    group = TodoGroup("逾期隐患", items)
    assert (group.count, group.overdue) == (35, 35)


def test_a_mixed_kind_counts_as_overdue_only_the_records_shown_overdue():
    items = capped(list(range(35)), "整改期限", "/h/", lambda n: _item(n, late=n < 3))
    group = TodoGroup("整改期限", items)
    assert (group.count, group.overdue) == (35, 3)
    assert not items[-1].overdue


def test_a_short_kind_has_no_line_beyond_it():
    items = capped(list(range(TODO_LIMIT)), "逾期隐患", "/h/", lambda n: _item(n, late=True), overdue=True)
    assert len(items) == TODO_LIMIT and TodoGroup("逾期隐患", items).overdue == TODO_LIMIT
