"""The navigation by domain area and the home page's to-do list; apps add their entries in ready().

Each kind of to-do lists at most `TODO_LIMIT` records (`capped`); beyond that one line says how many
more there are and links to the list that shows them all.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import Role, User

AREAS = [
    ("enforcement", _("执法监管")),
    ("cases", _("行政处罚")),
    ("legal", _("法制工作")),
    ("publicity", _("公开公示")),
    ("outreach", _("普法宣传")),
    ("preparedness", _("应急准备")),
    ("reports", _("报告统计")),
    ("basics", _("基础数据")),
    ("system", _("系统管理")),
]

# The areas a role works in most come first in its menu (the rest keep the order above).
ROLE_AREAS_FIRST = {
    Role.LEADER: ("reports",),
    Role.LEGAL: ("cases", "legal", "publicity"),
    Role.OFFICER: ("enforcement", "cases"),
    Role.TOWN: ("enforcement",),
}


@dataclass(frozen=True)
class NavItem:
    area: str
    label: str
    url_name: str
    roles: frozenset[str] | None = None

    def allowed(self, user: User) -> bool:
        return self.roles is None or user.sees_everything or user.role in self.roles


@dataclass(frozen=True)
class TodoItem:
    title: str
    due: datetime.date | None
    url: str
    kind: str
    overdue: bool = False
    more: int = 0  # the overflow line of a capped kind: how many records it stands for


def todo_count(items: list[TodoItem]) -> int:
    """How many records a to-do list stands for, an overflow line counting the records beyond it."""
    return sum(item.more or 1 for item in items)


TODO_LIMIT = 20


def capped(
    rows: QuerySet | Sequence[Any],
    kind: str,
    url: str,
    item: Callable[[Any], TodoItem],
    *,
    label: str = "",
    overdue: bool = False,
) -> list[TodoItem]:
    """The first `TODO_LIMIT` rows as to-do items (`item` makes one) and, when there are more, one line
    "另有N项，查看全部" of the same `kind` linking to `url`, the list that shows them all; `label` names
    the rows where several capped lists share a kind; `overdue`: every row of the kind is overdue (逾期…),
    so the records beyond are counted as overdue too. A queryset is counted in SQL only when it has more
    rows than shown."""
    if isinstance(rows, QuerySet):
        head = list(rows[: TODO_LIMIT + 1])
        total = rows.count() if len(head) > TODO_LIMIT else len(head)
    else:
        head, total = list(rows), len(rows)
    items = [item(row) for row in head[:TODO_LIMIT]]
    extra = total - TODO_LIMIT
    if extra > 0:
        if label:
            title = gettext("%(label)s：另有%(n)d项，查看全部") % {"label": label, "n": extra}
        else:
            title = gettext("另有%(n)d项，查看全部") % {"n": extra}
        items.append(TodoItem(title=title, due=None, url=url, kind=kind, overdue=overdue, more=extra))
    return items


@dataclass
class Registry:
    items: list[NavItem] = field(default_factory=list)
    todo_providers: list[Callable[[User, datetime.date | None], list[TodoItem]]] = field(default_factory=list)


REGISTRY = Registry()


def register(area: str, label: str, url_name: str, roles: set[str] | None = None) -> None:
    item = NavItem(area, str(label), url_name, frozenset(roles) if roles else None)
    if item not in REGISTRY.items:
        REGISTRY.items.append(item)


def register_todo(provider: Callable[[User, datetime.date | None], list[TodoItem]]) -> None:
    if provider not in REGISTRY.todo_providers:
        REGISTRY.todo_providers.append(provider)


def menu_for(user: User) -> list[dict]:
    menu = []
    first = ROLE_AREAS_FIRST.get(user.role, ())
    ordered = sorted(AREAS, key=lambda pair: first.index(pair[0]) if pair[0] in first else len(first))
    for area, title in ordered:
        links = []
        for item in REGISTRY.items:
            if item.area != area or not item.allowed(user):
                continue
            try:
                links.append({"label": item.label, "url": reverse(item.url_name)})
            except NoReverseMatch:
                continue
        if links:
            menu.append({"area": area, "title": title, "links": links})
    return menu


def todo_for(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    """The user's to-do list as of `today` (default: the business date); every provider takes
    (user, today)."""
    today = today or clock.today()
    items = [item for provider in REGISTRY.todo_providers for item in provider(user, today)]
    return sorted(items, key=_urgency)


@dataclass(frozen=True)
class TodoGroup:
    kind: str
    items: list[TodoItem]

    @property
    def count(self) -> int:
        return todo_count(self.items)

    @property
    def overdue(self) -> int:
        return todo_count([item for item in self.items if item.overdue])


def todo_groups(user: User, today: datetime.date | None = None) -> list[TodoGroup]:
    """The to-do list grouped by kind, the most urgent group first (overdue before due, earliest
    first), each group most urgent first."""
    groups: dict[str, list[TodoItem]] = {}
    for item in todo_for(user, today):
        groups.setdefault(str(item.kind), []).append(item)
    return sorted(
        (TodoGroup(kind, items) for kind, items in groups.items()), key=lambda g: _urgency(g.items[0])
    )


def _urgency(item: TodoItem) -> tuple:
    return (not item.overdue, item.due or datetime.date.max)


def register_core() -> None:
    register("basics", _("行政区划"), "core:regions-list")
    register("basics", _("部门"), "core:departments-list")
    register("basics", _("执法人员"), "core:officers-list")
    register("system", _("用户"), "core:users-list", roles={Role.ADMIN})
    register("system", _("节假日调整"), "core:holidays-list", roles={Role.ADMIN})
    register("system", _("节假日年度"), "core:holiday-years-list", roles={Role.ADMIN})
    register("system", _("文号模板"), "core:numbering-list", roles={Role.ADMIN})
    register("legal", _("法定期限与规则"), "core:rules")
    register("system", _("规则版本"), "core:rule-versions-list", roles={Role.ADMIN})
    register("system", _("审计记录"), "core:audit-list", roles={Role.ADMIN, Role.LEADER})
    register("system", _("接口文档"), "api-1.0.0:openapi-view")
