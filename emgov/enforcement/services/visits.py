"""Recording a visit with its checklist, attachments and the hazards its checklist finds, in one step.

The phone page, the API and a submitted draft all call `visit_record`: one transaction, audited, and
the same rules (the officers' certificates, the data scope, the checked uploads) for every path.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import attachments, audit, services
from emgov.core.models import Attachment, AuditAction, Department, Officer, User
from emgov.core.services import VIA_WEB
from emgov.enforcement import rules
from emgov.enforcement.models import (
    Answer,
    ChecklistAnswer,
    ChecklistItem,
    HazardGrade,
    Operation,
    Visit,
    VisitDraft,
)
from emgov.enforcement.services import drafts
from emgov.enforcement.services.fieldwork import (
    GeneralHazard,
    SignatureEntry,
    general_hazards_register,
    photos_add,
    signatures_add,
)
from emgov.enforcement.services.hazards import hazard_register
from emgov.enterprises.models import Enterprise
from emgov.enterprises.services import name_initials


@dataclass(frozen=True)
class ChecklistEntry:
    """The answer given to one checklist item on site."""

    item: ChecklistItem
    answer: str
    note: str = ""
    photos: tuple[UploadedFile, ...] = ()


def visit_number_next(department: Department, day: datetime.date) -> str:
    """检查编号: the department's letters, the day and a serial, e.g. YJ-20230601-003."""
    prefix = f"{name_initials(department.short_name).upper() or 'JC'}-{day:%Y%m%d}-"
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    used = [
        int(m.group(1))
        for number in Visit.objects.filter(number__startswith=prefix).values_list("number", flat=True)
        if (m := pattern.match(number))
    ]
    return f"{prefix}{max(used, default=0) + 1:03d}"


def hazard_grade(item: ChecklistItem) -> str:
    return HazardGrade.MAJOR if item.major else HazardGrade.GENERAL


def _check_entries(entries: Sequence[ChecklistEntry]) -> None:
    seen: set[int] = set()
    for entry in entries:
        if entry.answer not in Answer.values:
            raise ValidationError(
                {
                    "checklist": _("检查项%(article)s的结论“%(answer)s”无效，应为符合、不符合或不适用")
                    % {"article": entry.item.article, "answer": entry.answer}
                },
                code="answer_invalid",
            )
        if entry.item.pk in seen:
            raise ValidationError(
                {"checklist": _("检查项%(article)s重复填写") % {"article": entry.item.article}},
                code="answer_twice",
            )
        seen.add(entry.item.pk)


@transaction.atomic
def visit_record(
    *,
    actor: User | None,
    enterprise: Enterprise,
    department: Department,
    nature: str,
    date: datetime.date,
    officers: Iterable[Officer],
    operation: Operation | None = None,
    findings: str = "",
    result: str = "",
    av_recorded: bool = False,
    checklist: Sequence[ChecklistEntry] = (),
    uploads: Sequence[UploadedFile] = (),
    draft: VisitDraft | None = None,
    number: str = "",
    general_hazards: Sequence[GeneralHazard] = (),
    signatures: Sequence[SignatureEntry] | None = None,
    client_key: str = "",
    via: str = VIA_WEB,
    **where: object,
) -> Visit:
    """A visit with its checklist answers, its attachments, a hazard for each item found wanting and each
    一般隐患 written on site (each with its photos), and the signatures on its 现场检查记录.

    A submitted draft's signatures become the visit's, once: `signatures` as the form now has them, or,
    when None, those saved with the draft.

    `where` holds the place and time on site (location, latitude, longitude, arrived_at, left_at).
    A visit sent with a `client_key` already stored is not stored again: the stored one is returned."""
    if client_key and (sent := Visit.objects.filter(client_key=client_key).first()) is not None:
        _close_drafts_sent(sent, actor)
        return sent
    officers = list(officers)
    visit = Visit(
        number=number or visit_number_next(department, date),
        date=date,
        enterprise=enterprise,
        department=department,
        nature=nature,
        operation=operation,
        findings=(findings or "").strip(),
        result=(result or "").strip(),
        av_recorded=av_recorded,
        client_key=client_key or None,
        **where,
    )
    if actor is not None and not visit.in_scope_of(actor):
        raise ValidationError(
            {"enterprise": _("企业%(name)s不在您负责的区划内") % {"name": enterprise.name}},
            code="out_of_scope",
        )
    rules.check_visit_officers(department=department, nature=nature, date=date, officers=officers)
    _check_entries(checklist)
    visit = services.record_create(visit, actor=actor, via=via, m2m={"officers": officers})
    for entry in checklist:
        services.record_create(
            ChecklistAnswer(visit=visit, item=entry.item, answer=entry.answer, note=entry.note.strip()),
            actor=actor,
            via=via,
        )
        if entry.answer == Answer.FAILS:
            hazard = hazard_register(
                actor=actor,
                visit=visit,
                description=entry.note.strip() or entry.item.text,
                grade=hazard_grade(entry.item),
                basis=entry.item.basis,
                via=via,
            )
            photos_add(hazard, entry.photos, actor=actor, via=via)
    general_hazards_register(visit, general_hazards, actor=actor, via=via)
    if signatures is None:
        signatures = drafts.draft_signature_entries(draft, officers) if draft is not None else ()
    signatures_add(visit, signatures, actor=actor, via=via)
    if draft is not None:
        _take_draft_attachments(draft, visit, actor=actor, via=via)
        drafts.draft_signatures_drop(draft)
        draft.visit = visit
        draft.save(update_fields=["visit", "updated_at"])
    for upload in uploads:
        attachments.attachment_add(actor=actor, target=visit, upload=upload, via=via)
    _close_drafts_sent(visit, actor)
    return visit


def _close_drafts_sent(visit: Visit, actor: User | None) -> None:
    """The officer's open drafts holding the key of a stored visit were sent another way (from the phone's
    queue while offline): they are closed with that visit, or set aside when it already has its draft, so
    that none can be submitted again or stay in 我的草稿. Their signatures go; the visit has its own."""
    if not visit.client_key or actor is None:
        return
    for draft in VisitDraft.objects.open().filter(owner=actor, data__client_key=visit.client_key):
        if VisitDraft.objects.filter(visit=visit).exists():
            draft.discarded_at = timezone.now()
            draft.save(update_fields=["discarded_at", "updated_at"])
        else:
            draft.visit = visit
            draft.save(update_fields=["visit", "updated_at"])
        drafts.draft_signatures_drop(draft)


def _take_draft_attachments(draft: VisitDraft, visit: Visit, *, actor: User | None, via: str) -> None:
    """The files uploaded while the visit was a draft become the visit's, with a line in its history."""
    draft_type = ContentType.objects.get_for_model(VisitDraft)
    moved = list(Attachment.objects.filter(content_type=draft_type, object_id=draft.pk))
    if not moved:
        return
    Attachment.objects.filter(pk__in=[a.pk for a in moved]).update(
        content_type=ContentType.objects.get_for_model(Visit), object_id=visit.pk
    )
    for attachment in moved:
        audit.record(
            visit,
            action=AuditAction.CHANGE,
            actor=actor,
            via=via,
            changes={},
            reason=_("上传附件：%(name)s") % {"name": attachment.original_name},
        )
