"""Stock movements of a material (入库、出库、盘点) with the running balance, and the teams' yearly check."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.preparedness.models import Material, MovementKind, RescueTeam, StockMovement


def _move(
    material: Material,
    *,
    actor: User | None,
    via: str,
    kind: str,
    date: datetime.date,
    quantity: Decimal,
    reference: str,
) -> Material:
    last = material.movements.filter(voided_at__isnull=True).order_by("-date", "-pk").first()
    if last and date < last.date:
        raise ValidationError(
            {"date": _("日期不能早于该物资最近一笔出入库记录的日期%(d)s") % {"d": last.date}},
            code="movement_backdated",
        )
    book = material.quantity
    difference = None
    if kind == MovementKind.IN:
        balance = book + quantity
    elif kind == MovementKind.OUT:
        if quantity > book:
            raise ValidationError(
                {"quantity": _("出库数量%(q)s超过结存%(b)s") % {"q": quantity, "b": book}}, code="stock_short"
            )
        balance = book - quantity
    else:
        balance, difference = quantity, quantity - book
    services.record_create(
        StockMovement(
            material=material,
            kind=kind,
            date=date,
            quantity=quantity,
            difference=difference,
            balance=balance,
            reference=reference.strip(),
        ),
        actor=actor,
        via=via,
    )
    reason = _("%(k)s %(q)s，结存%(b)s") % {"k": kind, "q": quantity, "b": balance}
    if difference:
        reason += _("，盘点差异%(d)s") % {"d": difference}
    return services.record_update(
        material, actor=actor, changes={"quantity": balance}, via=via, reason=reason
    )


def stock_step(kind: str):
    def run(material: Material, *, actor: User | None, via: str, **data: Any) -> Material:
        return _move(material, actor=actor, via=via, kind=kind, **data)

    return run


def check_team(
    team: RescueTeam, *, actor: User | None, via: str, checked_on: datetime.date, members: int, equipment: str
) -> dict[str, Any]:
    if team.checked_on and checked_on < team.checked_on:
        raise ValidationError(
            {"checked_on": _("核查日期不能早于上次核查日期%(d)s") % {"d": team.checked_on}},
            code="check_before_last",
        )
    return {"checked_on": checked_on, "members": members, "equipment": equipment.strip()}
