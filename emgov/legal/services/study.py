"""Study sessions (学法活动): who spoke, for how long, and who attended."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.legal.models import StudySession

VIA_WEB = services.VIA_WEB


@transaction.atomic
def study_session_record_attendance(
    *,
    actor: User | None,
    session: StudySession,
    attendance: int,
    attendees: Iterable[User] | None = None,
    speaker: str | None = None,
    duration_hours: Decimal | None = None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> StudySession:
    """Who spoke, for how long, and who attended a study session (学法活动)."""
    people = list(attendees) if attendees is not None else None
    check_attendance(attendance, people)
    changes: dict[str, object] = {"attendance": attendance}
    if speaker is not None:
        changes["speaker"] = speaker
    if duration_hours is not None:
        changes["duration_hours"] = duration_hours
    m2m = {"attendees": people} if people is not None else {}
    return services.record_update(
        session, actor=actor, changes=changes, m2m=m2m, expected_version=expected_version, via=via
    )


def check_attendance(attendance: int | None, attendees: list[User] | None) -> None:
    if attendance is not None and attendance < 0:
        raise ValidationError({"attendance": _("参加人数不能为负数")}, code="attendance_negative")
    if attendees and (attendance is None or attendance < len(attendees)):
        raise ValidationError(
            {
                "attendance": _("参加人数（%(n)s）少于所列参加人员（%(m)s人）")
                % {"n": attendance or 0, "m": len(attendees)}
            },
            code="attendance_below_attendees",
        )
