"""The procedures of emergency preparedness, declared once for the pages, the API and the demo:

- `PLAN` (应急预案): 草案 → 已批准 → 已发布 (备案, 定期评估, 修订 into a new draft version) → 已被替代;
- `DRILL` (应急演练): evaluation, and each problem found as a follow-up with owner and deadline;
- `FOLLOW_UP` (整改事项): 整改中 → 已完成;
- `TEAM` (应急救援队伍): the yearly 更新核查; `MATERIAL` (应急物资): 入库、出库、盘点;
- `CHECK` (现场指挥部双盲拉动检查): the scores of the checklist and the problems found;
- `WARNING` (预警信息): 草稿 → 已发布 (调整) → 已解除; each message is also a CAP 1.2 message.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emgov.core.permissions import STAFF, WARNING_ISSUERS
from emgov.core.workflow import Guard, Procedure, Step
from emgov.preparedness import rules
from emgov.preparedness.forms import steps as forms
from emgov.preparedness.models import (
    CommandPostCheck,
    Drill,
    EarlyWarning,
    EmergencyPlan,
    EventCategory,
    FollowUp,
    Material,
    MovementKind,
    RescueTeam,
    WarningStatus,
)
from emgov.preparedness.services import drills, plans, stock, warnings


def plan_state(plan: EmergencyPlan) -> str:
    if plan.superseded_on:
        return "superseded"
    if plan.published_on:
        return "published"
    return "approved" if plan.approved_on else "draft"


PLAN = Procedure(
    name="emergency_plan",
    model=EmergencyPlan,
    state=plan_state,
    states={
        "draft": _("草案"),
        "approved": _("已批准"),
        "published": _("已发布"),
        "superseded": _("已被新版本替代"),
    },
    roles=STAFF,
    voided=_("该应急预案记录已作废，不能办理。"),
    steps=[
        Step(
            "approve",
            _("登记批准"),
            plans.approve,
            sources=("draft",),
            target="approved",
            form=forms.PlanApproveForm,
        ),
        Step(
            "publish",
            _("登记发布"),
            plans.publish,
            sources=("approved",),
            target="published",
            form=forms.PlanPublishForm,
            audit=_("应急预案发布（修订版本发布时原版本同时被替代）"),
        ),
        Step(
            "file",
            _("登记备案"),
            plans.file,
            sources=("published",),
            form=forms.PlanFileForm,
            applies=lambda p: p.filed_on is None,
            audit=_("应急预案报上级备案"),
        ),
        Step(
            "evaluate",
            _("登记定期评估"),
            plans.evaluate,
            sources=("published",),
            form=forms.PlanEvaluateForm,
            audit=_("应急预案定期评估"),
        ),
        Step(
            "revise",
            _("启动修订"),
            plans.revise,
            sources=("published",),
            form=forms.PlanReviseForm,
            audit=_("启动应急预案修订，生成新版本草案"),
        ),
    ],
)

DRILL = Procedure(
    name="drill",
    model=Drill,
    state=lambda d: "evaluated" if d.evaluation else "held",
    states={"held": _("已举行，待评估"), "evaluated": _("已评估")},
    roles=STAFF,
    voided=_("该应急演练记录已作废，不能办理。"),
    steps=[
        Step("evaluate", _("登记演练评估"), drills.evaluate_drill, form=forms.DrillEvaluateForm),
        Step("problem", _("登记发现的问题"), drills.drill_problem, form=forms.FollowUpForm),
    ],
)

FOLLOW_UP = Procedure(
    name="follow_up",
    model=FollowUp,
    state=lambda f: "closed" if f.closed_on else "open",
    states={"open": _("整改中"), "closed": _("已完成整改")},
    roles=STAFF,
    voided=_("该整改事项已作废，不能办理。"),
    steps=[
        Step(
            "close",
            _("登记整改完成"),
            drills.close_follow_up,
            sources=("open",),
            target="closed",
            form=forms.FollowUpCloseForm,
        ),
    ],
)

TEAM = Procedure(
    name="rescue_team",
    model=RescueTeam,
    state=lambda t: "active",
    states={"active": _("在册")},
    roles=STAFF,
    steps=[
        Step(
            "check",
            _("登记更新核查"),
            stock.check_team,
            form=forms.TeamCheckForm,
            audit=_("应急救援队伍年度更新核查"),
        )
    ],
)

MATERIAL = Procedure(
    name="material",
    model=Material,
    state=lambda m: "stocked",
    states={"stocked": _("在库")},
    roles=STAFF,
    steps=[
        Step("stock_in", _("入库"), stock.stock_step(MovementKind.IN), form=forms.StockForm),
        Step("stock_out", _("出库"), stock.stock_step(MovementKind.OUT), form=forms.StockForm),
        Step("stock_count", _("盘点"), stock.stock_step(MovementKind.COUNT), form=forms.StockCountForm),
    ],
)

CHECK = Procedure(
    name="command_post_check",
    model=CommandPostCheck,
    state=lambda c: "done",
    states={"done": _("已检查")},
    roles=STAFF,
    voided=_("该检查记录已作废，不能办理。"),
    steps=[
        Step("score", _("登记各项得分"), drills.score_check, form=forms.ScoreForm, audit=_("登记检查项得分")),
        Step("problem", _("登记发现的问题"), drills.check_problem, form=forms.FollowUpForm),
    ],
)


def warning_state(warning: EarlyWarning) -> str:
    if warning.status == WarningStatus.IN_FORCE:
        return "expired" if warning.expires <= timezone.now() else "in_force"
    return "lifted" if warning.status == WarningStatus.LIFTED else "draft"


WARNABLE = Guard(
    lambda w: w.event_type.category != EventCategory.SECURITY,
    _("社会安全事件不发布预警：预警适用于自然灾害、事故灾难和公共卫生事件"),
    rules.WARNING_ARTICLE,
    code="warning_category",
)
NOT_EXPIRED = Guard(
    lambda w: w.expires > timezone.now(),
    _("失效时间已过，不能发布该预警；请先修改失效时间"),
    rules.WARNING_ARTICLE,
    code="warning_expired",
)

WARNING = Procedure(
    name="early_warning",
    model=EarlyWarning,
    state=warning_state,
    states={"draft": _("草稿"), "in_force": _("生效中"), "expired": _("已过失效时间"), "lifted": _("已解除")},
    roles=WARNING_ISSUERS,
    voided=_("该预警记录已作废，不能办理。"),
    steps=[
        Step(
            "issue",
            _("发布预警"),
            warnings.issue,
            sources=("draft",),
            target="in_force",
            guards=(WARNABLE, NOT_EXPIRED),
            confirm=_("确认发布该预警？发布后即在公众页面和CAP订阅中公开。"),
            audit=_("发布预警（CAP Alert）"),
        ),
        Step(
            "update",
            _("调整预警"),
            warnings.update,
            sources=("in_force",),
            form=forms.WarningUpdateForm,
            form_kwargs=lambda w: {"record": w},
            audit=_("调整预警（CAP Update）"),
        ),
        Step(
            "lift",
            _("解除预警"),
            warnings.lift,
            sources=("in_force", "expired"),
            target="lifted",
            form=forms.WarningLiftForm,
            audit=_("解除预警（CAP Cancel）"),
        ),
    ],
)
