"""调查取证 and 告知 (行政处罚法 Arts. 44, 46, 54–55, 62–64): the steps between filing and the party's
statement, and the new notice a heavier penalty needs.

Each step's `run` receives the case locked and checked by `cases.procedures.PENALTY_CASE` and returns
its changes; its `history` says what the case's history row records.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import Evidence, EvidenceType, PenaltyCase
from emgov.cases.services.history import Entry, d, number_for, require_date
from emgov.cases.services.penalty import penalty_args, penalty_changes
from emgov.core import attachments, clock, services
from emgov.core.models import User

NOTICE_DOC_TYPE = "行政处罚告知书"
HEARING_NOTICE_DOC_TYPE = "行政处罚听证告知书"
# 行政处罚法第四十六条、第五十四条: the record made at the inspection that found the violation (现场检查记录,
# 现场笔录) is evidence of the case filed on it afterwards.
VISIT_RECORD_ARTICLE = "行政处罚法第四十六条、第五十四条第一款"


def case_investigate(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    """开始调查取证."""
    require_date(on, "on", _("办理日期"))
    return {}


def _visit_day(case: PenaltyCase) -> datetime.date | None:
    """The day of the inspection the case was filed on (its own, or its hazard's)."""
    visit = case.visit or (case.hazard.visit if case.hazard_id else None)
    return visit.date if visit is not None else None


# What the inspection the case was filed on produced on site: its record, and the photos and video taken
# there (视听资料).
SITE_EVIDENCE_TYPES = (EvidenceType.RECORD, EvidenceType.AUDIO_VISUAL)


def check_collected_on(case: PenaltyCase, evidence_type: str, collected_on: datetime.date) -> None:
    """Evidence is collected after filing, except what the inspection the case was filed on produced on
    the visit's day (勘验笔录、现场笔录, and its photos and video), which is evidence from before filing."""
    if collected_on >= case.filed_on:
        return
    visit_day = _visit_day(case)
    if evidence_type in SITE_EVIDENCE_TYPES and visit_day is not None and collected_on == visit_day:
        return
    if visit_day is not None:
        message = _(
            "取证日期不能早于立案日期（%(d)s）；立案前取得的只有立案所依据的检查（%(v)s）中制作的"
            "勘验笔录、现场笔录和拍摄的照片、录像（%(article)s）。"
        ) % {"d": d(case.filed_on), "v": d(visit_day), "article": VISIT_RECORD_ARTICLE}
    else:
        message = _("取证日期不能早于立案日期（%(d)s）。") % {"d": d(case.filed_on)}
    raise ValidationError({"collected_on": message}, code="before_filing")


def evidence_add(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    evidence_type: str,
    title: str,
    collected_on: datetime.date,
    collected_by: str = "",
    is_inquiry: bool = False,
    interviewee: str = "",
    description: str = "",
    file: UploadedFile | None = None,
) -> dict[str, Any]:
    """调查取证: one item of the evidence list (an inquiry record names the person questioned), with its
    scan, photo or recording when one is given."""
    require_date(collected_on, "collected_on", _("取证日期"))
    check_collected_on(case, evidence_type, collected_on)
    evidence = Evidence(
        case=case,
        evidence_type=evidence_type,
        title=title,
        collected_on=collected_on,
        collected_by=collected_by or "",
        is_inquiry=bool(is_inquiry),
        interviewee=interviewee or "",
        description=description or "",
    )
    evidence.full_clean()
    services.record_create(evidence, actor=actor, via=via)
    if file:
        attachments.attachment_add(actor=actor, target=evidence, upload=file, via=via)
    return {}


def evidence_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    note = f"{data['evidence_type']}：{data['title']}"
    if data.get("file"):
        note += _("（附件：%(name)s）") % {"name": data["file"].name}
    return [Entry(on=data["collected_on"], note=note)]


def evidence_attach(
    case: PenaltyCase, *, actor: User | None, via: str, evidence: Evidence, file: UploadedFile
) -> dict[str, Any]:
    """A file (scan, photo, audio or video) added to an item of the case's evidence list."""
    if evidence is None or evidence.case_id != case.pk or evidence.voided_at is not None:
        raise ValidationError({"evidence": _("请选择本案证据清单中的证据。")}, code="evidence_not_of_case")
    if not file:
        raise ValidationError({"file": _("请选择要上传的文件。")}, code="required")
    attachments.attachment_add(actor=actor, target=evidence, upload=file, via=via)
    return {}


def evidence_attach_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    note = _("%(e)s：%(name)s") % {"e": data["evidence"].title, "name": data["file"].name}
    return [Entry(on=clock.today(), note=note)]


def has_evidence(case: PenaltyCase) -> bool:
    return case.evidence.filter(voided_at__isnull=True).exists()


def _served(case: PenaltyCase, on: datetime.date, served_on: datetime.date | None) -> dict[str, Any]:
    """The service of the notice: the party's period for statement and hearing request starts the day
    the party receives it (Art. 64), not on the day it was issued."""
    if served_on is None:
        return {"notice_served_on": None, "statement_due_on": None}
    require_date(served_on, "served_on", _("告知书送达日期"))
    if served_on < on:
        raise ValidationError(
            {"served_on": _("告知书送达日期不能早于告知日期（%(d)s）。") % {"d": d(on)}}, code="before_notice"
        )
    return {"notice_served_on": served_on, "statement_due_on": rules.statement_due(case, served_on)}


def case_notify(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    served_on: datetime.date | None = None,
    major_case: bool = False,
    review_required: bool = False,
    **penalty: Any,
) -> dict[str, Any]:
    """告知: the intended penalty (Art. 44), numbered, with the hearing-rights notice when Art. 63
    applies to it; served on the day given (`served_on`), or later through 告知书送达."""
    require_date(on, "on", _("告知日期"))
    if on < case.filed_on:
        raise ValidationError(
            {"on": _("告知日期不能早于立案日期（%(d)s）。") % {"d": d(case.filed_on)}}, code="before_filing"
        )
    values = penalty_changes(case, **penalty_args(penalty))
    probe = PenaltyCase(
        party_type=case.party_type,
        filed_on=case.filed_on,
        enterprise=case.enterprise,
        visit=case.visit,
        region=case.region,
        department_id=case.department_id,
        **{k: values[k] for k in ("penalty_kinds", "fine_amount", "confiscation_amount")},
    )
    numbers = {
        "notice_number": number_for(NOTICE_DOC_TYPE, on.year, actor=actor, via=via),
        "hearing_notice_number": "",
    }
    if rules.hearing_applies(probe):
        numbers["hearing_notice_number"] = number_for(HEARING_NOTICE_DOC_TYPE, on.year, actor=actor, via=via)
    return {
        **values,
        **numbers,
        **_served(case, on, served_on),
        "major_case": bool(major_case),
        "review_required": bool(review_required),
        "notified_on": on,
    }


def notify_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    entries = [Entry(on=data["on"], document_number=case.notice_number)]
    if case.notice_served_on:
        entries.append(_served_entry(case))
    return entries


def _served_entry(case: PenaltyCase) -> Entry:
    note = _("陈述申辩、申请听证期限至%(due)s") % {"due": d(case.statement_due_on)}
    return Entry(on=case.notice_served_on, note=note, label=_("告知书送达"))


def case_renotify(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    served_on: datetime.date | None = None,
    major_case: bool = False,
    review_required: bool = False,
    **penalty: Any,
) -> dict[str, Any]:
    """重新告知: a penalty other than the one notified (a higher fine, another kind) needs a new notice
    (Arts. 44, 45, 62). The party's rights start again: the statement, the hearing request (Art. 63
    checked on the new penalty) and the legal review (Art. 58) and discussion are those of the new notice."""
    if case.notified_on and on < case.notified_on:
        raise ValidationError(
            {"on": _("重新告知的日期不能早于原告知日期（%(d)s）。") % {"d": d(case.notified_on)}},
            code="before_notice",
        )
    changes = case_notify(
        case,
        actor=actor,
        via=via,
        on=on,
        served_on=served_on,
        major_case=major_case,
        review_required=review_required,
        **penalty,
    )
    return {
        **changes,
        "statement_on": None,
        "hearing_requested_on": None,
        "hearing_notified_on": None,
        "hearing_on": None,
        "hearing_held": False,
        "hearing_waived": False,
        "reviewed_on": None,
        "reviewer": None,
        "review_points": {},
        "discussed_on": None,
    }


def renotify_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return notify_history(case, data)


def notice_serve(case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date) -> dict[str, Any]:
    """告知书送达: the day the party received the notice, from which its 5 working days run (Art. 64)."""
    return _served(case, case.notified_on, on)


def notice_serve_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    served = _served_entry(case)
    return [Entry(on=served.on, note=served.note)]


HANDLING_ACTIONS = (
    "open",
    "investigate",
    "evidence",
    "evidence_attach",
    "notify",
    "renotify",
    "notice_serve",
    "statement",
)


def handlers(case: PenaltyCase) -> set[int]:
    """The users who handled the case: filed it, investigated, collected evidence, notified the party or
    recorded its statement (from the case's history)."""
    return set(
        case.steps.filter(
            action__in=HANDLING_ACTIONS, voided_at__isnull=True, actor__isnull=False
        ).values_list("actor_id", flat=True)
    )
