"""The procedure of a penalty case (行政处罚法): 立案 → 调查取证 → 告知（送达）→ 陈述申辩 / 听证 →
法制审核 → 集体讨论 → 决定 → 送达 → 执行（催告、复议诉讼、强制执行）→ 结案 → 归档, declared once for
the case page, the API, the demo and the tests. The summary procedure (简易程序, Art. 51) decides on the spot when the case is created
(`services.case_summary_decide`); such a case has no later steps here, nor has a decision recorded
in the ledger without its procedure.

A case's state is its stage. Each step names the stages it is taken from, the stage it leads to and
the form it takes; the rules of law on the case are its guards, each with its article; the checks on
the form's values (a date before another, a fine above the one notified, a decision within the party's
period, an extension after the limit ran out) stay in the step's function. Every number they use is in
the rule table (`cases.rules`, read on the case's filing date). Every step leaves a row in the case's
history (`CaseStep`), which the documents and the history read.

Who takes which step: the case staff file, investigate and notify; the legal office reviews, and not a
case it handled (Art. 58); the bureau's head (局领导) decides and extends the time limit himself
(Arts. 57, 60), see `HEADS`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from emgov.cases import rules
from emgov.cases.forms import steps as forms
from emgov.cases.models import CaseStage, PenaltyCase, Procedure
from emgov.cases.services import decisions, execution, hearing, investigation
from emgov.cases.services.history import Entry, record_step
from emgov.core import clock
from emgov.core.models import Role, User
from emgov.core.permissions import CASE_STAFF, LEGAL_STAFF
from emgov.core.workflow import Guard, Step
from emgov.core.workflow import Procedure as Workflow

S = CaseStage
LEDGER = "台账记录"
SUMMARY = "简易程序"

BEFORE_DECISION = (S.FILED, S.INVESTIGATION, S.NOTIFIED, S.STATEMENT, S.HEARING, S.REVIEW, S.DISCUSSION)
AFTER_NOTICE = (S.NOTIFIED, S.STATEMENT, S.HEARING, S.REVIEW, S.DISCUSSION)
AFTER_SERVICE = (S.SERVED, S.EXECUTION)


def state(case: PenaltyCase) -> str:
    if not case.stage:
        return LEDGER
    if case.procedure == Procedure.SUMMARY:
        return SUMMARY
    return case.stage


STATES = {
    **{stage.value: stage.label for stage in CaseStage},
    SUMMARY: _("已当场作出决定（简易程序）"),
    LEDGER: _("台账记录（未在系统中办理）"),
}


@dataclass(frozen=True)
class CaseStepSpec(Step):
    """A step of a penalty case: besides what the engine reads, the rows it leaves in the case's history.
    `history(case, data, actor=, via=)` gives them; by default one row on the form's `on` with its `note`."""

    history: Callable[..., list[Entry]] | None = None


def _moving(run: Callable[..., Any], stage: str) -> Callable[..., Any]:
    """The step's function, with the case moved to `stage` (unless the function says otherwise)."""

    @functools.wraps(run)
    def moved(case: PenaltyCase, **data: Any) -> Any:
        result = run(case, **data)
        return {"stage": stage, **result} if isinstance(result, dict) else result

    return moved


def _plain(stage: str) -> str:
    """A stage as the plain string the case stores (a key of `STATES`), not the enum member."""
    return str(getattr(stage, "value", stage))


def step(
    name: str,
    label: Any,
    run: Callable[..., Any],
    *,
    sources: tuple[str, ...],
    target: str | None = None,
    **kw: Any,
) -> CaseStepSpec:
    """A step of the case, moving it to the stage `target` when taken."""
    target = _plain(target) if target else None
    sources = tuple(_plain(s) for s in sources)
    return CaseStepSpec(
        name, label, _moving(run, target) if target else run, sources=sources, target=target, **kw
    )


def write_history(case: PenaltyCase, spec: Step, actor: User | None, via: str, data: dict[str, Any]) -> None:
    """The procedure's `after_step`: the history rows of the step just taken, in its transaction."""
    history = getattr(spec, "history", None)
    entries = (
        history(case, data, actor=actor, via=via)
        if history
        else [Entry(on=data.get("on") or clock.today(), note=(data.get("note") or "").strip())]
    )
    for entry in entries:
        record_step(
            case,
            actor=actor,
            action=spec.name,
            label=str(entry.label or spec.label),
            on=entry.on,
            note=entry.note,
            document_number=entry.document_number,
            via=via,
        )


# The rules of law on the case -----------------------------------------------------------------------

EVIDENCE_COLLECTED = Guard(
    investigation.has_evidence,
    _("告知前须已调查取证：证据清单中还没有证据（行政处罚法第五十四条）。"),
    "行政处罚法第五十四条",
    "no_evidence",
)
NOTICE_SERVED = Guard(
    lambda c: bool(c.notice_served_on),
    _(
        "告知书尚未送达当事人：陈述申辩、申请听证的期限自当事人收到告知书之日起计算，送达前不能办理"
        "（行政处罚法第四十四条、第六十二条、第六十四条）。请先登记告知书送达。"
    ),
    "行政处罚法第四十四条、第六十二条、第六十四条",
    "notice_not_served",
)
HEARING_APPLIES = Guard(
    rules.hearing_applies,
    _(
        "拟给予的处罚不属于听证范围：较大数额罚款、没收较大数额违法所得、降低资质等级、吊销许可证件、"
        "责令停产停业、责令关闭、限制从业等（行政处罚法第六十三条）。"
    ),
    "行政处罚法第六十三条",
    "hearing_not_applicable",
)
HEARING_OVER = Guard(
    lambda c: not rules.hearing_pending(c),
    _("当事人已申请听证，听证结束后才能根据听证笔录办理（行政处罚法第六十五条）。"),
    "行政处罚法第六十五条",
    "hearing_pending",
)
REVIEWED = Guard(
    lambda c: bool(c.reviewed_on) or not rules.review_applies(c),
    _("本案须经法制审核（行政处罚法第五十八条），法制审核通过前不能作出决定。"),
    "行政处罚法第五十八条",
    "review_required",
)
REVIEWED_BEFORE_DISCUSSION = Guard(
    REVIEWED.test,
    _("本案须先经法制审核（行政处罚法第五十八条），再提交集体讨论。"),
    "行政处罚法第五十八条",
    "review_required",
)
DISCUSSED = Guard(
    lambda c: bool(c.discussed_on) or not rules.discussion_applies(c),
    _(
        "情节复杂、重大违法行为或拟给予责令停产停业、吊销许可证件等较重处罚的，须经负责人集体讨论"
        "（行政处罚法第五十七条第二款），集体讨论前不能作出决定。"
    ),
    "行政处罚法第五十七条第二款",
    "discussion_required",
)
NO_PENDING_CHALLENGE = Guard(
    lambda c: not execution.challenge_pending(c),
    _(
        "当事人对决定申请的行政复议或提起的行政诉讼尚未审结，不能申请人民法院强制执行（行政强制法第五十三条）。"
    ),
    "行政强制法第五十三条",
    "challenge_pending",
)
EXECUTED = Guard(
    lambda c: not rules.has_fine(c) or bool(c.paid_on) or bool(c.court_applied_on),
    _("罚款尚未缴纳，也未申请人民法院强制执行（行政处罚法第七十二条），不能结案。"),
    "行政处罚法第七十二条",
    "not_executed",
)

# 负责人 (Art. 57): the bureau's head approves the decision and the extension of its time limit himself,
# on his own account: in the bureau the head signs the 审批表, and in the system his login is that
# signature (a clerk choosing a name from a list would not be his approval).
HEADS = frozenset({Role.LEADER, Role.ADMIN})
HANDLED = tuple(stage for stage in CaseStage if stage != S.ARCHIVED)
DECIDED = (S.DECIDED, S.SERVED, S.EXECUTION, S.CLOSED)


def _owes_fine(case: PenaltyCase) -> bool:
    return rules.has_fine(case) and not case.paid_on


PENALTY_CASE = Workflow(
    name="penalty_case",
    model=PenaltyCase,
    state=state,
    states=STATES,
    roles=CASE_STAFF,
    voided=_("该案件已作废，不能办理。"),
    after_step=write_history,
    steps=[
        step(
            "investigate",
            _("开始调查取证"),
            investigation.case_investigate,
            sources=(S.FILED,),
            target=S.INVESTIGATION,
            form=forms.OnForm,
        ),
        step(
            "evidence",
            _("登记证据"),
            investigation.evidence_add,
            sources=(S.FILED, S.INVESTIGATION),
            form=forms.EvidenceForm,
            history=investigation.evidence_history,
        ),
        step(
            "evidence_attach",
            _("上传证据文件"),
            investigation.evidence_attach,
            sources=HANDLED,
            applies=investigation.has_evidence,
            form=forms.EvidenceAttachForm,
            form_kwargs=lambda c: {"case": c},
            history=investigation.evidence_attach_history,
        ),
        step(
            "notify",
            _("行政处罚告知"),
            investigation.case_notify,
            sources=(S.INVESTIGATION,),
            target=S.NOTIFIED,
            form=forms.NotifyForm,
            guards=(EVIDENCE_COLLECTED,),
            history=investigation.notify_history,
        ),
        step(
            "notice_serve",
            _("告知书送达"),
            investigation.notice_serve,
            sources=(S.NOTIFIED,),
            applies=lambda c: not c.notice_served_on,
            form=forms.OnForm,
            history=investigation.notice_serve_history,
        ),
        step(
            "renotify",
            _("重新告知（变更拟处罚）"),
            investigation.case_renotify,
            sources=AFTER_NOTICE,
            target=S.NOTIFIED,
            form=forms.NotifyForm,
            history=investigation.renotify_history,
        ),
        step(
            "statement",
            _("记录陈述申辩"),
            hearing.case_statement,
            sources=(S.NOTIFIED,),
            target=S.STATEMENT,
            form=forms.StatementForm,
            guards=(NOTICE_SERVED,),
        ),
        step(
            "hearing_request",
            _("当事人申请听证"),
            hearing.hearing_request,
            sources=(S.NOTIFIED, S.STATEMENT),
            target=S.HEARING,
            form=forms.OnForm,
            guards=(HEARING_APPLIES, NOTICE_SERVED),
        ),
        step(
            "hearing_notice",
            _("发出听证通知"),
            hearing.hearing_notice,
            sources=(S.HEARING,),
            applies=lambda c: not c.hearing_notified_on,
            form=forms.HearingNoticeForm,
            history=hearing.hearing_notice_history,
        ),
        step(
            "hearing_hold",
            _("举行听证"),
            hearing.hearing_hold,
            sources=(S.HEARING,),
            applies=lambda c: bool(c.hearing_notified_on) and not c.hearing_held,
            form=forms.NoteForm,
        ),
        step(
            "review",
            _("法制审核"),
            decisions.case_review,
            sources=AFTER_NOTICE,
            target=S.REVIEW,
            roles=LEGAL_STAFF,
            applies=lambda c: rules.review_applies(c) and not c.reviewed_on,
            form=forms.ReviewForm,
            guards=(NOTICE_SERVED, HEARING_OVER),
            history=decisions.review_history,
        ),
        step(
            "discuss",
            _("集体讨论"),
            decisions.case_discuss,
            sources=AFTER_NOTICE,
            target=S.DISCUSSION,
            applies=lambda c: rules.discussion_applies(c) and not c.discussed_on,
            form=forms.DiscussForm,
            guards=(NOTICE_SERVED, HEARING_OVER, REVIEWED_BEFORE_DISCUSSION),
        ),
        step(
            "decide",
            _("作出处罚决定"),
            decisions.case_decide,
            sources=AFTER_NOTICE,
            target=S.DECIDED,
            roles=HEADS,
            form=forms.DecideForm,
            guards=(NOTICE_SERVED, HEARING_OVER, REVIEWED, DISCUSSED),
            history=decisions.decide_history,
        ),
        step(
            "extend",
            _("延长办案期限"),
            decisions.case_extend,
            sources=BEFORE_DECISION,
            roles=HEADS,
            form=forms.ExtendForm,
            history=decisions.extend_history,
        ),
        step(
            "serve",
            _("送达决定书"),
            execution.case_serve,
            sources=(S.DECIDED,),
            target=S.SERVED,
            form=forms.NoteForm,
        ),
        step(
            "pay",
            _("缴纳罚款"),
            execution.case_pay,
            sources=AFTER_SERVICE,
            target=S.EXECUTION,
            applies=_owes_fine,
            form=forms.OnForm,
            history=execution.pay_history,
        ),
        step(
            "defer",
            _("批准延期（分期）缴纳"),
            execution.case_defer,
            sources=AFTER_SERVICE,
            target=S.EXECUTION,
            applies=_owes_fine,
            form=forms.DeferForm,
            history=execution.defer_history,
        ),
        step(
            "challenge",
            _("登记行政复议、行政诉讼"),
            execution.challenge_add,
            sources=DECIDED,
            form=forms.ChallengeForm,
            history=execution.challenge_history,
        ),
        step(
            "challenge_end",
            _("登记复议、诉讼审结"),
            execution.challenge_end,
            sources=DECIDED,
            applies=execution.challenge_pending,
            form=forms.ChallengeEndForm,
            form_kwargs=lambda c: {"case": c},
            history=execution.challenge_end_history,
        ),
        step(
            "demand",
            _("催告"),
            execution.case_demand,
            sources=AFTER_SERVICE,
            target=S.EXECUTION,
            applies=lambda c: _owes_fine(c) and not c.demanded_on and not c.court_applied_on,
            form=forms.OnForm,
        ),
        step(
            "court",
            _("申请法院强制执行"),
            execution.case_court,
            sources=AFTER_SERVICE,
            target=S.EXECUTION,
            applies=lambda c: _owes_fine(c) and not c.court_applied_on,
            form=forms.CourtForm,
            guards=(NO_PENDING_CHALLENGE,),
            history=execution.court_history,
        ),
        step(
            "close",
            _("结案"),
            execution.case_close,
            sources=AFTER_SERVICE,
            target=S.CLOSED,
            form=forms.NoteForm,
            guards=(EXECUTED,),
            history=execution.close_history,
        ),
        step(
            "archive",
            _("归档"),
            execution.case_archive,
            sources=(S.CLOSED,),
            target=S.ARCHIVED,
            form=forms.OnForm,
        ),
        step(
            "correct",
            _("更正处罚决定"),
            decisions.case_correct,
            sources=(S.DECIDED, S.SERVED, S.EXECUTION),
            form=forms.CorrectForm,
            history=decisions.correct_history,
        ),
    ],
)
