"""法制审核, 集体讨论, 决定 and the correction of a decision (which withdraws its publication)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.cases.models import DECISION_DOC_TYPE, REVIEW_POINTS, CaseStage, PenaltyCase
from emgov.cases.penalty import penalty_changes
from emgov.cases.stepping import d, number_for, require_date, run_step
from emgov.cases.workflow import hearing_applies, hearing_pending, review_applies
from emgov.core import hooks
from emgov.core.models import Officer, User
from emgov.core.services import VIA_WEB

POINT_KEYS = [key for key, _label in REVIEW_POINTS]


def reviewer_qualified(user: User | None) -> bool:
    """Art. 58: the reviewer holds the national legal professional qualification (on their officer record)."""
    if user is None:
        return False
    return Officer.objects.filter(user=user).exclude(legal_qualification_number="").exists()


def case_review(
    case: PenaltyCase,
    *,
    actor: User | None,
    on: datetime.date,
    points: dict[str, bool],
    opinion: str,
    via: str = VIA_WEB,
) -> PenaltyCase:
    """法制审核: the seven review points; the case may be decided once every point passes."""
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
        raise ValidationError({"opinion": _("必须填写法制审核意见。")})
    recorded = {key: bool(points.get(key)) for key in POINT_KEYS}
    failed = [str(label) for key, label in REVIEW_POINTS if not recorded[key]]
    if failed:
        note = _("审核未通过（%(points)s）：%(opinion)s") % {"points": "、".join(failed), "opinion": opinion}
        return run_step(
            case,
            actor=actor,
            action="review",
            on=on,
            changes={"review_points": recorded},
            note=note,
            via=via,
            stage="",
            label=_("法制审核未通过"),
        )
    return run_step(
        case,
        actor=actor,
        action="review",
        on=on,
        changes={"review_points": recorded, "reviewed_on": on, "reviewer": actor},
        note=_("审核通过：%(opinion)s") % {"opinion": opinion},
        via=via,
    )


def case_discuss(case: PenaltyCase, *, actor: User | None, on: datetime.date, note: str, via: str = VIA_WEB):
    """集体讨论 of a major case (Art. 57): participants and conclusion in `note`."""
    require_date(on, "on", _("讨论日期"))
    if not (note or "").strip():
        raise ValidationError({"note": _("必须记录集体讨论的参加人员和结论。")})
    return run_step(
        case, actor=actor, action="discuss", on=on, changes={"discussed_on": on}, note=note, via=via
    )


def decision_blocker(case: PenaltyCase, on: datetime.date) -> str | None:
    """Why the case may not be decided on `on` yet, in words (None: it may)."""
    if case.stage not in (
        CaseStage.NOTIFIED,
        CaseStage.STATEMENT,
        CaseStage.HEARING,
        CaseStage.REVIEW,
        CaseStage.DISCUSSION,
    ):
        return None  # the stage rule answers
    if on < (case.notified_on or on):
        return _("决定日期不能早于告知日期（%(d)s）。") % {"d": d(case.notified_on)}
    if hearing_pending(case):
        return _("当事人已申请听证，听证结束前不能作出决定（行政处罚法第六十二条）。")
    heard = case.stage != CaseStage.NOTIFIED and (case.hearing_waived or not hearing_applies(case))
    if not heard and not case.hearing_held and case.statement_due_on and on <= case.statement_due_on:
        return _("陈述申辩、申请听证的期限至%(due)s，期限届满前不能作出决定（行政处罚法第六十二条）。") % {
            "due": d(case.statement_due_on)
        }
    if review_applies(case) and not case.reviewed_on:
        return _("本案须经法制审核（行政处罚法第五十八条），法制审核通过前不能作出决定。")
    if case.major_case and not case.discussed_on:
        return _("重大案件须经集体讨论（行政处罚法第五十七条），集体讨论前不能作出决定。")
    if case.decision_due_on and on > case.decision_due_on:
        return _("已超过决定期限%(due)s（立案之日起九十日），请先办理延长办案期限的审批。") % {
            "due": d(case.decision_due_on)
        }
    return None


def case_decide(
    case: PenaltyCase, *, actor: User | None, on: datetime.date, via: str = VIA_WEB, **penalty: Any
) -> PenaltyCase:
    """决定: the decision (Art. 59), numbered; the penalty defaults to the one notified."""
    require_date(on, "on", _("决定日期"))

    def check(current: PenaltyCase) -> None:
        blocker = decision_blocker(current, on)
        if blocker:
            raise ValidationError(blocker, code="decision_blocked")

    def changes(current: PenaltyCase) -> dict[str, Any]:
        values = penalty_changes(current, **penalty)
        if current.fine_amount and values["fine_amount"] and values["fine_amount"] > current.fine_amount:
            raise ValidationError(
                {
                    "fine_amount": _(
                        "不得因当事人陈述申辩而加重处罚：决定的罚款不能高于告知的%(f)s元，如需加重请重新告知。"
                    )
                    % {"f": f"{current.fine_amount:,.2f}"}
                }
            )
        number = number_for(DECISION_DOC_TYPE, on.year, actor=actor, via=via)
        return {**values, "decided_on": on, "decision_number": number}

    return run_step(
        case,
        actor=actor,
        action="decide",
        on=on,
        changes=changes,
        check=check,
        document_number=lambda c: c.decision_number or "",
        via=via,
    )


@transaction.atomic
def case_correct(
    case: PenaltyCase,
    *,
    actor: User | None,
    on: datetime.date,
    reason: str,
    via: str = VIA_WEB,
    **penalty: Any,
) -> PenaltyCase:
    """更正处罚决定: change a decision with a reason; a published decision is withdrawn (撤销公示)."""
    require_date(on, "on", _("更正日期"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("更正处罚决定必须填写原因。")})
    case = run_step(
        case,
        actor=actor,
        action="correct",
        on=on,
        changes=lambda current: penalty_changes(current, **penalty),
        note=reason,
        via=via,
    )
    if case.published_on:
        hooks.withdraw_decision(actor=actor, case=case, reason=reason, on=max(on, case.published_on), via=via)
        case.refresh_from_db()
    return case
