"""The steps of a warning (`preparedness.procedures.WARNING`): issue, update, lift; and the intake of a
CAP message from another system as a draft that staff confirm by issuing it."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.preparedness import cap
from emgov.preparedness.models import EarlyWarning, EventType, WarningStatus
from emgov.preparedness.models.warnings import WarningSource


def issue(warning: EarlyWarning, *, actor: User | None, via: str) -> dict[str, Any]:
    return {"status": WarningStatus.IN_FORCE, "sent_at": timezone.now(), "message_count": 1}


def _next_message(warning: EarlyWarning) -> dict[str, Any]:
    return {
        "references": [*warning.references, cap.reference(warning)],
        "message_count": warning.message_count + 1,
        "sent_at": timezone.now(),
    }


def update(
    warning: EarlyWarning,
    *,
    actor: User | None,
    via: str,
    level: str,
    area: str,
    expires: datetime.datetime,
    description: str,
    measures: str,
) -> dict[str, Any]:
    """调整预警: a new message that replaces the one in force (CAP msgType Update)."""
    if expires <= timezone.now():
        raise ValidationError({"expires": _("调整后的失效时间须晚于现在")}, code="warning_expires_past")
    return {
        **_next_message(warning),
        "level": level,
        "area": area,
        "expires": expires,
        "description": description,
        "measures": measures,
    }


def lift(warning: EarlyWarning, *, actor: User | None, via: str, lift_reason: str) -> dict[str, Any]:
    """解除预警 (CAP msgType Cancel)."""
    return {**_next_message(warning), "status": WarningStatus.LIFTED, "lift_reason": lift_reason.strip()}


def warning_from_cap(*, actor: User | None, xml: bytes, via: str = services.VIA_WEB) -> EarlyWarning:
    """A CAP 1.2 Alert from another system (空天地 monitoring, the weather service) as a draft warning."""
    incoming = cap.parse(xml)
    event_type = EventType.objects.filter(name=incoming.event).first()
    if event_type is None:
        raise ValidationError(
            _("CAP消息的event“%(e)s”不是已登记的突发事件类型，请先登记或更正消息") % {"e": incoming.event},
            code="cap_unknown_event",
        )
    number = f"CAP-{incoming.identifier}"[:80]
    if EarlyWarning.objects.filter(number=number).exists():
        raise ValidationError(
            _("该CAP消息（%(i)s）已经导入过") % {"i": incoming.identifier}, code="cap_duplicate"
        )
    return services.record_create(
        EarlyWarning(
            number=number,
            headline=incoming.headline[:200],
            level=incoming.level,
            event_type=event_type,
            area=incoming.area[:300] or incoming.sender,
            onset=incoming.onset,
            expires=incoming.expires,
            description=incoming.description or incoming.headline,
            measures=incoming.instruction or _("（来源消息未提供防御措施，请补充）"),
            source=WarningSource.CAP,
            source_sender=incoming.sender[:200],
        ),
        actor=actor,
        via=via,
        reason=_("导入%(s)s发来的CAP消息%(i)s") % {"s": incoming.sender, "i": incoming.identifier},
    )
