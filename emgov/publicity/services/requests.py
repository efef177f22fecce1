"""Writes of 依申请公开: registration, corrections of the application, and the steps of its handling.

The steps are declared in `publicity.procedures` (`DISCLOSURE_REQUEST`), which locks the request,
checks its state, scope and the rules of law before the step's function here runs. Each function
checks the dates it is given and returns the changes with the answer clock (`deadlines`) recomputed.
The periods (补正 notice and period, the extension, the third party's) are the rule table's
(`publicity.rules`) in force on the request's receipt date. Each step that writes to the applicant
or a third party has its letter (`letters`): 补正告知书, 征求意见函, 延期答复告知书, 答复书.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import clock, services
from emgov.core.models import User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar
from emgov.publicity import rules
from emgov.publicity.models import DisclosureRequest, ReplyType, RequestStatus
from emgov.publicity.services.deadlines import compute_clock, request_days, supplement_due

REPLY_LETTER = "政府信息公开申请答复书"
# Reply types whose letter must give the reasons or name the competent agency (条例第三十六条).
REASONED_REPLIES = {ReplyType.PARTIAL, ReplyType.WITHHELD, ReplyType.NOT_OURS, ReplyType.OTHER_LAW}


def _d(day: datetime.date) -> str:
    return f"{day:%Y-%m-%d}"


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)}, code=code)


def request_status(request: DisclosureRequest) -> str:
    """办理状态: the request's state in its handling, from its dates."""
    if request.replied_on:
        return RequestStatus.REPLIED
    if request.withdrawn_on:
        return RequestStatus.WITHDRAWN
    if request.supplement_requested_on and not request.supplement_completed_on:
        return RequestStatus.SUPPLEMENT
    if request.consultation_sent_on and not request.consultation_replied_on:
        return RequestStatus.CONSULTING
    if request.extension_days:
        return RequestStatus.EXTENDED
    return RequestStatus.OPEN


def _with_clock(request: DisclosureRequest, changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` and what follows from them: the due date and the status."""
    probe = copy.copy(request)
    for name, value in changes.items():
        setattr(probe, name, value)
    return {**changes, "due_on": compute_clock(probe).due_on, "status": request_status(probe)}


def clock_start(request: DisclosureRequest) -> datetime.date:
    """The day the answer clock runs from: receipt, or receipt of the completed application (条例第三十条)."""
    return request.supplement_completed_on or request.received_on


def _next_number(year: int) -> str:
    prefix = f"YSQ{year}-"
    n = DisclosureRequest.objects.filter(number__startswith=prefix).count() + 1
    while DisclosureRequest.objects.filter(number=f"{prefix}{n:04d}").exists():
        n += 1
    return f"{prefix}{n:04d}"


def _require_scope(request: DisclosureRequest, actor: User | None) -> None:
    services.require_scope(request, actor, _("不能在您负责的区划以外登记政府信息公开申请。"))


@transaction.atomic
def disclosure_request_register(
    *, actor: User | None, via: str = VIA_WEB, **fields: Any
) -> DisclosureRequest:
    """登记: a new application, with its answer due 20 working days after it was received."""
    request = DisclosureRequest(**fields)
    if not request.number and request.received_on:
        request.number = _next_number(request.received_on.year)
    request.full_clean(exclude=["number"] if not request.number else None)
    _require_scope(request, actor)
    request.due_on = compute_clock(request).due_on
    request.status = request_status(request)
    return services.record_create(request, actor=actor, via=via)


@transaction.atomic
def disclosure_request_update(
    request: DisclosureRequest,
    *,
    actor: User | None,
    changes: dict[str, Any],
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> DisclosureRequest:
    """Correct the application's own data (applicant, dates, channel); the clock follows."""
    current = services.record_lock(
        request, expected_version=expected_version, voided=_("该申请已作废，不能办理。")
    )
    probe = copy.copy(current)
    for name, value in changes.items():
        setattr(probe, name, value)
    _require_scope(probe, actor)
    return services.record_update(
        current,
        actor=actor,
        changes=_with_clock(current, changes),
        expected_version=expected_version,
        via=via,
    )


# The steps of a request (declared in `publicity.procedures`) --------------------------------------


def ask_supplement(
    request: DisclosureRequest,
    *,
    actor: User | None,
    via: str,
    supplement_requested_on: datetime.date,
    supplement_note: str,
    supplement_due_on: datetime.date | None = None,
) -> dict[str, Any]:
    """补正: ask the applicant, once, within 7 working days of receipt, to complete the application by a
    reasonable day (补正期限: the rule's working days after the notice unless the notice says otherwise);
    the 补正告知书 tells them that an application not completed in time is deemed withdrawn."""
    note = (supplement_note or "").strip()
    if not note:
        raise _error("supplement_note", _("请填写需要补正的事项。"), "required")
    if supplement_requested_on < request.received_on:
        raise _error("supplement_requested_on", _("补正通知日期不能早于收到申请日期。"), "before_received")
    calendar = WorkdayCalendar()
    notice_days = request_days(request, rules.SUPPLEMENT_NOTICE_DAYS)
    latest = calendar.add_workdays(request.received_on, notice_days)
    if supplement_requested_on > latest:
        raise _error(
            "supplement_requested_on",
            _("补正通知应在收到申请之日起%(n)d个工作日内发出，本申请最迟为%(day)s（条例第三十条）。")
            % {"n": notice_days, "day": _d(latest)},
            "supplement_late",
        )
    if supplement_due_on is None:
        period = request_days(request, rules.SUPPLEMENT_PERIOD_DAYS)
        supplement_due_on = calendar.add_workdays(supplement_requested_on, period)
    elif supplement_due_on <= supplement_requested_on:
        raise _error(
            "supplement_due_on",
            _("补正期限须晚于补正通知日期，并给申请人合理的补正时间（条例第三十条）。"),
            "supplement_due_too_early",
        )
    return _with_clock(
        request,
        {
            "supplement_requested_on": supplement_requested_on,
            "supplement_note": note,
            "supplement_due_on": supplement_due_on,
        },
    )


def receive_supplement(
    request: DisclosureRequest, *, actor: User | None, via: str, supplement_completed_on: datetime.date
) -> dict[str, Any]:
    """收到补正: the completed application arrived; the answer clock restarts from this day."""
    if supplement_completed_on < request.supplement_requested_on:
        raise _error("supplement_completed_on", _("补正完成日期不能早于补正通知日期。"), "before_notice")
    return _with_clock(request, {"supplement_completed_on": supplement_completed_on})


def deem_withdrawn(
    request: DisclosureRequest, *, actor: User | None, via: str, withdrawn_on: datetime.date
) -> dict[str, Any]:
    """视为放弃申请: the applicant did not complete the application by the 补正期限 without good reason
    (the procedure's guard checked that the period has passed); the bureau no longer handles it."""
    due = supplement_due(request)
    if due and withdrawn_on <= due:
        raise _error(
            "withdrawn_on",
            _("补正期限至%(day)s，期满后申请人仍未补正的，方视为放弃申请（条例第三十条）。")
            % {"day": _d(due)},
            "supplement_not_due",
        )
    if withdrawn_on > clock.today():
        raise _error("withdrawn_on", _("认定日期不能晚于今天。"), "future")
    return _with_clock(request, {"withdrawn_on": withdrawn_on})


def consult(
    request: DisclosureRequest,
    *,
    actor: User | None,
    via: str,
    consultation_party: str,
    consultation_sent_on: datetime.date,
) -> dict[str, Any]:
    """征求意见: consult a third party (条例第三十二条); its time does not count toward the deadline."""
    party = (consultation_party or "").strip()
    if not party:
        raise _error("consultation_party", _("请填写征求意见对象。"), "required")
    start = clock_start(request)
    if consultation_sent_on < start:
        raise _error(
            "consultation_sent_on",
            _("征求意见发出日期不能早于%(day)s。") % {"day": _d(start)},
            "before_received",
        )
    if request.due_on and consultation_sent_on > request.due_on:
        raise _error(
            "consultation_sent_on",
            _("征求意见应在答复期限（%(day)s）届满前发出。") % {"day": _d(request.due_on)},
            "after_due",
        )
    return _with_clock(request, {"consultation_party": party, "consultation_sent_on": consultation_sent_on})


def receive_opinion(
    request: DisclosureRequest, *, actor: User | None, via: str, consultation_replied_on: datetime.date
) -> dict[str, Any]:
    """收到第三方意见 (or the end of its 15 working days without one): the paused days are counted."""
    if consultation_replied_on < request.consultation_sent_on:
        raise _error("consultation_replied_on", _("征求意见答复日期不能早于发出日期。"), "before_sent")
    return _with_clock(request, {"consultation_replied_on": consultation_replied_on})


def extend(
    request: DisclosureRequest,
    *,
    actor: User | None,
    via: str,
    extension_days: int,
    extension_reason: str,
    extension_approved_by: str,
    extension_approved_on: datetime.date,
    extension_notified_on: datetime.date,
) -> dict[str, Any]:
    """延期: by at most 20 working days, approved by the office head and notified to the applicant
    before the answer is due (条例第三十三条第二款)."""
    errors: dict[str, ValidationError] = {}
    most = request_days(request, rules.EXTENSION_MAX_DAYS)
    if not 1 <= (extension_days or 0) <= most:
        errors["extension_days"] = ValidationError(
            _("延长的期限为1至%(max)d个工作日（条例第三十三条第二款）。") % {"max": most},
            code="extension_too_long",
        )
    if not (extension_reason or "").strip():
        errors["extension_reason"] = ValidationError(_("请填写延长答复期限的理由。"), code="required")
    if not (extension_approved_by or "").strip():
        errors["extension_approved_by"] = ValidationError(
            _("延长答复期限须经政府信息公开工作机构负责人同意，请填写审批人。"), code="required"
        )
    start = clock_start(request)
    due = request.due_on
    if extension_approved_on < start:
        errors["extension_approved_on"] = ValidationError(
            _("延长批准日期不能早于%(day)s。") % {"day": _d(start)}, code="before_received"
        )
    elif due and extension_approved_on > due:
        errors["extension_approved_on"] = ValidationError(
            _("延长须在答复期限（%(day)s）届满前批准。") % {"day": _d(due)}, code="after_due"
        )
    if extension_notified_on < extension_approved_on:
        errors["extension_notified_on"] = ValidationError(
            _("告知申请人日期不能早于延长批准日期。"), code="before_approved"
        )
    elif due and extension_notified_on > due:
        errors["extension_notified_on"] = ValidationError(
            _("延期应在答复期限（%(day)s）届满前告知申请人。") % {"day": _d(due)}, code="after_due"
        )
    if errors:
        raise ValidationError(errors, code="extension_invalid")
    return _with_clock(
        request,
        {
            "extension_days": extension_days,
            "extension_reason": extension_reason.strip(),
            "extension_approved_by": extension_approved_by.strip(),
            "extension_approved_on": extension_approved_on,
            "extension_notified_on": extension_notified_on,
        },
    )


def reply(
    request: DisclosureRequest,
    *,
    actor: User | None,
    via: str,
    reply_type: str,
    replied_on: datetime.date,
    reply_content: str = "",
) -> dict[str, Any]:
    """答复: the reply (条例第三十六条) and its letter's number (文号); a late reply is recorded as late."""
    content = (reply_content or "").strip()
    errors: dict[str, ValidationError] = {}
    if reply_type not in ReplyType.values:
        errors["reply_type"] = ValidationError(_("请选择答复类型。"), code="required")
    elif reply_type in REASONED_REPLIES and not content:
        errors["reply_content"] = ValidationError(
            _("“%(type)s”的答复须写明理由或负责机关（条例第三十六条）。") % {"type": reply_type},
            code="reasons_required",
        )
    start = clock_start(request)
    if replied_on < start:
        errors["replied_on"] = ValidationError(
            _("答复日期不能早于%(day)s。") % {"day": _d(start)}, code="before_received"
        )
    if errors:
        raise ValidationError(errors, code="reply_invalid")
    return _with_clock(
        request,
        {
            "reply_type": reply_type,
            "replied_on": replied_on,
            "reply_content": content,
            "reply_number": number_take(REPLY_LETTER, year=replied_on.year),
        },
    )
