"""Attendance lists (imported from Excel) and certificates of completion."""

from __future__ import annotations

from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.documents import OfficialDocument
from emgov.core.models import User
from emgov.outreach.models import Attendance, OutreachActivity
from emgov.outreach.models.activities import TRAININGS
from emgov.outreach.services.sheets import row_errors, sheet_rows

COLUMNS = ("姓名", "单位", "手机号")
FIELDS = {"姓名": "name", "单位": "unit", "手机号": "phone"}


@transaction.atomic
def attendance_import(
    *,
    actor: User | None,
    activity: OutreachActivity,
    stream: BinaryIO,
    filename: str,
    via: str = services.VIA_WEB,
) -> int:
    """Add the people of an attendance list (姓名, 单位, 手机号) to the activity; any bad row refuses all.

    The activity's 参与人数 is then kept in step with its list."""
    services.require_scope(activity, actor)
    known = set(activity.attendances.live().values_list("name", "phone"))
    people, errors = [], []
    for number, values in sheet_rows(stream, filename, ("姓名",), ("单位", "手机号")):
        person = Attendance(activity=activity, **{FIELDS[k]: v for k, v in values.items()})
        try:
            person.full_clean(exclude=["activity"])
        except ValidationError as exc:
            errors += row_errors(number, exc)
            continue
        if (person.name, person.phone) in known:
            errors.append(_("第%(n)s行：%(name)s 已在名单中") % {"n": number, "name": person.name})
            continue
        known.add((person.name, person.phone))
        people.append(person)
    if errors:
        raise ValidationError(errors, code="attendance_rows")
    if not people:
        raise ValidationError(_("名单中没有人员"), code="attendance_empty")
    for person in people:
        services.record_create(person, actor=actor, via=via)
    attendance_recount(activity, actor=actor, via=via)
    return len(people)


def attendance_recount(activity: OutreachActivity, *, actor: User | None, via: str) -> None:
    count = activity.attendances.live().count()
    if count != activity.participants:
        services.record_update(
            activity, actor=actor, via=via, changes={"participants": count}, reason=_("按参训名单计数")
        )


@transaction.atomic
def certificates_issue(*, actor: User | None, activity: OutreachActivity, via: str = services.VIA_WEB) -> int:
    """Number a certificate of completion for everyone on a training's list who has none yet."""
    services.require_scope(activity, actor)
    if activity.kind not in TRAININGS:
        raise ValidationError(_("只有线上培训、线下专场培训颁发结业证书"), code="certificate_kind")
    prefix = f"{activity.number}-"
    last = activity.attendances.filter(certificate_number__startswith=prefix).aggregate(
        m=Max("certificate_number")
    )
    n = int(last["m"].rsplit("-", 1)[1]) if last["m"] else 0
    issued = 0
    for person in activity.attendances.live().filter(certificate_number="").order_by("pk"):
        n += 1
        services.record_update(
            person, actor=actor, via=via, changes={"certificate_number": f"{prefix}{n:04d}"}
        )
        issued += 1
    return issued


def certificate_document(person: Attendance) -> OfficialDocument:
    activity = person.activity
    doc = OfficialDocument()
    doc.title(_("结业证书"))
    doc.number(_("证书编号：%(n)s") % {"n": person.certificate_number})
    unit = f"（{person.unit}）" if person.unit else ""
    doc.paragraph(
        _("%(name)s%(unit)s于%(day)s参加“%(activity)s”（%(kind)s），完成全部培训内容，特发此证。")
        % {
            "name": person.name,
            "unit": unit,
            "day": f"{activity.start_date.year}年{activity.start_date.month}月{activity.start_date.day}日",
            "activity": activity.name,
            "kind": activity.get_kind_display(),
        }
    )
    doc.signature(_("佛山市南海区应急管理局"), activity.start_date)
    return doc
