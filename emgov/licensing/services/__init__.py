"""Writes of the licensing app: the item catalogue and each step of a case, from acceptance to 双公示."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import hooks, services
from emgov.core.models import Region, User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar, add_days
from emgov.enterprises.ledgers import link_enterprise
from emgov.licensing.models import (
    CERTIFICATE_DAYS,
    DEFAULT_EXTENSION_DAYS,
    DEFAULT_TIME_LIMIT_DAYS,
    PUBLICATION_WORKDAYS,
    LicensingCase,
    LicensingCategory,
    LicensingItem,
    LicensingResult,
)

DECISION_DOC_TYPE = "行政许可决定书"


# Deadlines ---------------------------------------------------------------------------------------


def add_period(calendar: WorkdayCalendar, start: datetime.date, days: int, *, working: bool) -> datetime.date:
    """The last day of a period of `days` after `start` (the start day not counted).

    Working days count only 工作日. Natural days (自然日) count every day; when the last one is a
    statutory holiday or a rest day, the period ends on the next working day.
    """
    if working:
        return calendar.add_workdays(start, days)
    return calendar.add_workdays(add_days(start, days), 0)


def _limit(case: LicensingCase) -> tuple[int, bool]:
    if case.item_id:
        return case.item.time_limit_days, case.item.working_days
    return DEFAULT_TIME_LIMIT_DAYS, True


def decision_due(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """办理期限: the statutory time limit of the item from acceptance, plus an approved extension."""
    if not case.accepted_on:
        return None
    days, working = _limit(case)
    return add_period(
        calendar or WorkdayCalendar(), case.accepted_on, days + case.extension_days, working=working
    )


def certificate_due(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """行政许可法 Art. 44: the certificate within 10 days of the decision to grant."""
    if not (case.decided_on and case.result == LicensingResult.GRANTED):
        return None
    _days, working = _limit(case)
    return add_period(calendar or WorkdayCalendar(), case.decided_on, CERTIFICATE_DAYS, working=working)


def publication_due(case: LicensingCase, calendar: WorkdayCalendar | None = None) -> datetime.date | None:
    """双公示: a decision to grant is published within 7 working days of the decision."""
    if not (case.decided_on and case.needs_publication):
        return None
    return (calendar or WorkdayCalendar()).add_workdays(case.decided_on, PUBLICATION_WORKDAYS)


def certificate_warning(case: LicensingCase) -> str | None:
    due = certificate_due(case)
    if case.certificate_issued_on and due and case.certificate_issued_on > due:
        return _(
            "发证日期%(issued)s晚于法定期限%(due)s：行政许可法第四十四条要求自作出准予许可决定之日起十日内颁发证书。"
        ) % {"issued": case.certificate_issued_on.isoformat(), "due": due.isoformat()}
    return None


def derive_fields(case: LicensingCase) -> None:
    """Fields a case derives from the others: the enterprise, the item's name and category, the deadlines.

    Called before validation by every write: the services below, the ledger pages and the ledger import.
    """
    link_enterprise(case, "credit_code")
    if case.item_id:
        case.item_name = case.item.name
        case.category = case.item.category
    calendar = WorkdayCalendar()
    case.decision_due_on = decision_due(case, calendar)
    case.publication_due_on = publication_due(case, calendar)


def link_item(case: LicensingCase) -> None:
    """An imported row names its item by name: point it at the catalogue's item of that name, if any."""
    if case.item_id and case.item.name == case.item_name:
        return
    case.item = LicensingItem.objects.filter(name=case.item_name, voided_at__isnull=True).first()


# The item catalogue ------------------------------------------------------------------------------


def licensing_item_create(*, actor: User | None, via: str = VIA_WEB, **fields: Any) -> LicensingItem:
    return services.record_create(LicensingItem(**fields), actor=actor, via=via)


def licensing_item_update(
    item: LicensingItem,
    *,
    actor: User | None,
    changes: dict[str, Any],
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LicensingItem:
    return services.record_update(
        item, actor=actor, changes=changes, expected_version=expected_version, via=via
    )


# Cases -------------------------------------------------------------------------------------------


def _derived(case: LicensingCase, changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` with the deadlines they move (a step changes dates the deadlines run from)."""
    probe = LicensingCase.objects.select_related("item").get(pk=case.pk)
    for name, value in changes.items():
        setattr(probe, name, value)
    derive_fields(probe)
    return {
        **changes,
        "decision_due_on": probe.decision_due_on,
        "publication_due_on": probe.publication_due_on,
    }


@transaction.atomic
def licensing_case_apply(
    *,
    actor: User | None,
    number: str,
    applicant: str,
    applied_on: datetime.date,
    item: LicensingItem,
    credit_code: str = "",
    region: Region | None = None,
    via: str = VIA_WEB,
) -> LicensingCase:
    """Register an application (申请) of a catalogue item; it is accepted, or not, afterwards."""
    case = LicensingCase(
        number=number,
        item=item,
        applicant=applicant,
        credit_code=credit_code,
        applied_on=applied_on,
        region=region,
    )
    derive_fields(case)
    return services.record_create(case, actor=actor, via=via)


# The steps of a case (declared in `licensing.procedures`) -----------------------------------------


def accept(
    case: LicensingCase, *, actor: User | None, via: str, accepted_on: datetime.date
) -> dict[str, Any]:
    """受理: the statutory time limit runs from this day."""
    return _derived(case, {"accepted_on": accepted_on})


def extend(
    case: LicensingCase,
    *,
    actor: User | None,
    via: str,
    extended_on: datetime.date,
    reason: str,
    approved_by: str,
) -> dict[str, Any]:
    """延期: the head of the agency extends the time limit once, with reasons (行政许可法 Art. 42)."""
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = _("延期须说明理由。")
    if not (approved_by or "").strip():
        errors["approved_by"] = _("延期须填写批准延期的负责人。")
    if extended_on < case.accepted_on:
        errors["extended_on"] = _("延期日期不能早于受理日期。")
    elif case.decision_due_on and extended_on > case.decision_due_on:
        errors["extended_on"] = _("延期须在办理期限%(d)s届满前决定（行政许可法第四十二条）。") % {
            "d": case.decision_due_on.isoformat()
        }
    if errors:
        raise ValidationError(errors, code="extension_invalid")
    days = case.item.extension_days if case.item_id else DEFAULT_EXTENSION_DAYS
    changes = {
        "extension_days": days,
        "extension_reason": reason.strip(),
        "extension_approved_by": approved_by.strip(),
        "extended_on": extended_on,
    }
    return _derived(case, changes)


def decision_document_name(category: str, result: str) -> str:
    if result == LicensingResult.FILED:
        return _("备案告知书")
    return f"{result}{category}决定书"


def decide(
    case: LicensingCase,
    *,
    actor: User | None,
    via: str,
    decided_on: datetime.date,
    result: str,
    content: str = "",
) -> dict[str, Any]:
    """决定: 准予 / 不予 (a licence or approval) or 已备案 (a filing), with its document number."""
    filing = case.category == LicensingCategory.FILING
    allowed = [LicensingResult.FILED] if filing else [LicensingResult.GRANTED, LicensingResult.REFUSED]
    if result not in allowed:
        raise ValidationError(
            {
                "result": _("办理结果：%(cat)s事项的结果只能是%(ok)s。")
                % {"cat": case.category, "ok": "、".join(allowed)}
            },
            code="result_not_allowed",
        )
    changes = {
        "decided_on": decided_on,
        "result": result,
        "decision_document": decision_document_name(case.category, result),
        "decision_content": (content or "").strip() or case.item_name,
        "decision_number": number_take(DECISION_DOC_TYPE, year=decided_on.year),
    }
    return _derived(case, changes)


def issue_certificate(
    case: LicensingCase,
    *,
    actor: User | None,
    via: str,
    issued_on: datetime.date,
    certificate_number: str,
    certificate_name: str = "",
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
) -> dict[str, Any]:
    """发证: after a decision to grant. Later than 10 days is recorded; `certificate_warning` says so."""
    name = (certificate_name or "").strip() or (case.item.certificate_name if case.item_id else "")
    errors = {}
    if not (certificate_number or "").strip():
        errors["certificate_number"] = _("发证：请填写许可证编号。")
    if not name:
        errors["certificate_name"] = _("发证：请填写许可证书名称。")
    if errors:
        raise ValidationError(errors, code="certificate_incomplete")
    valid_from = valid_from or issued_on
    if valid_until is None and case.item_id and case.item.validity_years:
        years = case.item.validity_years
        try:
            valid_until = valid_from.replace(year=valid_from.year + years) - datetime.timedelta(days=1)
        except ValueError:
            valid_until = valid_from.replace(year=valid_from.year + years, day=28)
    return {
        "certificate_issued_on": issued_on,
        "certificate_number": certificate_number.strip(),
        "certificate_name": name,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }


def publish(
    case: LicensingCase, *, actor: User | None, via: str, published_on: datetime.date
) -> LicensingCase:
    """双公示: the decision to grant is published; 公示日期 feeds double_publicity.licensing_records."""
    hooks.publish_decision(actor=actor, case=case, on=published_on, via=via)
    case.refresh_from_db()
    return case
