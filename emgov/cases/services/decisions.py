"""法制审核, 集体讨论, 决定, the extension of the decision's time limit, and the correction of a decision
(which withdraws its publication through `core.hooks`).

The rules on the case (a pending hearing, a review or a discussion still owed) are the guards of
`cases.procedures`; the checks here are on what the form gives: the dates, the reviewer, the fine.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.cases import rules
from emgov.cases.models import DECISION_DOC_TYPE, REVIEW_POINTS, CaseStage, DeadlineExtension, PenaltyCase
from emgov.cases.services.history import Entry, d, number_for, require_date
from emgov.cases.services.penalty import penalty_args, penalty_changes
from emgov.core import hooks, services
from emgov.core.models import Officer, User

POINT_KEYS = [key for key, _label in REVIEW_POINTS]
# The review form's fields, one per point: point_subject, point_facts, …
POINT_FIELDS = [f"point_{key}" for key in POINT_KEYS]
ALL_POINTS_PASS = dict.fromkeys(POINT_FIELDS, True)


def reviewer_qualified(user: User | None) -> bool:
    """Art. 58: the reviewer holds the national legal professional qualification (on their officer record)."""
    if user is None:
        return False
    return Officer.objects.filter(user=user).exclude(legal_qualification_number="").exists()


def _points(points: dict[str, Any]) -> dict[str, bool]:
    unknown = set(points) - set(POINT_FIELDS)
    if unknown:
        raise TypeError(f"unknown review points: {', '.join(sorted(unknown))}")
    return {key: bool(points.get(f"point_{key}")) for key in POINT_KEYS}


def _failed(recorded: dict[str, bool]) -> list[str]:
    return [str(label) for key, label in REVIEW_POINTS if not recorded.get(key)]


def case_review(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, opinion: str, **points: bool
) -> dict[str, Any]:
    """法制审核: the seven review points (`point_<key>`); the case may be decided once every point passes.
    A failed review is recorded and leaves the case where it was."""
    recorded = _points(points)
    require_date(on, "on", _("审核日期"))
    if not reviewer_qualified(actor):
        raise ValidationError(
            _(
                "法制审核人员须取得国家法律职业资格（行政处罚法第五十八条）：%(name)s的执法人员信息中没有法律职业资格证书编号。"
            )
            % {"name": actor or _("（无）")},
            code="reviewer_unqualified",
        )
    if not (opinion or "").strip():
        raise ValidationError({"opinion": _("必须填写法制审核意见。")}, code="opinion_required")
    if _failed(recorded):
        return {"review_points": recorded, "stage": case.stage}
    return {"review_points": recorded, "reviewed_on": on, "reviewer": actor}


def review_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    failed = _failed(_points({k: v for k, v in data.items() if k.startswith("point_")}))
    if failed:
        note = _("审核未通过（%(points)s）：%(opinion)s") % {
            "points": "、".join(failed),
            "opinion": data["opinion"],
        }
        return [Entry(on=data["on"], note=note, label=_("法制审核未通过"))]
    return [Entry(on=data["on"], note=_("审核通过：%(opinion)s") % {"opinion": data["opinion"]})]


def case_discuss(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, note: str
) -> dict[str, Any]:
    """集体讨论 of a major case (Art. 57): participants and conclusion in `note`."""
    require_date(on, "on", _("讨论日期"))
    if not (note or "").strip():
        raise ValidationError({"note": _("必须记录集体讨论的参加人员和结论。")}, code="note_required")
    return {"discussed_on": on}


def decision_date_blocker(case: PenaltyCase, on: datetime.date) -> str | None:
    """Why the case may not be decided on the day `on` (None: it may): before the notice, within the
    party's period for statement and hearing request (Art. 62), or past the time limit (Art. 60)."""
    if case.notified_on and on < case.notified_on:
        return _("决定日期不能早于告知日期（%(d)s）。") % {"d": d(case.notified_on)}
    heard = case.stage != CaseStage.NOTIFIED and (case.hearing_waived or not rules.hearing_applies(case))
    if not heard and not case.hearing_held and case.statement_due_on and on <= case.statement_due_on:
        return _("陈述申辩、申请听证的期限至%(due)s，期限届满前不能作出决定（行政处罚法第六十二条）。") % {
            "due": d(case.statement_due_on)
        }
    if case.decision_due_on and on > case.decision_due_on:
        return _(
            "已超过决定期限%(due)s（立案之日起九十日，行政处罚法第六十条），请先办理延长办案期限的审批。"
        ) % {"due": d(case.decision_due_on)}
    return None


def case_decide(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    fine_amount: Any = None,
    discretion_reason: str = "",
) -> dict[str, Any]:
    """决定: the decision (Art. 59), numbered; the penalty is the one notified, the fine lowered if the
    statement persuaded, never raised (Art. 45)."""
    require_date(on, "on", _("决定日期"))
    blocker = decision_date_blocker(case, on)
    if blocker:
        raise ValidationError({"on": blocker}, code="decision_blocked")
    values = penalty_changes(
        case, **penalty_args({"fine_amount": fine_amount, "discretion_reason": discretion_reason})
    )
    if case.fine_amount and values["fine_amount"] and values["fine_amount"] > case.fine_amount:
        raise ValidationError(
            {
                "fine_amount": _(
                    "不得因当事人陈述申辩而加重处罚：决定的罚款不能高于告知的%(f)s元，如需加重请重新告知。"
                )
                % {"f": f"{case.fine_amount:,.2f}"}
            },
            code="heavier_than_notice",
        )
    number = number_for(DECISION_DOC_TYPE, on.year, actor=actor, via=via)
    return {**values, "decided_on": on, "decision_number": number}


def decide_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["on"], document_number=case.decision_number or "")]


def case_extend(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    approved_by: str,
    approved_on: datetime.date,
    reason: str,
    new_due_on: datetime.date,
) -> dict[str, Any]:
    """案件延期: a recorded extension of the 90-day decision limit (approval, reason, new limit; Art. 60)."""
    require_date(approved_on, "approved_on", _("批准日期"))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("延长办案期限必须填写理由。")}, code="reason_required")
    if not (approved_by or "").strip():
        raise ValidationError({"approved_by": _("延长办案期限必须填写批准人。")}, code="approver_required")
    if new_due_on is None or (case.decision_due_on and new_due_on <= case.decision_due_on):
        raise ValidationError(
            {
                "new_due_on": _("延长后的期限必须晚于现在的决定期限（%(d)s）。")
                % {"d": d(case.decision_due_on)}
            },
            code="not_later",
        )
    extension = DeadlineExtension(
        case=case, approved_by=approved_by, approved_on=approved_on, reason=reason, new_due_on=new_due_on
    )
    services.record_create(extension, actor=actor, via=via)
    return {"decision_due_on": new_due_on}


def extend_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    note = _("%(by)s批准延长至%(due)s：%(reason)s") % {
        "by": data["approved_by"],
        "due": d(data["new_due_on"]),
        "reason": data["reason"],
    }
    return [Entry(on=data["approved_on"], note=note)]


def case_correct(
    case: PenaltyCase, *, actor: User | None, via: str, on: datetime.date, reason: str, **penalty: Any
) -> PenaltyCase:
    """更正处罚决定: change a decision with a reason; a published decision is withdrawn (撤销公示)."""
    require_date(on, "on", _("更正日期"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("更正处罚决定必须填写原因。")}, code="reason_required")
    case = services.record_update(
        case,
        actor=actor,
        changes=penalty_changes(case, **penalty_args(penalty)),
        expected_version=case.version,
        via=via,
        reason=_("更正处罚决定：%(reason)s") % {"reason": reason},
    )
    if case.published_on:
        hooks.withdraw_decision(actor=actor, case=case, reason=reason, on=max(on, case.published_on), via=via)
        case.refresh_from_db()
    return case


def correct_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["on"], note=data["reason"].strip())]
