"""Steps of drills, command-post checks and their follow-ups (`preparedness.procedures`)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import Department, User
from emgov.preparedness.models import CHECKLIST, CheckScore, CommandPostCheck, Drill, FollowUp


def evaluate_drill(drill: Drill, *, actor: User | None, via: str, evaluation: str) -> dict[str, Any]:
    return {"evaluation": evaluation.strip()}


def _follow_up(
    *,
    actor: User | None,
    via: str,
    source: dict[str, Any],
    on: datetime.date,
    problem: str,
    kind: str,
    owner: Department,
    owner_person: str,
    due_on: datetime.date,
) -> FollowUp:
    if due_on < on:
        raise ValidationError(
            {"due_on": _("整改期限不能早于发现问题的日期%(d)s") % {"d": on}}, code="due_before_found"
        )
    return services.record_create(
        FollowUp(problem=problem, kind=kind, owner=owner, owner_person=owner_person, due_on=due_on, **source),
        actor=actor,
        via=via,
    )


def drill_problem(drill: Drill, *, actor: User | None, via: str, **data: Any) -> Drill:
    _follow_up(actor=actor, via=via, source={"drill": drill}, on=drill.date, **data)
    return services.record_update(
        drill,
        actor=actor,
        changes={},
        via=via,
        reason=_("登记演练发现的问题：%(p)s") % {"p": data["problem"]},
    )


def check_problem(check: CommandPostCheck, *, actor: User | None, via: str, **data: Any) -> CommandPostCheck:
    _follow_up(actor=actor, via=via, source={"check_record": check}, on=check.date, **data)
    return check


def close_follow_up(
    follow_up: FollowUp, *, actor: User | None, via: str, closed_on: datetime.date, closing_note: str
) -> dict[str, Any]:
    found = follow_up.drill.date if follow_up.drill_id else follow_up.check_record.date
    if closed_on < found:
        raise ValidationError(
            {"closed_on": _("完成日期不能早于发现问题的日期%(d)s") % {"d": found}}, code="closed_early"
        )
    return {"closed_on": closed_on, "closing_note": closing_note.strip()}


def score_check(check: CommandPostCheck, *, actor: User | None, via: str, **scores: Any) -> CommandPostCheck:
    """Record (or correct) the score of every item of the checklist; the remark of each is optional."""
    existing = {s.item: s for s in check.scores.filter(voided_at__isnull=True)}
    for key, _label, _full in CHECKLIST:
        value: Decimal | None = scores.get(key)
        if value is None:
            continue
        remark = scores.get(f"{key}_remark", "") or ""
        if key in existing:
            services.record_update(
                existing[key], actor=actor, changes={"score": value, "remark": remark}, via=via
            )
        else:
            services.record_create(
                CheckScore(check_record=check, item=key, score=value, remark=remark), actor=actor, via=via
            )
    return check
