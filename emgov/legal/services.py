"""Writes of the legal office: answers to counsel requests, attachments, litigation steps, clean-ups of
normative documents, certificate status and study attendance. Each one is atomic and audited."""

from __future__ import annotations

import datetime
import mimetypes
from collections.abc import Iterable
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import audit, services
from emgov.core.models import AuditAction, Department, Officer, User
from emgov.core.models.officers import CertificateStatus
from emgov.legal import rules
from emgov.legal.models import (
    ATTACHMENT_EXTENSIONS,
    Attachment,
    CleanupResult,
    CounselRecord,
    LitigationCase,
    NormativeDocument,
    NormativeStatus,
    StudySession,
)

VIA_WEB = services.VIA_WEB

# The first bytes of each accepted kind of file: an upload must be what its extension says.
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


# Counsel -------------------------------------------------------------------------------------------


@transaction.atomic
def counsel_request_record(
    *,
    actor: User | None,
    record: CounselRecord,
    matter: str,
    requested_on: datetime.date,
    due_on: datetime.date,
    requesting_department: Department | None = None,
    requester: str = "",
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> CounselRecord:
    """Who asked the counsel what kind of question, when, and by when the answer is due."""
    return services.record_update(
        record,
        actor=actor,
        changes={
            "matter": matter,
            "requested_on": requested_on,
            "due_on": due_on,
            "requesting_department": requesting_department,
            "requester": requester,
        },
        expected_version=expected_version,
        via=via,
    )


@transaction.atomic
def counsel_answer(
    *,
    actor: User | None,
    record: CounselRecord,
    adviser: str,
    opinion: str,
    answered_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> CounselRecord:
    """Record the counsel's written opinion (意见内容) and the day it was given."""
    if not (adviser or "").strip():
        raise ValidationError({"adviser": _("答复时必须填写承办法律顾问")}, code="adviser_required")
    return services.record_update(
        record,
        actor=actor,
        changes={"adviser": adviser.strip(), "opinion": opinion, "answered_on": answered_on},
        expected_version=expected_version,
        via=via,
    )


@transaction.atomic
def attachment_add(
    *, actor: User | None, target: models.Model, upload: UploadedFile, via: str = VIA_WEB
) -> Attachment:
    """Attach a checked file (type, size, content) to a record; the record's history says so."""
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            {
                "file": _("附件“%(name)s”的类型不允许上传，只接受%(kinds)s文件")
                % {"name": name, "kinds": "、".join(ATTACHMENT_EXTENSIONS)}
            },
            code="attachment_type",
        )
    limit = settings.EMGOV_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                "file": _("附件“%(name)s”大小为%(size)s，超过上限%(limit)s")
                % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            },
            code="attachment_size",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(SIGNATURES[suffix]):
        raise ValidationError(
            {"file": _("附件“%(name)s”的内容与扩展名%(suffix)s不符") % {"name": name, "suffix": suffix}},
            code="attachment_content",
        )
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        original_name=name[:255],
        size=upload.size,
        mime_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        uploaded_by=actor if actor is not None and actor.pk else None,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit.record(
        target,
        action=AuditAction.CHANGE,
        actor=actor,
        via=via,
        changes={},
        reason=_("上传附件：%(name)s") % {"name": attachment.original_name},
    )
    return attachment


# Litigation ----------------------------------------------------------------------------------------


@transaction.atomic
def litigation_service_record(
    *,
    actor: User | None,
    case: LitigationCase,
    served_on: datetime.date,
    body: str | None = None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LitigationCase:
    """The complaint or application was served on the bureau: the defence (reply) deadline follows."""
    changes: dict[str, object] = {
        "served_on": served_on,
        "defence_due_on": rules.defence_due(case.kind, served_on),
    }
    if body is not None:
        changes["body"] = body
    return services.record_update(
        case, actor=actor, changes=changes, expected_version=expected_version, via=via
    )


@transaction.atomic
def litigation_appearance_record(
    *,
    actor: User | None,
    case: LitigationCase,
    head_appeared: bool,
    staff_appeared: bool = False,
    name: str = "",
    position: str = "",
    hearing_on: datetime.date | None = None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LitigationCase:
    """Who appeared in court for the bureau (负责人出庭应诉, 行政诉讼法 Art. 3)."""
    probe = LitigationCase.objects.get(pk=case.pk)
    probe.head_appeared, probe.staff_appeared = head_appeared, staff_appeared
    probe.appeared_name, probe.appeared_position = name.strip(), position.strip()
    rules.check_appearance(probe)
    changes: dict[str, object] = {
        "head_appeared": head_appeared,
        "staff_appeared": staff_appeared,
        "appeared_name": probe.appeared_name,
        "appeared_position": probe.appeared_position,
    }
    if hearing_on is not None:
        days = sorted({*probe.hearing_dates, hearing_on.isoformat()})
        changes["hearing_dates"] = days
    return services.record_update(
        case, actor=actor, changes=changes, expected_version=expected_version, via=via
    )


@transaction.atomic
def litigation_defence_file(
    *,
    actor: User | None,
    case: LitigationCase,
    filed_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LitigationCase:
    """The defence (答辩状) or reply (答复书) and its evidence were filed."""
    return services.record_update(
        case, actor=actor, changes={"defence_filed_on": filed_on}, expected_version=expected_version, via=via
    )


# Normative documents -------------------------------------------------------------------------------


@transaction.atomic
def normative_document_clean_up(
    *,
    actor: User | None,
    document: NormativeDocument,
    result: str,
    on: datetime.date,
    new_valid_until: datetime.date | None = None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> NormativeDocument:
    """Record the evaluation's outcome (清理结果): 延期保留 with a new 有效期至, 修改, or 废止."""
    current = NormativeDocument.objects.get(pk=document.pk)
    if result not in CleanupResult.values:
        raise ValidationError(
            {"cleanup_result": _("清理结果须为延期保留、修改或废止")}, code="cleanup_result"
        )
    if current.status != NormativeStatus.VALID:
        raise ValidationError(
            {
                "cleanup_result": _("只有状态为有效的规范性文件才能登记清理结果，本文件状态为%(s)s")
                % {"s": current.status}
            },
            code="not_in_force",
        )
    if on is None:
        raise ValidationError({"cleanup_on": _("必须填写清理日期")}, code="cleanup_on_required")
    if on < current.effective_on:
        raise ValidationError({"cleanup_on": _("清理日期不能早于施行日期")}, code="cleanup_before_effective")
    if current.cleanup_on and on < current.cleanup_on:
        raise ValidationError(
            {"cleanup_on": _("清理日期不能早于上次清理日期%(d)s") % {"d": current.cleanup_on}},
            code="cleanup_before_last",
        )
    changes: dict[str, object] = {"cleanup_result": result, "cleanup_on": on}
    if result == CleanupResult.RETAIN:
        if new_valid_until is None:
            raise ValidationError(
                {"valid_until": _("延期保留必须填写新的有效期至")}, code="new_valid_until_required"
            )
        if current.valid_until and new_valid_until <= current.valid_until:
            raise ValidationError(
                {"valid_until": _("延期保留后的有效期至须晚于原有效期至%(d)s") % {"d": current.valid_until}},
                code="new_valid_until_not_later",
            )
        changes["valid_until"] = new_valid_until
    elif result == CleanupResult.REPEAL:
        changes["status"] = NormativeStatus.REPEALED
    elif new_valid_until is not None:
        changes["valid_until"] = new_valid_until
    return services.record_update(
        current,
        actor=actor,
        changes=changes,
        expected_version=expected_version,
        via=via,
        reason=_("规范性文件清理：%(r)s") % {"r": result},
    )


# Certificates --------------------------------------------------------------------------------------

# The step, the status it leads to, and the statuses it may start from.
CERTIFICATE_STEPS = {
    "suspend": (CertificateStatus.SUSPENDED, {CertificateStatus.VALID}, gettext_lazy("暂扣执法证")),
    "revoke": (
        CertificateStatus.REVOKED,
        {CertificateStatus.VALID, CertificateStatus.SUSPENDED},
        gettext_lazy("注销执法证"),
    ),
    "reinstate": (CertificateStatus.VALID, {CertificateStatus.SUSPENDED}, gettext_lazy("恢复执法证")),
}


@transaction.atomic
def officer_certificate_change(
    *, actor: User | None, officer: Officer, step: str, reason: str, via: str = VIA_WEB
) -> Officer:
    """Suspend (暂扣), revoke (注销) or reinstate (恢复) an officer's certificate, with the reason audited."""
    if step not in CERTIFICATE_STEPS:
        raise ValidationError({"step": _("未知的执法证操作")}, code="unknown_step")
    status, allowed, label = CERTIFICATE_STEPS[step]
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("%(step)s必须填写原因") % {"step": label}}, code="reason_required")
    current = Officer.objects.get(pk=officer.pk)
    if current.status not in allowed:
        raise ValidationError(
            {
                "step": _("执法证当前状态为%(s)s，不能%(step)s")
                % {"s": current.get_status_display(), "step": label}
            },
            code="certificate_step_not_allowed",
        )
    return services.record_update(
        current, actor=actor, changes={"status": status}, via=via, reason=f"{label}：{reason}"
    )


# Study sessions ------------------------------------------------------------------------------------


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
