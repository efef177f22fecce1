"""The procedures of enforcement records, declared once (`core.workflow`): pages, the API, the demo and the
tests take every step through them.

- HAZARD, the hazard loop (隐患闭环): 登记 → 下达整改 → 整改中 → 申请复查 → 复查合格（销号）or 复查不合格
  → 重新限期整改; a major hazard 挂牌督办 (proposed as soon as it is registered); an overdue one, or a
  major one that cannot be kept safe until removed, 责令停产停业整顿. The cases app adds 立案查处
  (`cases.hazard_steps`): this app does not know penalty cases.
- ORDER, the time limits of orders: a seizure extended once with the head's approval (行政强制法第二十五
  条) and ended by its disposal decision (解除、没收、销毁, 第二十七条、第二十八条); a suspension lifted
  after review (安全生产法第六十五条第一款第三项).
- DRAW, a 双随机 draw published.

Inspection plans have no steps: a plan is drawn up and changed through its ledger, and its targets and
draws are records of their own (`services.plans`, `services.draws`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from emgov.core.permissions import FIELD_STAFF, PLANNERS
from emgov.core.workflow import Guard, Procedure, Step
from emgov.enforcement import queries
from emgov.enforcement.forms.hazards import (
    DeadlineForm,
    RequestReviewForm,
    ReviewForm,
    SuperviseForm,
    SuspendForm,
)
from emgov.enforcement.forms.orders import DisposeForm, ExtendForm, ResumeForm
from emgov.enforcement.forms.plans import PublishForm
from emgov.enforcement.models import (
    Draw,
    Hazard,
    HazardGrade,
    HazardStatus,
    Order,
    OrderType,
    SeizureDisposal,
)
from emgov.enforcement.services import draws, hazards, orders

S = HazardStatus
OWED = tuple(s.value for s in queries.OWED_STATES)
NOT_CLOSED = tuple(s.value for s in S if s != S.CLOSED)
# 逾期未改: the enterprise that does not put a hazard right by its deadline is suspended and fined.
OVERDUE_ARTICLE = "安全生产法第一百零二条"
# A major hazard that cannot be kept safe until removed: workers out, temporary suspension.
UNSAFE_ARTICLE = "安全生产法第六十五条第一款第三项"
# The regulator's supervision of major hazards (重大事故隐患治理督办制度).
SUPERVISION_ARTICLE = "安全生产法第四十一条第三款"
# The steps of the loop itself (the API's `next_steps`).
LOOP = ("order", "start", "request-review", "review", "reorder")


# Hazards -------------------------------------------------------------------------------------------


HAZARD = Procedure(
    name="hazard",
    model=Hazard,
    state=lambda h: h.status,
    states=dict(S.choices),
    roles=FIELD_STAFF,
    voided=_("该隐患已作废，不能办理。"),
    steps=[
        Step(
            "order",
            _("下达整改"),
            hazards.order,
            sources=(S.REGISTERED.value,),
            target=S.ORDERED.value,
            form=DeadlineForm,
        ),
        Step(
            "start",
            _("开始整改"),
            hazards.start,
            sources=(S.ORDERED.value,),
            target=S.RECTIFYING.value,
            confirm=_("企业已收到整改指令，开始整改。"),
        ),
        Step(
            "request-review",
            _("申请复查"),
            hazards.request_review,
            sources=(S.RECTIFYING.value,),
            target=S.REVIEW_REQUESTED.value,
            form=RequestReviewForm,
        ),
        # 复查 decides: 复查合格 (销号) or 复查不合格.
        Step("review", _("复查"), hazards.review, sources=(S.REVIEW_REQUESTED.value,), form=ReviewForm),
        Step(
            "reorder",
            _("重新限期整改"),
            hazards.reorder,
            sources=(S.FAILED.value,),
            target=S.RECTIFYING.value,
            form=DeadlineForm,
        ),
        Step(
            "supervise",
            _("挂牌督办"),
            hazards.supervise,
            sources=NOT_CLOSED,
            applies=lambda h: h.grade == HazardGrade.MAJOR and h.supervised_on is None,
            form=SuperviseForm,
        ),
        Step(
            "suspend",
            _("责令停产停业整顿"),
            hazards.suspend,
            sources=OWED,
            form=SuspendForm,
            guards=(
                Guard(
                    queries.may_be_suspended,
                    _(
                        "隐患尚未逾期，也未认定为排除前或者排除过程中无法保证安全的重大事故隐患：整改期限届满仍未"
                        "整改的，或者重大事故隐患排除前或者排除过程中无法保证安全的，方可责令停产停业。"
                    ),
                    f"{OVERDUE_ARTICLE}、{UNSAFE_ARTICLE}",
                    "not_overdue",
                ),
                Guard(
                    lambda h: queries.suspension_of(h) is None,
                    _("该隐患已责令停产停业整顿，不能重复下达。"),
                    code="already_suspended",
                ),
            ),
        ),
    ],
)


def next_steps(hazard: Hazard) -> list[str]:
    """The steps of the loop the hazard's state leads to (without the escalations and their rules)."""
    return [s.name for s in HAZARD.steps if s.name in LOOP and HAZARD.offered(hazard, s)]


def proposed_steps(hazard: Hazard) -> list[tuple[str, str]]:
    """What the law asks of a major hazard now, as (step, article): 挂牌督办 until it is supervised, and
    the withdrawal of workers and temporary suspension where it cannot be kept safe until removed."""
    proposed = []
    if HAZARD.offered(hazard, HAZARD.step("supervise")):
        proposed.append(("supervise", SUPERVISION_ARTICLE))
    suspend = HAZARD.step("suspend")
    if (
        queries.unsafe_until_removed(hazard)
        and HAZARD.offered(hazard, suspend)
        and HAZARD.refusal(hazard, suspend) is None
    ):
        proposed.append(("suspend", UNSAFE_ARTICLE))
    return proposed


# Orders --------------------------------------------------------------------------------------------


DISPOSED = {
    SeizureDisposal.RELEASE: "released",
    SeizureDisposal.CONFISCATE: "confiscated",
    SeizureDisposal.DESTROY: "destroyed",
}


def order_state(order: Order) -> str:
    if order.doc_type == OrderType.SUSPEND:
        return "resumed" if order.resumed_on else "suspended"
    if order.doc_type == OrderType.SEIZE:
        return DISPOSED.get(order.disposal, "seized")
    return "issued"


ORDER = Procedure(
    name="order",
    model=Order,
    state=order_state,
    states={
        "issued": _("已签发"),
        "seized": _("查封扣押"),
        "released": _("已解除查封扣押"),
        "confiscated": _("已没收"),
        "destroyed": _("已销毁"),
        "suspended": _("停产停业整顿中"),
        "resumed": _("已恢复生产经营"),
    },
    roles=FIELD_STAFF,
    voided=_("该执法文书已作废。"),
    steps=[
        Step(
            "extend",
            _("延长查封扣押期限"),
            orders.extend,
            sources=("seized",),
            form=ExtendForm,
            guards=(
                Guard(
                    lambda o: not o.extension_days,
                    _("查封扣押期限只能延长一次，该决定已经延长过。"),
                    "行政强制法第二十五条",
                    "already_extended",
                ),
            ),
            confirm=_(
                "查封扣押期限不得超过30日；情况复杂的，经行政机关负责人批准可以延长，延长期限不得超过30日；"
                "延长的决定应当及时书面告知当事人，并说明理由（行政强制法第二十五条）。办理后请下载"
                "延长查封扣押期限决定书送达当事人。"
            ),
        ),
        # 处理决定: 解除、没收 or 销毁 (the state it leads to depends on the decision).
        Step(
            "dispose",
            _("查封扣押处理决定"),
            orders.dispose,
            sources=("seized",),
            form=DisposeForm,
            confirm=_(
                "查封扣押后应当及时查清事实，在查封扣押期限内作出处理决定：依法应当没收的非法财物予以没收；"
                "法律、行政法规规定应当销毁的，依法销毁；应当解除的，作出解除决定并立即退还财物"
                "（行政强制法第二十七条、第二十八条）。"
            ),
        ),
        Step(
            "resume",
            _("恢复生产经营"),
            orders.resume,
            sources=("suspended",),
            target="resumed",
            form=ResumeForm,
            guards=(
                Guard(
                    lambda o: not queries.unreviewed_hazards(o),
                    _(
                        "所列隐患尚未复查合格，不能恢复生产经营：重大事故隐患排除后，经审查同意，方可恢复生产经营。"
                    ),
                    "安全生产法第六十五条第一款第三项",
                    "not_reviewed",
                ),
            ),
        ),
    ],
)


# Draws ---------------------------------------------------------------------------------------------


DRAW = Procedure(
    name="draw",
    model=Draw,
    state=lambda d: "published" if d.published_on else "drawn",
    states={"drawn": _("已抽取，未公布"), "published": _("已公布")},
    roles=PLANNERS,
    voided=_("该抽查已作废。"),
    steps=[
        Step(
            "publish",
            _("公布抽查结果"),
            draws.publish,
            sources=("drawn",),
            target="published",
            form=PublishForm,
        ),
    ],
)
