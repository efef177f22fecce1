"""The 2023 inspection plan, its targets, one recusal and one 双随机 draw, made through the services and
published through its procedure (`enforcement.procedures.DRAW`)."""

from __future__ import annotations

import datetime

from emgov.core import services
from emgov.core.models import Department, Officer, Region, RegionLevel
from emgov.enforcement.models import PlanPeriod, Recusal
from emgov.enforcement.procedures import DRAW
from emgov.enforcement.services import draws, plans
from emgov.enterprises.models import Enterprise, RiskLevel

VIA = "命令 demo"
YEAR = 2023
DRAW_DAY = datetime.date(YEAR, 3, 1)
PUBLISHED_ON = datetime.date(YEAR, 3, 3)
DRAW_SEED = 20230301
DRAW_SIZE = 20
TOWN_TARGET = 500
MAJOR_RISK_TARGET = 40


def build_plans() -> None:
    bureau = Department.objects.get(is_bureau=True)
    plan = plans.plan_create(
        actor=None,
        via=VIA,
        number=f"JH{YEAR}-01",
        name=f"{YEAR}年度安全生产执法检查计划",
        period=PlanPeriod.YEARLY,
        year=YEAR,
        department=bureau,
        notes="按镇街和风险等级分解检查任务；一般检查对象通过双随机抽取。",
    )
    for town in Region.objects.filter(level=RegionLevel.TOWN).order_by("code"):
        plans.plan_target_add(plan, actor=None, via=VIA, count=TOWN_TARGET, town=town)
    plans.plan_target_add(plan, actor=None, via=VIA, count=MAJOR_RISK_TARGET, risk_level=RiskLevel.MAJOR)
    enterprise = Enterprise.objects.live().order_by("credit_code").first()
    officer = (
        Officer.objects.filter(department=bureau, valid_until__gte=DRAW_DAY)
        .order_by("certificate_number")
        .first()
    )
    if enterprise and officer:
        services.record_create(
            Recusal(officer=officer, enterprise=enterprise, reason="近亲属在该企业任职"), actor=None, via=VIA
        )
    draw = draws.draw_run(actor=None, plan=plan, size=DRAW_SIZE, drawn_on=DRAW_DAY, seed=DRAW_SEED, via=VIA)
    DRAW.take("publish", draw, actor=None, via=VIA, published_on=PUBLISHED_ON)
