"""Writes of the licensing app: the item catalogue and each step of a case, from acceptance to 双公示."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import services
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


def _locked(case: LicensingCase, expected_version: int | None) -> LicensingCase:
    return services.record_lock(
        case, expected_version=expected_version, voided=_("该许可案件已作废，不能办理。")
    )


def _apply(case: LicensingCase, *, actor: User | None, changes: dict[str, Any], via: str) -> LicensingCase:
    probe = LicensingCase.objects.select_related("item").get(pk=case.pk)
    for name, value in changes.items():
        setattr(probe, name, value)
    derive_fields(probe)
    changes = {
        **changes,
        "decision_due_on": probe.decision_due_on,
        "publication_due_on": probe.publication_due_on,
    }
    return services.record_update(case, actor=actor, changes=changes, expected_version=case.version, via=via)


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


@transaction.atomic
def licensing_case_accept(
    case: LicensingCase,
    *,
    actor: User | None,
    accepted_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LicensingCase:
    """受理: the statutory time limit runs from this day."""
    current = _locked(case, expected_version)
    if current.accepted_on:
        raise ValidationError(
            {
                "accepted_on": _("该申请已于%(d)s受理，不能重复受理。")
                % {"d": current.accepted_on.isoformat()}
            },
            code="already_accepted",
        )
    return _apply(current, actor=actor, changes={"accepted_on": accepted_on}, via=via)


@transaction.atomic
def licensing_case_extend(
    case: LicensingCase,
    *,
    actor: User | None,
    extended_on: datetime.date,
    reason: str,
    approved_by: str,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LicensingCase:
    """延期: the head of the agency extends the time limit once, with reasons (行政许可法 Art. 42)."""
    current = _locked(case, expected_version)
    if not current.accepted_on:
        raise ValidationError(_("延期：该申请尚未受理，不能延长办理期限。"), code="extend_before_acceptance")
    if current.result:
        raise ValidationError(_("延期：该案件已作出决定，不能再延长办理期限。"), code="extend_after_decision")
    if current.extension_days:
        raise ValidationError(
            _("延期：办理期限只能延长一次，该案件已于%(d)s延期%(n)s日。")
            % {
                "d": current.extended_on.isoformat() if current.extended_on else "",
                "n": current.extension_days,
            },
            code="already_extended",
        )
    if current.item_id and not current.item.extendable:
        raise ValidationError(
            _("延期：事项“%(item)s”的办理期限不可延长。") % {"item": current.item.name}, code="not_extendable"
        )
    errors = {}
    if not (reason or "").strip():
        errors["extension_reason"] = _("延期须说明理由。")
    if not (approved_by or "").strip():
        errors["extension_approved_by"] = _("延期须填写批准延期的负责人。")
    if extended_on < current.accepted_on:
        errors["extended_on"] = _("延期日期不能早于受理日期。")
    elif current.decision_due_on and extended_on > current.decision_due_on:
        errors["extended_on"] = _("延期须在办理期限%(d)s届满前决定。") % {
            "d": current.decision_due_on.isoformat()
        }
    if errors:
        raise ValidationError(errors, code="extension_invalid")
    days = current.item.extension_days if current.item_id else DEFAULT_EXTENSION_DAYS
    changes = {
        "extension_days": days,
        "extension_reason": reason.strip(),
        "extension_approved_by": approved_by.strip(),
        "extended_on": extended_on,
    }
    return _apply(current, actor=actor, changes=changes, via=via)


def decision_document_name(category: str, result: str) -> str:
    if result == LicensingResult.FILED:
        return _("备案告知书")
    return f"{result}{category}决定书"


@transaction.atomic
def licensing_case_decide(
    case: LicensingCase,
    *,
    actor: User | None,
    decided_on: datetime.date,
    result: str,
    content: str = "",
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LicensingCase:
    """决定: 准予 / 不予 (a licence or approval) or 已备案 (a filing), with its document number."""
    current = _locked(case, expected_version)
    if not current.accepted_on:
        raise ValidationError(_("作出决定：该申请尚未受理，不能作出决定。"), code="decide_before_acceptance")
    if current.result:
        raise ValidationError(
            _("作出决定：该案件已于%(d)s作出“%(r)s”决定。")
            % {"d": current.decided_on.isoformat() if current.decided_on else "", "r": current.result},
            code="already_decided",
        )
    filing = current.category == LicensingCategory.FILING
    allowed = [LicensingResult.FILED] if filing else [LicensingResult.GRANTED, LicensingResult.REFUSED]
    if result not in allowed:
        raise ValidationError(
            {
                "result": _("办理结果：%(cat)s事项的结果只能是%(ok)s。")
                % {"cat": current.category, "ok": "、".join(allowed)}
            },
            code="result_not_allowed",
        )
    changes = {
        "decided_on": decided_on,
        "result": result,
        "decision_document": decision_document_name(current.category, result),
        "decision_content": (content or "").strip() or current.item_name,
        "decision_number": number_take(DECISION_DOC_TYPE, year=decided_on.year),
    }
    return _apply(current, actor=actor, changes=changes, via=via)


@transaction.atomic
def licensing_case_issue_certificate(
    case: LicensingCase,
    *,
    actor: User | None,
    issued_on: datetime.date,
    certificate_number: str,
    certificate_name: str = "",
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LicensingCase:
    """发证: after a decision to grant. Later than 10 days is recorded; `certificate_warning` says so."""
    current = _locked(case, expected_version)
    if current.result != LicensingResult.GRANTED:
        raise ValidationError(_("发证：只有准予许可的案件才能颁发证书。"), code="certificate_not_granted")
    if current.certificate_number:
        raise ValidationError(
            _("发证：该案件已颁发证书（编号%(n)s）。") % {"n": current.certificate_number},
            code="already_certified",
        )
    name = (certificate_name or "").strip() or (current.item.certificate_name if current.item_id else "")
    errors = {}
    if not (certificate_number or "").strip():
        errors["certificate_number"] = _("发证：请填写许可证编号。")
    if not name:
        errors["certificate_name"] = _("发证：请填写许可证书名称。")
    if errors:
        raise ValidationError(errors, code="certificate_incomplete")
    valid_from = valid_from or issued_on
    if valid_until is None and current.item_id and current.item.validity_years:
        years = current.item.validity_years
        try:
            valid_until = valid_from.replace(year=valid_from.year + years) - datetime.timedelta(days=1)
        except ValueError:
            valid_until = valid_from.replace(year=valid_from.year + years, day=28)
    changes = {
        "certificate_issued_on": issued_on,
        "certificate_number": certificate_number.strip(),
        "certificate_name": name,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    return _apply(current, actor=actor, changes=changes, via=via)


@transaction.atomic
def licensing_case_publish(
    case: LicensingCase,
    *,
    actor: User | None,
    published_on: datetime.date,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> LicensingCase:
    """双公示: the decision to grant is published; 公示日期 feeds double_publicity.licensing_records."""
    current = _locked(case, expected_version)
    if not current.result:
        raise ValidationError(_("公示：该案件尚未作出决定，不能公示。"), code="publish_before_decision")
    if not current.needs_publication:
        raise ValidationError(
            _("公示：“%(r)s”的%(cat)s决定无需双公示。") % {"r": current.result, "cat": current.category},
            code="publication_not_needed",
        )
    if current.published_on:
        raise ValidationError(
            _("公示：该决定已于%(d)s公示。") % {"d": current.published_on.isoformat()},
            code="already_published",
        )
    from emgov.publicity.publications import publication_publish  # publicity builds on licensing

    publication_publish(actor=actor, case=current, on=published_on, via=via)
    current.refresh_from_db()
    return current
