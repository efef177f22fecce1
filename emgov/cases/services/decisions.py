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
from emgov.cases.models import DECISION_DOC_TYPE, REVIEW_POINTS, DeadlineExtension, PenaltyCase
from emgov.cases.services.history import Entry, d, number_for, require_date
from emgov.cases.services.investigation import handlers
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
    A failed review is recorded and leaves the case where it was. The reviewer is a qualified member of
    the legal office who did not handle the case (Art. 58)."""
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
    if actor is not None and actor.pk in handlers(case):
        raise ValidationError(
            _(
                "法制审核人员不能审核自己承办的案件（行政处罚法第五十八条）：%(name)s办理过本案的立案、"
                "调查取证或告知，请由未参与办理的法制审核人员审核。"
            )
            % {"name": actor},
            code="reviewer_is_handler",
        )
    if case.notified_on and on < case.notified_on:
        raise ValidationError(
            {"on": _("审核日期不能早于告知日期（%(d)s）。") % {"d": d(case.notified_on)}},
            code="before_notice",
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
    """Why the case may not be decided on the day `on` (None: it may): before the notice was received,
    within the party's period for statement and hearing request unless its statement or written waiver
    is recorded (Arts. 62, 64), or past the time limit (Art. 60)."""
    received = case.notice_served_on or case.notified_on
    if received and on < received:
        return _("决定日期不能早于告知书送达日期（%(d)s）。") % {"d": d(received)}
    for day, label in ((case.reviewed_on, _("法制审核")), (case.discussed_on, _("集体讨论"))):
        if day and on < day:
            return _("决定日期不能早于%(what)s日期（%(d)s）。") % {"what": label, "d": d(day)}
    spoken = bool(case.statement_on) and (case.hearing_waived or not rules.hearing_applies(case))
    if not (spoken or case.hearing_held) and case.statement_due_on and on <= case.statement_due_on:
        return _(
            "当事人陈述申辩、申请听证的期限至%(due)s（自收到告知书之日起计算），期限届满前未记录当事人的"
            "陈述申辩或书面放弃的，不能作出决定（行政处罚法第六十二条、第六十四条）。"
        ) % {"due": d(case.statement_due_on)}
    if case.decision_due_on and on > case.decision_due_on:
        return _(
            "已超过决定期限%(due)s（立案之日起九十日，行政处罚法第六十条），请先办理延长办案期限的审批。"
        ) % {"due": d(case.decision_due_on)}
    return None


def _renotice(what: str) -> str:
    return _(
        "%(what)s，不得加重处罚：需先重新告知，并重新听取陈述申辩、听证（行政处罚法第四十五条第二款、"
        "第六十二条、第六十三条）和法制审核（第五十八条）。"
    ) % {"what": what}


def heavier_than_notice(case: PenaltyCase, values: dict[str, Any]) -> dict[str, str]:
    """What in the decided penalty `values` is heavier than the notice (the case's intended penalty):
    a kind not notified, a higher fine, a larger confiscation — {form field: message}."""
    errors: dict[str, str] = {}
    added = [k for k in values["penalty_kinds"] if k not in (case.penalty_kinds or [])]
    if added:
        errors["penalty_kinds"] = _renotice(
            _("告知书未告知%(k)s（告知的是%(n)s）")
            % {"k": "、".join(added), "n": "、".join(case.penalty_kinds or []) or _("无")}
        )
    for field, label in (("fine_amount", _("罚款")), ("confiscation_amount", _("没收数额"))):
        notified, decided = getattr(case, field), values.get(field)
        if notified and decided and decided > notified:
            errors[field] = _renotice(
                _("决定的%(what)s%(new)s元高于告知的%(old)s元")
                % {"what": label, "new": f"{decided:,.2f}", "old": f"{notified:,.2f}"}
            )
    return errors


def case_decide(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    on: datetime.date,
    penalty_kinds: list[str] | None = None,
    fine_amount: Any = None,
    confiscation_amount: Any = None,
    discretion_reason: str = "",
) -> dict[str, Any]:
    """决定: the decision (Art. 59) approved by the bureau's head who takes the step (Art. 57), numbered.
    The penalty is the one notified; the head may drop a kind or lower an amount after the statement,
    never add or raise one (Art. 45) — that needs a new notice (重新告知)."""
    require_date(on, "on", _("决定日期"))
    if actor is None or not actor.pk:
        raise ValidationError(
            _("处罚决定须由本局负责人批准（行政处罚法第五十七条）：请由负责人办理。"),
            code="approver_required",
        )
    blocker = decision_date_blocker(case, on)
    if blocker:
        raise ValidationError({"on": blocker}, code="decision_blocked")
    given: dict[str, Any] = {
        "fine_amount": fine_amount,
        "confiscation_amount": confiscation_amount,
        "discretion_reason": discretion_reason,
    }
    kinds = list(penalty_kinds or [])
    if kinds and set(kinds) != set(case.penalty_kinds or []):
        given["penalty_kinds"] = kinds
        if fine_amount is None and case.daily_amount:
            given.update(
                daily_amount=case.daily_amount,
                continuous_from=case.continuous_from,
                continuous_until=case.continuous_until,
            )
        elif fine_amount is None:
            given["fine_amount"] = case.fine_amount
    values = penalty_changes(case, **penalty_args(given))
    heavier = heavier_than_notice(case, values)
    if heavier:
        raise ValidationError(heavier, code="heavier_than_notice")
    number = number_for(DECISION_DOC_TYPE, on.year, actor=actor, via=via)
    return {**values, "decided_on": on, "decision_number": number, "decision_approver": actor}


def decide_history(case: PenaltyCase, data: dict[str, Any], **_kw: Any) -> list[Entry]:
    return [Entry(on=data["on"], document_number=case.decision_number or "")]


def case_extend(
    case: PenaltyCase,
    *,
    actor: User | None,
    via: str,
    approved_on: datetime.date,
    reason: str,
    new_due_on: datetime.date,
) -> dict[str, Any]:
    """案件延期 (Art. 60): approved by the bureau's head who takes the step, before the limit has run out,
    to a new limit no later than the rule table allows (`cases.extension_days` after the current limit,
    `cases.decision_max_days` after filing)."""
    require_date(approved_on, "approved_on", _("批准日期"))
    if actor is None or not actor.pk:
        raise ValidationError(
            _("延长办案期限须由本局负责人批准（行政处罚法第六十条）：请由负责人办理。"),
            code="approver_required",
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": _("延长办案期限必须填写理由。")}, code="reason_required")
    if approved_on < case.filed_on:
        raise ValidationError(
            {"approved_on": _("批准日期不能早于立案日期（%(d)s）。") % {"d": d(case.filed_on)}},
            code="before_filing",
        )
    if case.decision_due_on and approved_on > case.decision_due_on:
        raise ValidationError(
            {
                "approved_on": _("决定期限已于%(due)s届满，届满后不能再批准延长（行政处罚法第六十条）。")
                % {"due": d(case.decision_due_on)}
            },
            code="limit_passed",
        )
    if new_due_on is None or (case.decision_due_on and new_due_on <= case.decision_due_on):
        raise ValidationError(
            {
                "new_due_on": _("延长后的期限必须晚于现在的决定期限（%(d)s）。")
                % {"d": d(case.decision_due_on)}
            },
            code="not_later",
        )
    bound = rules.extension_bound(case)
    if new_due_on > bound:
        raise ValidationError(
            {
                "new_due_on": _(
                    "延长后的期限最晚为%(bound)s：每次自现有期限起最长延长%(n)s日，且自立案之日起不超过%(max)s日"
                    "（行政处罚法第六十条；法定期限与规则）。"
                )
                % {
                    "bound": d(bound),
                    "n": rules.days(rules.EXTENSION_DAYS, case),
                    "max": rules.days(rules.DECISION_MAX_DAYS, case),
                }
            },
            code="extension_too_long",
        )
    extension = DeadlineExtension(
        case=case,
        approved_by=str(actor)[:100],
        approver=actor,
        approved_on=approved_on,
        reason=reason,
        new_due_on=new_due_on,
    )
    services.record_create(extension, actor=actor, via=via)
    return {"decision_due_on": new_due_on}


def extend_history(
    case: PenaltyCase, data: dict[str, Any], *, actor: User | None = None, **_kw: Any
) -> list[Entry]:
    note = _("%(by)s批准延长至%(due)s：%(reason)s") % {
        "by": actor or "",
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
    changes = penalty_changes(case, **penalty_args(penalty))
    # A correction may lighten the decision, never aggravate it: that is a new notice (Art. 45(2)).
    heavier = heavier_than_notice(case, changes)
    if heavier:
        raise ValidationError(heavier, code="heavier_than_notice")
    case = services.record_update(
        case,
        actor=actor,
        changes=changes,
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
