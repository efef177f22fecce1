"""Which steps a case may take next (the page and the services offer only these)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from emgov.cases import rules
from emgov.cases.models import CaseStage, PenaltyCase, PenaltyKind, Procedure

S = CaseStage


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    stage: str  # the stage after the step; "" keeps the stage


ACTIONS = {
    a.code: a
    for a in [
        Action("open", _("立案"), S.FILED),
        Action("investigate", _("开始调查取证"), S.INVESTIGATION),
        Action("evidence", _("登记证据"), ""),
        Action("notify", _("行政处罚告知"), S.NOTIFIED),
        Action("statement", _("记录陈述申辩"), S.STATEMENT),
        Action("hearing_request", _("当事人申请听证"), S.HEARING),
        Action("hearing_notice", _("发出听证通知"), ""),
        Action("hearing_hold", _("举行听证"), ""),
        Action("review", _("法制审核"), S.REVIEW),
        Action("discuss", _("集体讨论"), S.DISCUSSION),
        Action("decide", _("作出处罚决定"), S.DECIDED),
        Action("extend", _("延长办案期限"), ""),
        Action("serve", _("送达决定书"), S.SERVED),
        Action("pay", _("缴纳罚款"), S.EXECUTION),
        Action("defer", _("批准延期（分期）缴纳"), S.EXECUTION),
        Action("court", _("申请法院强制执行"), S.EXECUTION),
        Action("close", _("结案"), S.CLOSED),
        Action("archive", _("归档"), S.ARCHIVED),
        Action("correct", _("更正处罚决定"), ""),
        Action("summary", _("当场作出处罚决定（简易程序）"), S.DECIDED),
    ]
}

BEFORE_DECISION = {S.FILED, S.INVESTIGATION, S.NOTIFIED, S.STATEMENT, S.HEARING, S.REVIEW, S.DISCUSSION}
AFTER_NOTICE = {S.NOTIFIED, S.STATEMENT, S.HEARING, S.REVIEW, S.DISCUSSION}
AFTER_SERVICE = {S.SERVED, S.EXECUTION}


def hearing_applies(case: PenaltyCase) -> bool:
    return bool(rules.hearing_reason(case.party_type, list(case.penalty_kinds or []), case.fine_amount))


def review_applies(case: PenaltyCase) -> bool:
    """法制审核 (Art. 58): major public interest / complex / required by law, or a hearing case."""
    return case.review_required or case.major_case or case.hearing_held or hearing_applies(case)


def has_fine(case: PenaltyCase) -> bool:
    return PenaltyKind.FINE in (case.penalty_kinds or []) and bool(case.fine_amount)


def hearing_pending(case: PenaltyCase) -> bool:
    return bool(case.hearing_requested_on) and not case.hearing_held


def allowed_actions(case: PenaltyCase) -> list[Action]:
    """The steps the case may take now, in the order of the procedure."""
    if case.is_voided or not case.stage or case.procedure == Procedure.SUMMARY:
        return []
    stage = case.stage
    codes: list[str] = []
    if stage == S.FILED:
        codes += ["investigate", "evidence"]
    if stage == S.INVESTIGATION:
        codes += ["evidence"]
        if case.evidence.filter(voided_at__isnull=True).exists():
            codes.append("notify")
    if stage in AFTER_NOTICE:
        if stage == S.NOTIFIED:
            codes.append("statement")
        if stage in {S.NOTIFIED, S.STATEMENT} and hearing_applies(case) and not case.hearing_requested_on:
            codes.append("hearing_request")
        if case.hearing_requested_on and not case.hearing_notified_on:
            codes.append("hearing_notice")
        if case.hearing_notified_on and not case.hearing_held:
            codes.append("hearing_hold")
        if not hearing_pending(case):
            if review_applies(case) and not case.reviewed_on:
                codes.append("review")
            elif case.major_case and not case.discussed_on:
                codes.append("discuss")
            else:
                codes.append("decide")
    if stage in BEFORE_DECISION:
        codes.append("extend")
    if stage == S.DECIDED:
        codes.append("serve")
    if stage in AFTER_SERVICE:
        if has_fine(case) and not case.paid_on:
            codes += ["pay", "defer"]
            if not case.court_applied_on:
                codes.append("court")
        if not has_fine(case) or case.paid_on or case.court_applied_on:
            codes.append("close")
    if stage == S.CLOSED:
        codes.append("archive")
    if stage in {S.DECIDED, S.SERVED, S.EXECUTION}:
        codes.append("correct")
    return [ACTIONS[c] for c in codes]


def allowed_codes(case: PenaltyCase) -> set[str]:
    return {a.code for a in allowed_actions(case)}
