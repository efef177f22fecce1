"""The outreach procedures: reviewing a question before use, the competition's draw, delivering prizes."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emgov.core.permissions import LEGAL_STAFF, STAFF
from emgov.core.workflow import Guard, Procedure, Step
from emgov.outreach import services
from emgov.outreach.forms.competitions import DeliverForm, DrawForm, FailForm
from emgov.outreach.models import Competition, Prize, PrizeStatus, Question, QuestionStatus

QUESTION = Procedure(
    name="outreach_question",
    model=Question,
    state=lambda q: q.status,
    states={s.value: s.label for s in QuestionStatus},
    roles=LEGAL_STAFF,
    steps=[
        Step(
            "approve",
            _("审核通过"),
            services.question_approve,
            sources=(QuestionStatus.PENDING,),
            target=QuestionStatus.APPROVED,
            confirm=_("确认题目、答案、解析和法律依据无误，审核通过后可用于竞赛。"),
            guards=(
                Guard(
                    lambda q: bool(q.legal_reference.strip() and q.explanation.strip()),
                    _("题目须写明解析和法律依据，才能审核通过"),
                    code="question_basis",
                ),
            ),
        ),
        Step(
            "retire",
            _("停用"),
            services.question_retire,
            sources=(QuestionStatus.PENDING, QuestionStatus.APPROVED),
            target=QuestionStatus.RETIRED,
            confirm=_("停用后不再抽取该题。"),
        ),
    ],
)


def competition_state(c: Competition) -> str:
    if hasattr(c, "draw"):
        return "drawn"
    now = timezone.now()
    return "scheduled" if now < c.opens_at else "open" if now < c.closes_at else "closed"


COMPETITION = Procedure(
    name="outreach_competition",
    model=Competition,
    state=competition_state,
    states={
        "scheduled": _("未开始"),
        "open": _("进行中"),
        "closed": _("已结束，待抽奖"),
        "drawn": _("已抽奖"),
    },
    roles=STAFF,
    voided=_("该竞赛已作废。"),
    steps=[
        Step(
            "draw",
            _("抽奖"),
            services.draw_take,
            sources=("closed",),
            target="drawn",
            form=DrawForm,
        )
    ],
)

PRIZE = Procedure(
    name="outreach_prize",
    model=Prize,
    state=lambda p: p.status,
    states={s.value: s.label for s in PrizeStatus},
    roles=STAFF,
    voided=_("该奖品记录已作废。"),
    steps=[
        Step(
            "deliver",
            _("登记已发放"),
            services.prize_deliver,
            sources=(PrizeStatus.PENDING, PrizeStatus.FAILED),
            target=PrizeStatus.DELIVERED,
            form=DeliverForm,
        ),
        Step(
            "fail",
            _("登记发放失败"),
            services.prize_fail,
            sources=(PrizeStatus.PENDING,),
            target=PrizeStatus.FAILED,
            form=FailForm,
        ),
    ],
)
