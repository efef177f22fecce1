"""The steps of a lawsuit or reconsideration (declared in `legal.procedures.LITIGATION`): service on the
bureau, the defence (reply), and who appeared at the hearing."""

from __future__ import annotations

import copy
import datetime
from typing import Any

from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.legal import rules
from emgov.legal.models import LitigationCase


def serve(
    case: LitigationCase, *, actor: User | None, via: str, served_on: datetime.date, body: str = ""
) -> dict[str, Any]:
    """The complaint or application was served on the bureau: the defence (reply) deadline follows
    (行政诉讼法第六十七条, 行政复议法第四十八条; see `rules.defence_due`)."""
    changes: dict[str, Any] = {
        "served_on": served_on,
        "defence_due_on": rules.defence_due(case.kind, served_on),
    }
    if (body or "").strip():
        changes["body"] = body.strip()
    return changes


def defend(
    case: LitigationCase, *, actor: User | None, via: str, defence_filed_on: datetime.date
) -> dict[str, Any]:
    """The defence (答辩状) or reply (答复书) and its evidence were filed; the model refuses a day before
    service. A late filing is recorded as it was: the to-do list showed it overdue."""
    return {"defence_filed_on": defence_filed_on}


def appearance(
    case: LitigationCase,
    *,
    actor: User | None,
    via: str,
    head_appeared: bool,
    staff_appeared: bool = False,
    appeared_name: str = "",
    appeared_position: str = "",
    hearing_on: datetime.date | None = None,
) -> dict[str, Any]:
    """Who appeared in court for the bureau (负责人出庭应诉, 行政诉讼法第三条第三款): the head, or the
    staff member appearing instead, named with their position (`rules.check_appearance`)."""
    probe = copy.copy(case)
    probe.head_appeared, probe.staff_appeared = head_appeared, staff_appeared
    probe.appeared_name, probe.appeared_position = appeared_name.strip(), appeared_position.strip()
    rules.check_appearance(probe)
    changes: dict[str, Any] = {
        "head_appeared": head_appeared,
        "staff_appeared": staff_appeared,
        "appeared_name": probe.appeared_name,
        "appeared_position": probe.appeared_position,
    }
    if hearing_on is not None:
        changes["hearing_dates"] = sorted({*case.hearing_dates, hearing_on.isoformat()})
    return changes


def litigation_due_dates_recompute(
    *, actor: User | None, dates: list[datetime.date], reason: str, via: str = VIA_WEB
) -> int:
    """After a 节假日调整 (`core.hooks.recompute_due_dates`): the defence (reply) deadline of every live
    case due on or after the first of `dates`, recomputed (`rules.defence_due`) and audited with
    `reason`. Answers how many changed."""
    changed = 0
    cases = LitigationCase.objects.filter(voided_at__isnull=True, defence_due_on__gte=min(dates)).order_by(
        "pk"
    )
    for case in cases:
        due = rules.defence_due(case.kind, case.served_on)
        if due != case.defence_due_on:
            services.record_update(case, actor=actor, changes={"defence_due_on": due}, via=via, reason=reason)
            changed += 1
    return changed
