"""The steps of a counsel request (法律顾问, declared in `legal.procedures.COUNSEL`): who asked and by
when, the counsel's answer, and the files attached to it."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from emgov.core import attachments
from emgov.core.models import Department, User
from emgov.legal.models import CounselRecord


def request(
    record: CounselRecord,
    *,
    actor: User | None,
    via: str,
    matter: str,
    requested_on: datetime.date,
    due_on: datetime.date,
    requesting_department: Department | None = None,
    requester: str = "",
) -> dict[str, Any]:
    """Who asked the counsel what kind of question, when, and by when the answer is due."""
    return {
        "matter": matter,
        "requested_on": requested_on,
        "due_on": due_on,
        "requesting_department": requesting_department,
        "requester": (requester or "").strip(),
    }


def answer(
    record: CounselRecord,
    *,
    actor: User | None,
    via: str,
    adviser: str,
    opinion: str,
    answered_on: datetime.date,
) -> dict[str, Any]:
    """The counsel's written opinion (意见内容) and the day it was given; the model requires the opinion."""
    if not (adviser or "").strip():
        raise ValidationError({"adviser": _("答复时必须填写承办法律顾问")}, code="adviser_required")
    return {"adviser": adviser.strip(), "opinion": opinion, "answered_on": answered_on}


def attach(record: CounselRecord, *, actor: User | None, via: str, file: UploadedFile) -> CounselRecord:
    """A file (the written opinion, the reviewed contract) attached after the checks of every upload;
    the record's history names it."""
    attachments.attachment_add(actor=actor, target=record, upload=file, via=via)
    return record
