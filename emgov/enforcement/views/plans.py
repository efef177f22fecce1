"""Pages of inspection plans (with their targets, progress and draws) and of recusals (回避)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from emgov.core.forms import VoidForm
from emgov.core.models import User
from emgov.core.pages import LedgerPages
from emgov.core.permissions import PLANNERS
from emgov.enforcement.forms.plans import DrawForm, PlanForm, RecusalForm, TargetForm
from emgov.enforcement.models import InspectionPlan, PlanTarget, Recusal, Visit
from emgov.enforcement.services import draws, plans


class PlanPages(LedgerPages):
    name = "plans"
    namespace = "enforcement"
    model = InspectionPlan
    title = gettext_lazy("检查计划")
    form_class = PlanForm
    list_display = ("number", "name", "period", "year", "month", "department", "region")
    search_fields = ("number", "name")
    filter_fields = ("period", "year", "department")
    select_related = ("department", "region")
    default_ordering = ("-year", "-month", "number")
    edit_roles = PLANNERS
    detail_template = "enforcement/plan_detail.html"

    def create(self, *, actor: User, data: dict[str, Any]) -> models.Model:
        return plans.plan_create(actor=actor, **data)

    def update(
        self, obj: models.Model, *, actor: User, changes: dict[str, Any], expected_version: int
    ) -> models.Model:
        return plans.plan_update(obj, actor=actor, changes=changes, expected_version=expected_version)

    def detail_extra(self, request: HttpRequest, obj: InspectionPlan) -> dict[str, Any]:
        progress = plans.plan_progress(obj, Visit.objects.visible_to(request.user))
        plan_draws = list(obj.draws.visible_to(request.user).filter(voided_at__isnull=True))
        return {
            "progress": progress,
            "draws": plan_draws,
            "target_form": TargetForm(user=request.user, prefix="target"),
            "draw_form": DrawForm(user=request.user, prefix="draw"),
        }


class RecusalPages(LedgerPages):
    name = "recusals"
    namespace = "enforcement"
    model = Recusal
    title = gettext_lazy("回避记录")
    form_class = RecusalForm
    list_display = ("officer", "enterprise", ("enterprise__town", gettext_lazy("镇街")), "reason")
    search_fields = ("officer__name", "officer__certificate_number", "enterprise__name", "reason")
    select_related = ("officer", "enterprise__town")
    default_ordering = ("officer__certificate_number", "enterprise__name")
    edit_roles = PLANNERS


PLAN_PAGES = PlanPages()
RECUSAL_PAGES = RecusalPages()


def _plan(request: HttpRequest, pk: int) -> InspectionPlan:
    if not PLAN_PAGES.can_edit(request.user):
        raise Http404
    return get_object_or_404(InspectionPlan.objects.visible_to(request.user), pk=pk)


def _error_text(exc: ValidationError) -> str:
    return "；".join(exc.messages)


@require_POST
def plan_target_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = TargetForm(request.POST, user=request.user, prefix="target")
    if form.is_valid():
        try:
            plans.plan_target_add(plan, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, _("计划指标未保存：%(e)s") % {"e": _error_text(exc)})
        else:
            messages.success(request, _("已添加计划指标。"))
    else:
        errors = "；".join(f"{form.fields[n].label}：{' '.join(e)}" for n, e in form.errors.items())
        messages.error(request, _("计划指标未保存：%(e)s") % {"e": errors})
    return redirect(PLAN_PAGES.url("detail", pk=plan.pk))


@require_POST
def plan_target_void(request: HttpRequest, pk: int, target_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    target = get_object_or_404(PlanTarget.objects.filter(plan=plan, voided_at__isnull=True), pk=target_pk)
    form = VoidForm(request.POST)
    if form.is_valid():
        try:
            plans.plan_target_void(target, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("已作废计划指标。"))
    else:
        messages.error(request, _("作废必须填写原因。"))
    return redirect(PLAN_PAGES.url("detail", pk=plan.pk))


@require_POST
def plan_draw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = DrawForm(request.POST, user=request.user, prefix="draw")
    if form.is_valid():
        data = form.cleaned_data
        try:
            draw = draws.draw_run(
                actor=request.user,
                plan=plan,
                size=data["size"],
                drawn_on=data.get("drawn_on"),
                town=data.get("town"),
                industry=data.get("industry", ""),
                risk_level=data.get("risk_level", ""),
            )
        except ValidationError as exc:
            messages.error(request, _("抽查未完成：%(e)s") % {"e": _error_text(exc)})
        else:
            messages.success(request, _("已完成抽查 %(n)s。") % {"n": draw.number})
            return redirect("enforcement:draws-detail", pk=draw.pk)
    else:
        errors = "；".join(f"{form.fields[n].label}：{' '.join(e)}" for n, e in form.errors.items())
        messages.error(request, _("抽查未完成：%(e)s") % {"e": errors})
    return redirect(PLAN_PAGES.url("detail", pk=plan.pk))
