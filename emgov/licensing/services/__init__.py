"""Writes of the licensing app: the item catalogue and each step of a case, from the application
(一次性告知补正, 受理) through the time not counted (听证、检验检测、专家评审) and the extension to the
decision, the certificate and 双公示. The clocks themselves are in `deadlines`."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.core import hooks, services
from emgov.core.models import Region, Role, User
from emgov.core.numbering import number_take
from emgov.core.services import VIA_WEB
from emgov.enterprises.ledgers import link_enterprise
from emgov.licensing import rules
from emgov.licensing.models import (
    ExcludedPeriod,
    LicensingCase,
    LicensingCategory,
    LicensingItem,
    LicensingResult,
)
from emgov.licensing.services.deadlines import (
    add_period,
    certificate_due,
    certificate_warning,
    clock_start,
    decision_due,
    deemed_accepted,
    deemed_decision_due,
    derive_deadlines,
    due_dates_recompute,
    excluded_periods,
    explain,
    extension_days,
    publication_due,
    supplement_due,
)

__all__ = [
    "add_period",
    "certificate_due",
    "certificate_warning",
    "clock_start",
    "decision_due",
    "deemed_accepted",
    "deemed_decision_due",
    "derive_deadlines",
    "due_dates_recompute",
    "excluded_periods",
    "explain",
    "publication_due",
    "supplement_due",
]

DECISION_DOC_TYPE = "行政许可决定书"


def _d(day: datetime.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def derive_fields(case: LicensingCase) -> None:
    """Fields a case derives from the others: the enterprise, the item's name and category, the deadlines.

    Called before validation by every write: the services below, the ledger pages and the ledger import.
    """
    link_enterprise(case, "credit_code")
    if case.item_id:
        case.item_name = case.item.name
        case.category = case.item.category
    derive_deadlines(case)


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


def request_supplement(
    case: LicensingCase, *, actor: User | None, via: str, requested_on: datetime.date, items: str
) -> dict[str, Any]:
    """一次性告知补正: everything the applicant must supplement, told once, within 5 working days of
    receipt (行政许可法第三十二条第一款第四项). Later, the application already counts as accepted."""
    items = (items or "").strip()
    errors: dict[str, ValidationError] = {}
    if not items:
        errors["items"] = ValidationError(
            _("请一次性列明需要补正的全部内容（行政许可法第三十二条第一款第四项）。"), code="required"
        )
    due = supplement_due(case)
    if requested_on < case.applied_on:
        errors["requested_on"] = ValidationError(
            _("补正告知日期不能早于申请日期（%(d)s）。") % {"d": _d(case.applied_on)}, code="before_applied"
        )
    elif due and requested_on > due:
        errors["requested_on"] = ValidationError(
            _(
                "补正须在收到申请材料后%(n)d个工作日内（%(due)s前）一次告知；逾期不告知的，自收到申请材料之日"
                "（%(on)s）起即为受理（行政许可法第三十二条第一款第四项），请办理受理。"
            )
            % {
                "n": rules.value(case, rules.SUPPLEMENT_NOTICE_DAYS),
                "due": _d(due),
                "on": _d(case.applied_on),
            },
            code="supplement_notice_late",
        )
    if errors:
        raise ValidationError(errors, code="supplement_invalid")
    return {"supplement_requested_on": requested_on, "supplement_items": items}


def supplement_received(
    case: LicensingCase, *, actor: User | None, via: str, completed_on: datetime.date
) -> dict[str, Any]:
    """收到补正材料: the applicant supplied everything asked for; the application may now be accepted
    (行政许可法第三十二条第一款第五项)."""
    if completed_on < case.supplement_requested_on:
        raise ValidationError(
            {
                "completed_on": ValidationError(
                    _("补正材料收齐日期不能早于补正告知日期（%(d)s）。")
                    % {"d": _d(case.supplement_requested_on)},
                    code="before_request",
                )
            },
            code="supplement_invalid",
        )
    return {"supplement_completed_on": completed_on}


def accept(
    case: LicensingCase, *, actor: User | None, via: str, accepted_on: datetime.date
) -> dict[str, Any]:
    """受理: the statutory time limit runs from this day — or from receipt, when no 补正 notice was given
    within 5 working days (行政许可法第三十二条第一款第四项; `deadlines.deemed_accepted`)."""
    return _derived(case, {"accepted_on": accepted_on})


def exclude(
    case: LicensingCase,
    *,
    actor: User | None,
    via: str,
    kind: str,
    started_on: datetime.date,
    ended_on: datetime.date,
    notified_on: datetime.date,
    note: str = "",
) -> dict[str, Any]:
    """听证、检验、检测、鉴定、专家评审等: their time is not counted in the time limit, and the applicant is
    told of it in writing (行政许可法第四十五条); the decision's due date moves by its days."""
    start = clock_start(case)
    errors: dict[str, ValidationError] = {}
    if start and started_on < start:
        errors["started_on"] = ValidationError(
            _("开始日期不能早于办理期限的起算日（%(d)s）。") % {"d": _d(start)}, code="before_clock"
        )
    elif case.decision_due_on and started_on > case.decision_due_on:
        errors["started_on"] = ValidationError(
            _("办理期限已于%(d)s届满，此后的时间不能再扣除（行政许可法第四十五条）。")
            % {"d": _d(case.decision_due_on)},
            code="after_due",
        )
    if ended_on < started_on:
        errors["ended_on"] = ValidationError(_("结束日期不能早于开始日期。"), code="period_reversed")
    if notified_on < case.accepted_on:
        errors["notified_on"] = ValidationError(
            _("书面告知日期不能早于受理日期（%(d)s）。") % {"d": _d(case.accepted_on)}, code="before_accepted"
        )
    for other in excluded_periods(case):
        if started_on <= other.ended_on and other.started_on <= ended_on:
            errors["started_on"] = ValidationError(
                _("与已记录的%(kind)s（%(s)s至%(e)s）重叠，同一时间只扣除一次。")
                % {"kind": other.kind, "s": _d(other.started_on), "e": _d(other.ended_on)},
                code="period_overlap",
            )
    if errors:
        raise ValidationError(errors, code="excluded_period_invalid")
    services.record_create(
        ExcludedPeriod(
            case=case,
            kind=kind,
            started_on=started_on,
            ended_on=ended_on,
            notified_on=notified_on,
            note=(note or "").strip(),
        ),
        actor=actor,
        via=via,
    )
    return _derived(case, {})


def extend(
    case: LicensingCase,
    *,
    actor: User | None,
    via: str,
    extended_on: datetime.date,
    reason: str,
    approved_by: User | None,
) -> dict[str, Any]:
    """延期: approved by the head of the agency — a user of the role 局领导 — once, with reasons
    told to the applicant (行政许可法第四十二条第一款)."""
    errors: dict[str, ValidationError] = {}
    if not (reason or "").strip():
        errors["reason"] = ValidationError(
            _("延期须说明理由（行政许可法第四十二条第一款）。"), code="required"
        )
    if approved_by is None or not approved_by.is_active or approved_by.role != Role.LEADER:
        errors["approved_by"] = ValidationError(
            _("延长办理期限须经本行政机关负责人批准：请选择批准延期的局领导（行政许可法第四十二条第一款）。"),
            code="approver_not_leader",
        )
    if extended_on < case.accepted_on:
        errors["extended_on"] = ValidationError(_("延期日期不能早于受理日期。"), code="before_accepted")
    elif case.decision_due_on and extended_on > case.decision_due_on:
        errors["extended_on"] = ValidationError(
            _("延期须在办理期限%(d)s届满前决定（行政许可法第四十二条第一款）。")
            % {"d": _d(case.decision_due_on)},
            code="after_due",
        )
    if errors:
        raise ValidationError(errors, code="extension_invalid")
    changes = {
        "extension_days": extension_days(case),
        "extension_reason": reason.strip(),
        "extension_approver": approved_by,
        "extension_approved_by": approved_by.full_name or approved_by.username,
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
