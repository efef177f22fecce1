"""Preparedness as work on the demo year, taken through its procedures (`preparedness.procedures`)
after the ledgers are loaded: plans filed, evaluated and one revised; drills evaluated with their
problems followed up; teams checked with their members; stock moved and counted; each town's command
post checked; warnings issued, adjusted and lifted (as of the moment the demo is built, since warnings
run on the clock), and a CAP message from the weather service waiting as a draft. No report figure
depends on these records."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from emgov.core import services
from emgov.core.models import Department, Region
from emgov.demo.names import TOWNS
from emgov.demo.targets import AS_OF, YEAR
from emgov.enterprises.models import Enterprise
from emgov.preparedness.cap import NS
from emgov.preparedness.models import (
    CHECKLIST,
    CommandPostCheck,
    Drill,
    EarlyWarning,
    EmergencyPlan,
    EventType,
    Material,
    RescueTeam,
    TeamMember,
)
from emgov.preparedness.procedures import CHECK, DRILL, FOLLOW_UP, MATERIAL, PLAN, TEAM, WARNING
from emgov.preparedness.services.warnings import warning_from_cap

SEED = 20231205
D = datetime.date
PROBLEMS = [
    ("现场通信信号弱，卫星电话未及时开机", "装备物资"),
    ("预案中的信息报送流程与实际不符", "预案修订"),
    ("部分队员不熟悉抽水泵操作", "培训"),
    ("疏散引导人员职责不清", "组织机制"),
]
MEMBERS = [
    ("队长", "指挥协调", "应急救援员（高级）"),
    ("队员", "水上救援", "救生员证"),
    ("队员", "破拆救援", ""),
]


def build_preparedness_work() -> None:
    rng = random.Random(SEED)
    bureau = Department.objects.get(is_bureau=True)
    _plans()
    _drills(rng, bureau)
    _enterprise_drills(rng, bureau)
    _teams(rng)
    _stock(rng)
    _command_posts(rng, bureau)
    _warnings()


def _plans() -> None:
    for plan in EmergencyPlan.objects.filter(number__startswith="YA-ZX-").order_by("number"):
        if plan.published_on and plan.published_on < D(YEAR, 11, 1):
            PLAN.take(
                "file",
                plan,
                actor=None,
                filed_on=plan.published_on + datetime.timedelta(days=12),
                filed_with="佛山市应急管理局",
            )
    _evaluate("YA-ZX-002", D(YEAR, 4, 18), "继续有效")
    flood = _evaluate("YA-ZX-001", D(YEAR, 3, 6), "需要修订")
    PLAN.take(
        "revise", flood, actor=None, revision_trigger="演练或应对中发现问题", number=f"YA-ZX-001-{YEAR}"
    )
    _evaluate("YA-ZX-011", D(YEAR, 5, 9), "需要修订")


def _evaluate(number: str, on: datetime.date, result: str) -> EmergencyPlan:
    plan = EmergencyPlan.objects.get(number=number)
    return PLAN.take(
        "evaluate", plan, actor=None, evaluated_on=max(on, plan.published_on), evaluation_result=result
    )


def _drills(rng: random.Random, bureau: Department) -> None:
    drills = list(Drill.objects.filter(date__year=YEAR).order_by("date", "number"))
    for n, drill in enumerate(drills):
        if drill.date > AS_OF:
            continue
        DRILL.take(
            "evaluate", drill, actor=None, evaluation="演练按方案完成，指挥协调顺畅，发现的问题已列入整改。"
        )
        if n % 5:
            continue
        problem, kind = PROBLEMS[(n // 5) % len(PROBLEMS)]
        due = drill.date + datetime.timedelta(days=rng.choice((30, 45, 60)))
        drill = DRILL.take(
            "problem",
            drill,
            actor=None,
            problem=problem,
            kind=kind,
            owner=bureau,
            owner_person="应急救援股",
            due_on=due,
        )
        if due < AS_OF - datetime.timedelta(days=20):
            follow_up = drill.follow_ups.get()
            FOLLOW_UP.take(
                "close",
                follow_up,
                actor=None,
                closed_on=due - datetime.timedelta(days=3),
                closing_note="已整改完毕",
            )


def _enterprise_drills(rng: random.Random, bureau: Department) -> None:
    """High-risk units' own drills (生产安全事故应急条例第八条第二款): one has let six months pass."""
    firms = Enterprise.objects.filter(industry="危险化学品", voided_at__isnull=True).order_by("credit_code")[
        :4
    ]
    for n, firm in enumerate(firms, start=1):
        day = D(YEAR, 3, 15) if n == 4 else D(YEAR, rng.randint(7, 11), rng.randint(1, 28))
        services.record_create(
            Drill(
                number=f"QYYL{YEAR}-{n:03d}",
                name=f"{firm.name}危险化学品泄漏现场处置演练",
                date=min(day, AS_OF),
                form="实战演练",
                department=bureau,
                participants=rng.randint(15, 40),
                enterprise=firm,
                region=firm.town,
            ),
            actor=None,
        )


def _teams(rng: random.Random) -> None:
    for n, team in enumerate(RescueTeam.objects.order_by("number")):
        if n % 6 == 5:
            continue  # not yet checked this year: on the to-do list
        TEAM.take(
            "check",
            team,
            actor=None,
            checked_on=D(YEAR, rng.randint(3, 9), rng.randint(1, 28)),
            members=team.members,
            equipment="冲锋舟、抽水泵、破拆工具、卫星电话",
        )
        if team.town_id is None and n < 9:
            for position, skills, certificate in MEMBERS:
                services.record_create(
                    TeamMember(
                        team=team,
                        name=f"{team.name[-5:-1]}{position}{rng.randint(1, 99)}",
                        position=position,
                        skills=skills,
                        certificate=certificate,
                        certificate_valid_until=D(YEAR + 2, 6, 30) if certificate else None,
                    ),
                    actor=None,
                )


def _stock(rng: random.Random) -> None:
    district = Material.objects.filter(location__startswith="南海区应急物资储备仓库").order_by("number")
    for n, item in enumerate(district):
        minimum = (item.quantity * Decimal("0.5")).quantize(Decimal(1))
        item = services.record_update(item, actor=None, changes={"minimum": minimum})
        item = MATERIAL.take(
            "stock_in",
            item,
            actor=None,
            date=D(YEAR, 3, 1),
            quantity=(item.quantity * Decimal("0.2")).quantize(Decimal(1)) + 1,
            reference="年度补充采购",
        )
        if n % 4 == 0:  # sent out to a flood and not yet replenished: below the minimum
            out = (item.quantity * Decimal("0.7")).quantize(Decimal(1))
            item = MATERIAL.take(
                "stock_out",
                item,
                actor=None,
                date=D(YEAR, 6, 20),
                quantity=out,
                reference="“龙舟水”强降雨调拨",
            )
        counted = item.quantity - (1 if n % 3 == 0 else 0)
        MATERIAL.take(
            "stock_count", item, actor=None, date=D(YEAR, 11, 30), quantity=counted, reference="年末盘点"
        )


def _command_posts(rng: random.Random, bureau: Department) -> None:
    for n, town in enumerate(TOWNS, start=1):
        region = Region.objects.get(code=town.code)
        day = D(YEAR, 9, 4) + datetime.timedelta(days=7 * n)
        check = services.record_create(
            CommandPostCheck(
                number=f"ZHB{YEAR}-{n:02d}",
                town=region,
                date=day,
                scenario=rng.choice(("化工企业泄漏爆炸", "台风引发城市内涝", "人员密集场所火灾")),
                inspectors="区应急管理局、区消防救援大队联合检查组",
                note="不打招呼、不定时间、不定地点，现场拉动。",
            ),
            actor=None,
        )
        scores = {
            key: Decimal(max(1, round(full * rng.uniform(0.45, 1.0)))) for key, _label, full in CHECKLIST
        }
        CHECK.take("score", check, actor=None, **scores)
        weakest = min(CHECKLIST, key=lambda item: scores[item[0]] / item[2])
        if scores[weakest[0]] / weakest[2] < Decimal("0.6"):
            CHECK.take(
                "problem",
                check,
                actor=None,
                problem=f"{weakest[1]}得分偏低",
                kind="组织机制",
                owner=bureau,
                owner_person=f"{town.name}应急办",
                due_on=day + datetime.timedelta(days=60),
            )


def _warning(number: str, event: str, level: str, headline: str, area: str, hours: int) -> EarlyWarning:
    now = timezone.now().replace(second=0, microsecond=0)
    return services.record_create(
        EarlyWarning(
            number=number,
            headline=headline,
            level=level,
            event_type=EventType.objects.get(name=event),
            area=area,
            onset=now,
            expires=now + datetime.timedelta(hours=hours),
            description=f"{headline}：请相关单位和公众做好防御准备。",
            measures="关注最新预警信息；危险区域人员及时转移。",
        ),
        actor=None,
    )


def _warnings() -> None:
    rain = WARNING.take(
        "issue", _warning("YJ-001", "暴雨洪涝", "黄色", "南海区暴雨黄色预警", "南海区全境", 12), actor=None
    )
    rain = WARNING.take(
        "update",
        rain,
        actor=None,
        level="橙色",
        area="桂城街道、大沥镇、里水镇",
        expires=rain.expires,
        description="雨势加强，局地小时雨量超过50毫米。",
        measures="停止户外作业，地下空间人员撤离。",
    )
    WARNING.take("lift", rain, actor=None, lift_reason="降雨明显减弱，风险解除")
    WARNING.take(
        "issue", _warning("YJ-002", "台风", "蓝色", "南海区台风蓝色预警", "南海区全境", 48), actor=None
    )
    WARNING.take(
        "issue", _warning("YJ-003", "高温", "黄色", "南海区高温黄色预警", "南海区全境", 72), actor=None
    )
    sent = timezone.localtime().replace(microsecond=0)
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="{NS}"><identifier>FSQX-{sent:%Y%m%d%H%M}-LD</identifier><sender>fsqx.foshan</sender>
<sent>{sent.isoformat()}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
<info><language>zh-CN</language><category>Met</category><event>雷电灾害</event><urgency>Expected</urgency>
<severity>Moderate</severity><certainty>Likely</certainty><expires>{(sent + datetime.timedelta(hours=6)).isoformat()}</expires>
<headline>佛山市气象台发布雷电黄色预警</headline><description>未来6小时南海区有雷电活动。</description>
<instruction>户外人员避免在空旷地带停留。</instruction><area><areaDesc>南海区</areaDesc></area></info></alert>"""
    warning_from_cap(actor=None, xml=xml.encode())
