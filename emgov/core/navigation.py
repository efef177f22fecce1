"""The navigation by domain area and the home page's to-do list; apps add their entries in ready()."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

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
    for area, title in AREAS:
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
    """The user's to-do list as of `today` (default: today); every provider takes (user, today)."""
    items = [item for provider in REGISTRY.todo_providers for item in provider(user, today)]
    return sorted(items, key=lambda i: (not i.overdue, i.due or datetime.date.max))


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
