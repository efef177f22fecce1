"""The to-do providers of preparedness, grouped: plans and follow-ups; resources; warnings to issue."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import User
from emgov.core.navigation import TodoItem, capped
from emgov.core.permissions import FIELD_STAFF, WARNING_ISSUERS
from emgov.preparedness.models import (
    EarlyWarning,
    WarningStatus,
)
from emgov.preparedness.queries.overdue import (
    _staff,
    follow_ups_open,
    materials_below_minimum,
    materials_expiring,
    plans_to_evaluate,
    teams_to_check,
)

# To-do providers ------------------------------------------------------------------------------------

# Preparedness work falls to the bureau's and the towns' officers (not to the legal office).
TODO_ROLES = FIELD_STAFF


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"preparedness:{name}", kwargs=kwargs or None)


def plan_todo(user: User, today: datetime.date | None) -> list[TodoItem]:
    """Plans to evaluate or revise; follow-ups of drills and checks that fall due."""
    if not _staff(user, TODO_ROLES):
        return []
    today = today or clock.today()
    items = capped(
        plans_to_evaluate(user, today),
        _("应急预案评估与修订"),
        _url("overdue") + "#plans",
        lambda d: TodoItem(
            _("应急预案：%(n)s（%(w)s）") % {"n": d.record.name, "w": d.why},
            d.due,
            _url("plans-detail", pk=d.record.pk),
            _("应急预案评估与修订"),
            d.overdue(today),
        ),
    )
    items += capped(
        follow_ups_open(user, today),
        _("演练与检查整改事项"),
        _url("follow-ups-list") + "?closed_on=0",
        lambda f: TodoItem(
            _("整改事项：%(p)s（%(o)s）") % {"p": f.problem, "o": f.owner_person},
            f.due_on,
            _url("follow-ups-detail", pk=f.pk),
            _("演练与检查整改事项"),
            f.due_on < today,
        ),
    )
    return items


def resources_todo(user: User, today: datetime.date | None) -> list[TodoItem]:
    """Stock below minimum or expiring, and teams due for their yearly check: one item each, to the list."""
    if not _staff(user, TODO_ROLES):
        return []
    today = today or clock.today()
    items = []
    short = materials_below_minimum(user).count()
    if short:
        items.append(
            TodoItem(
                _("应急物资低于最低储备：%(n)s项") % {"n": short},
                today,
                _url("overdue") + "#materials",
                _("应急物资储备"),
                True,
            )
        )
    expiring = materials_expiring(user, today).count()
    if expiring:
        items.append(
            TodoItem(
                _("应急物资过期或临期：%(n)s项") % {"n": expiring},
                today,
                _url("overdue") + "#materials",
                _("应急物资到期"),
                False,
            )
        )
    teams = teams_to_check(user, today).count()
    if teams:
        items.append(
            TodoItem(
                _("应急救援队伍待年度更新核查：%(n)s支") % {"n": teams},
                today,
                _url("overdue") + "#teams",
                _("救援队伍年度核查"),
                False,
            )
        )
    return items


def warning_todo(user: User, today: datetime.date | None) -> list[TodoItem]:
    """Draft warnings (typed in or received as CAP) that wait to be confirmed and issued."""
    if not _staff(user, WARNING_ISSUERS):
        return []
    drafts = EarlyWarning.objects.visible_to(user).live().filter(status=WarningStatus.DRAFT).order_by("onset")
    return capped(
        drafts,
        _("预警信息发布"),
        _url("warnings-list") + "?" + urlencode({"status": WarningStatus.DRAFT}),
        lambda w: TodoItem(
            _("待发布预警：%(h)s") % {"h": w.headline},
            timezone.localtime(w.onset).date(),
            _url("warnings-detail", pk=w.pk),
            _("预警信息发布"),
            False,
        ),
    )
