"""The steps of an emergency plan (`preparedness.procedures.PLAN`): approval, publication, 备案,
evaluation, and revision into a new version that keeps the earlier one."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.preparedness.models import EmergencyPlan


def _not_before(day: datetime.date, earlier: datetime.date | None, field: str, what: str, code: str) -> None:
    if earlier and day < earlier:
        raise ValidationError({field: _("不能早于%(what)s%(d)s") % {"what": what, "d": earlier}}, code=code)


def approve(
    plan: EmergencyPlan, *, actor: User | None, via: str, approved_on: datetime.date, approved_by: str
) -> dict[str, Any]:
    return {"approved_on": approved_on, "approved_by": approved_by.strip()}


def publish(
    plan: EmergencyPlan, *, actor: User | None, via: str, published_on: datetime.date
) -> dict[str, Any]:
    """The new version is in force from its publication; the one it revises is superseded that day.
    That a plan is published on or after its approval is the plan's own rule (`EmergencyPlan.clean`)."""
    if plan.previous_id:
        earlier = EmergencyPlan.objects.get(pk=plan.previous_id)
        if earlier.superseded_on is None:
            services.record_update(
                earlier,
                actor=actor,
                changes={"superseded_on": published_on},
                via=via,
                reason=_("被新版本%(n)s替代") % {"n": plan.number},
            )
    return {"published_on": published_on}


def file(
    plan: EmergencyPlan, *, actor: User | None, via: str, filed_on: datetime.date, filed_with: str
) -> dict[str, Any]:
    _not_before(filed_on, plan.published_on, "filed_on", _("发布日期"), "file_before_publication")
    return {"filed_on": filed_on, "filed_with": filed_with.strip()}


def evaluate(
    plan: EmergencyPlan, *, actor: User | None, via: str, evaluated_on: datetime.date, evaluation_result: str
) -> dict[str, Any]:
    _not_before(
        evaluated_on, plan.published_on, "evaluated_on", _("发布日期"), "evaluation_before_publication"
    )
    _not_before(evaluated_on, plan.evaluated_on, "evaluated_on", _("上次评估日期"), "evaluation_before_last")
    return {"evaluated_on": evaluated_on, "evaluation_result": evaluation_result, "next_review_on": None}


def revise(
    plan: EmergencyPlan, *, actor: User | None, via: str, revision_trigger: str, number: str
) -> dict[str, Any]:
    """Open a new draft version (the earlier one stays in force until the new one is published)."""
    if plan.revisions.filter(voided_at__isnull=True, published_on__isnull=True).exists():
        raise ValidationError(_("该预案已有一个未发布的修订版本，请先办理该版本。"), code="revision_open")
    if EmergencyPlan.objects.filter(number=number).exists():
        raise ValidationError(
            {"number": _("预案编号%(n)s已被使用") % {"n": number}}, code="plan_number_taken"
        )
    draft = EmergencyPlan(
        number=number,
        name=plan.name,
        kind=plan.kind,
        department=plan.department,
        region=plan.region,
        previous=plan,
        revision_trigger=revision_trigger,
    )
    services.record_create(
        draft,
        actor=actor,
        via=via,
        m2m={"event_types": plan.event_types.all()},
        reason=_("修订%(n)s：%(t)s") % {"n": plan.number, "t": revision_trigger},
    )
    return {"revision_trigger": revision_trigger}
