"""Writes of the publicity app: disclosure requests (依申请公开) from registration to the reply letter.

Every function runs in one transaction, recomputes the request's answer clock (`deadlines`) and
writes the audit rows through `core.services`.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar
from emgov.publicity.deadlines import EXTENSION_MAX_DAYS, SUPPLEMENT_NOTICE_DAYS, compute_clock
from emgov.publicity.models import DisclosureRequest, ReplyType, RequestStatus

REPLY_LETTER = "政府信息公开申请答复书"
# Reply types whose letter must give the reasons or name the competent agency (条例第三十六条).
REASONED_REPLIES = {ReplyType.PARTIAL, ReplyType.WITHHELD, ReplyType.NOT_OURS, ReplyType.OTHER_LAW}


def _d(day: datetime.date) -> str:
    return f"{day:%Y-%m-%d}"


def _status(request: DisclosureRequest) -> str:
    if request.replied_on:
        return RequestStatus.REPLIED
    if request.supplement_requested_on and not request.supplement_completed_on:
        return RequestStatus.SUPPLEMENT
    if request.consultation_sent_on and not request.consultation_replied_on:
        return RequestStatus.CONSULTING
    if request.extension_days:
        return RequestStatus.EXTENDED
    return RequestStatus.OPEN


def _derived(request: DisclosureRequest) -> dict[str, Any]:
    return {"due_on": compute_clock(request).due_on, "status": _status(request)}


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
    request.status = _status(request)
    return services.record_create(request, actor=actor, via=via)


def _step(
    request: DisclosureRequest,
    *,
    actor: User | None,
    changes: dict[str, Any] | Callable[[], dict[str, Any]],
    expected_version: int | None,
    via: str,
    check: Callable[[DisclosureRequest], None] | None = None,
) -> DisclosureRequest:
    """Apply a workflow step: lock, check, recompute the clock, save with audit.

    `changes` may be a function, called only once the checks passed (e.g. to take a document number).
    """
    current = services.record_lock(
        request, expected_version=expected_version, voided=_("该申请已作废，不能办理。")
    )
    if check is not None:
        check(current)
    if callable(changes):
        changes = changes()
    probe = copy.copy(current)
    for name, value in changes.items():
        setattr(probe, name, value)
    return services.record_update(
        current,
        actor=actor,
        changes={**changes, **_derived(probe)},
        expected_version=expected_version,
        via=via,
    )


def _refuse_if_replied(current: DisclosureRequest) -> None:
    if current.replied_on:
        raise ValidationError(
            _("该申请已于%(day)s答复，不能再办理。") % {"day": _d(current.replied_on)}, code="replied"
        )


def _refuse_if_waiting_supplement(current: DisclosureRequest, step: str) -> None:
    if current.supplement_requested_on and not current.supplement_completed_on:
        raise ValidationError(
            _("申请人尚未补正，不能%(step)s：请先登记收到补正后的申请。") % {"step": step},
            code="waiting_supplement",
        )


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

    def check(current: DisclosureRequest) -> None:
        probe = copy.copy(current)
        for name, value in changes.items():
            setattr(probe, name, value)
        _require_scope(probe, actor)

    return _step(
        request, actor=actor, changes=changes, expected_version=expected_version, via=via, check=check
    )


@transaction.atomic
def disclosure_request_ask_supplement(
    request: DisclosureRequest,
    *,
    actor: User | None,
    requested_on: datetime.date,
    note: str,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> DisclosureRequest:
    """补正: ask the applicant, once, to complete the application within 7 working days of receipt."""

    def check(current: DisclosureRequest) -> None:
        _refuse_if_replied(current)
        if current.supplement_requested_on:
            raise ValidationError(
                _("补正应一次性告知：该申请已于%(day)s通知补正，不能再次通知。")
                % {"day": _d(current.supplement_requested_on)},
                code="supplement_once",
            )
        if current.extension_days or current.consultation_sent_on:
            raise ValidationError(_("该申请已延期或已征求意见，不能再通知补正。"), code="supplement_too_late")
        if not (note or "").strip():
            raise ValidationError({"supplement_note": _("请填写需要补正的事项。")}, code="required")
        latest = WorkdayCalendar().add_workdays(current.received_on, SUPPLEMENT_NOTICE_DAYS)
        if requested_on < current.received_on:
            raise ValidationError(
                {"supplement_requested_on": _("补正通知日期不能早于收到申请日期。")}, code="before_received"
            )
        if requested_on > latest:
            raise ValidationError(
                {
                    "supplement_requested_on": _(
                        "补正通知应在收到申请之日起%(n)d个工作日内发出，本申请最迟为%(day)s。"
                    )
                    % {"n": SUPPLEMENT_NOTICE_DAYS, "day": _d(latest)}
                },
                code="supplement_late",
            )

    return _step(
        request,
        actor=actor,
        changes={"supplement_requested_on": requested_on, "supplement_note": (note or "").strip()},
        expected_version=expected_version,
        via=via,
        check=check,
    )


@transaction.atomic
def disclosure_request_receive_supplement(
    request: DisclosureRequest,
    *,
    actor: User | None,
    completed_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> DisclosureRequest:
    """收到补正: the completed application arrived; the answer clock restarts from this day."""

    def check(current: DisclosureRequest) -> None:
        _refuse_if_replied(current)
        if not current.supplement_requested_on or current.supplement_completed_on:
            raise ValidationError(_("该申请没有待补正的事项。"), code="no_supplement")
        if completed_on < current.supplement_requested_on:
            raise ValidationError(
                {"supplement_completed_on": _("补正完成日期不能早于补正通知日期。")}, code="before_notice"
            )

    return _step(
        request,
        actor=actor,
        changes={"supplement_completed_on": completed_on},
        expected_version=expected_version,
        via=via,
        check=check,
    )


@transaction.atomic
def disclosure_request_consult(
    request: DisclosureRequest,
    *,
    actor: User | None,
    party: str,
    sent_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> DisclosureRequest:
    """征求意见: consult a third party (条例第三十二条); its time does not count toward the deadline."""

    def check(current: DisclosureRequest) -> None:
        _refuse_if_replied(current)
        _refuse_if_waiting_supplement(current, _("征求意见"))
        if current.consultation_sent_on:
            raise ValidationError(
                _("该申请已于%(day)s征求意见。") % {"day": _d(current.consultation_sent_on)},
                code="consultation_once",
            )
        if not (party or "").strip():
            raise ValidationError({"consultation_party": _("请填写征求意见对象。")}, code="required")
        start = current.supplement_completed_on or current.received_on
        if sent_on < start:
            raise ValidationError(
                {"consultation_sent_on": _("征求意见发出日期不能早于%(day)s。") % {"day": _d(start)}},
                code="before_received",
            )
        if current.due_on and sent_on > current.due_on:
            raise ValidationError(
                {
                    "consultation_sent_on": _("征求意见应在答复期限（%(day)s）届满前发出。")
                    % {"day": _d(current.due_on)}
                },
                code="after_due",
            )

    return _step(
        request,
        actor=actor,
        changes={"consultation_party": (party or "").strip(), "consultation_sent_on": sent_on},
        expected_version=expected_version,
        via=via,
        check=check,
    )


@transaction.atomic
def disclosure_request_receive_opinion(
    request: DisclosureRequest,
    *,
    actor: User | None,
    replied_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> DisclosureRequest:
    """收到第三方意见 (or the end of its 15 working days without one): the paused days are counted."""

    def check(current: DisclosureRequest) -> None:
        _refuse_if_replied(current)
        if not current.consultation_sent_on or current.consultation_replied_on:
            raise ValidationError(_("该申请没有待答复的征求意见。"), code="no_consultation")
        if replied_on < current.consultation_sent_on:
            raise ValidationError(
                {"consultation_replied_on": _("征求意见答复日期不能早于发出日期。")}, code="before_sent"
            )

    return _step(
        request,
        actor=actor,
        changes={"consultation_replied_on": replied_on},
        expected_version=expected_version,
        via=via,
        check=check,
    )


@transaction.atomic
def disclosure_request_extend(
    request: DisclosureRequest,
    *,
    actor: User | None,
    days: int,
    reason: str,
    approved_by: str,
    approved_on: datetime.date,
    notified_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> DisclosureRequest:
    """延期: once, by at most 20 working days, approved by the office head and notified to the applicant."""

    def check(current: DisclosureRequest) -> None:
        _refuse_if_replied(current)
        if current.extension_days:
            raise ValidationError(
                _("答复期限只能延长一次：该申请已于%(day)s延长%(n)d个工作日。")
                % {"day": _d(current.extension_approved_on), "n": current.extension_days},
                code="extension_once",
            )
        _refuse_if_waiting_supplement(current, _("延长答复期限"))
        errors = {}
        if not 1 <= (days or 0) <= EXTENSION_MAX_DAYS:
            errors["extension_days"] = _("延长的期限为1至%(max)d个工作日。") % {"max": EXTENSION_MAX_DAYS}
        if not (reason or "").strip():
            errors["extension_reason"] = _("请填写延长答复期限的理由。")
        if not (approved_by or "").strip():
            errors["extension_approved_by"] = _(
                "延长答复期限须经政府信息公开工作机构负责人同意，请填写审批人。"
            )
        start = current.supplement_completed_on or current.received_on
        if approved_on < start:
            errors["extension_approved_on"] = _("延长批准日期不能早于%(day)s。") % {"day": _d(start)}
        elif current.due_on and approved_on > current.due_on:
            errors["extension_approved_on"] = _("延长须在答复期限（%(day)s）届满前批准。") % {
                "day": _d(current.due_on)
            }
        if notified_on < approved_on:
            errors["extension_notified_on"] = _("告知申请人日期不能早于延长批准日期。")
        elif current.due_on and notified_on > current.due_on:
            errors["extension_notified_on"] = _("延期应在答复期限（%(day)s）届满前告知申请人。") % {
                "day": _d(current.due_on)
            }
        if errors:
            raise ValidationError(errors, code="extension_invalid")

    return _step(
        request,
        actor=actor,
        changes={
            "extension_days": days,
            "extension_reason": (reason or "").strip(),
            "extension_approved_by": (approved_by or "").strip(),
            "extension_approved_on": approved_on,
            "extension_notified_on": notified_on,
        },
        expected_version=expected_version,
        via=via,
        check=check,
    )


@transaction.atomic
def disclosure_request_reply(
    request: DisclosureRequest,
    *,
    actor: User | None,
    reply_type: str,
    replied_on: datetime.date,
    content: str = "",
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> DisclosureRequest:
    """答复: the reply (条例第三十六条) and its letter's number (文号); a late reply is recorded as late."""

    def check(current: DisclosureRequest) -> None:
        _refuse_if_replied(current)
        _refuse_if_waiting_supplement(current, _("答复"))
        if current.consultation_sent_on and not current.consultation_replied_on:
            raise ValidationError(
                _("征求意见尚未答复：请先登记第三方意见（或第三方逾期未答复的日期），再答复申请人。"),
                code="waiting_opinion",
            )
        errors = {}
        if reply_type not in ReplyType.values:
            errors["reply_type"] = _("请选择答复类型。")
        elif reply_type in REASONED_REPLIES and not (content or "").strip():
            errors["reply_content"] = _("“%(type)s”的答复须写明理由或负责机关。") % {"type": reply_type}
        start = current.supplement_completed_on or current.received_on
        if replied_on < start:
            errors["replied_on"] = _("答复日期不能早于%(day)s。") % {"day": _d(start)}
        if errors:
            raise ValidationError(errors, code="reply_invalid")

    return _step(
        request,
        actor=actor,
        changes=lambda: {
            "reply_type": reply_type,
            "replied_on": replied_on,
            "reply_content": (content or "").strip(),
            "reply_number": number_take(REPLY_LETTER, year=replied_on.year),
        },
        expected_version=expected_version,
        via=via,
        check=check,
    )
