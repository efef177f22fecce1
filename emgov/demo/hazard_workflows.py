"""The hazard loop in every state, with its orders: hazards registered and orders issued through the
enforcement services, every later step taken through `enforcement.procedures` (HAZARD, ORDER).

The major hazards name their clause of the 判定标准 and cannot be kept safe until removed, so they are
supervised (挂牌督办) and suspended through the hazard's step before any deadline (安全生产法第六十五条
第一款第三项); the seizure is extended with the head's approval and released within its term
(行政强制法第二十五条、第二十七条、第二十八条).

The hazards are found on the bureau's inspections in 桂城街道 after the report's as-of date (2023-12-04),
outside any 联合执法 operation, so the report's figures stay as stated.
"""

from __future__ import annotations

import datetime

from emgov.core.models import User
from emgov.demo.base import VIA
from emgov.demo.targets import AS_OF
from emgov.enforcement.models import Hazard, OrderType, ReleaseGround, SeizureDisposal, Visit, VisitNature
from emgov.enforcement.procedures import HAZARD, ORDER
from emgov.enforcement.queries import suspension_of
from emgov.enforcement.services.hazards import hazard_register
from emgov.enforcement.services.orders import order_issue

DAY = datetime.timedelta(days=1)
TOWN = "桂城街道"
GENERAL = "一般隐患"
MAJOR = "重大事故隐患"
SUPERVISOR = "佛山市南海区安全生产委员会办公室"


def _visits() -> list[Visit]:
    qs = (
        Visit.objects.filter(
            department__is_bureau=True,
            nature=VisitNature.ENFORCEMENT,
            date__gt=AS_OF,
            enterprise__town__name=TOWN,
            voided_at__isnull=True,
        )
        .exclude(operation__kind="联合执法")
        .select_related("enterprise")
        .order_by("date", "number")
    )
    return list(qs[:6])


def _register(actor: User | None, visit: Visit, description: str, grade: str = GENERAL, **kw) -> Hazard:
    return hazard_register(
        actor=actor,
        visit=visit,
        description=description,
        grade=grade,
        basis=kw.pop("basis", "《中华人民共和国安全生产法》第四十一条"),
        via=VIA,
        **kw,
    )


def _rectify(actor: User | None, visit: Visit, found: list[Hazard], days: int = 15) -> list[Hazard]:
    """A 责令限期整改指令书 on the visit: its hazards go to 下达整改."""
    order_issue(
        actor=actor,
        visit=visit,
        doc_type=OrderType.RECTIFY,
        hazards=found,
        issued_on=visit.date,
        due_date=visit.date + days * DAY,
        via=VIA,
    )
    return [Hazard.objects.get(pk=h.pk) for h in found]


def _close(actor: User | None, hazard: Hazard, done: datetime.date, passed: bool = True) -> Hazard:
    hazard = HAZARD.take("start", hazard, actor=actor, via=VIA)
    hazard = HAZARD.take("request-review", hazard, actor=actor, via=VIA, rectified_on=done)
    return HAZARD.take("review", hazard, actor=actor, via=VIA, reviewed_on=done + 2 * DAY, passed=passed)


def build_hazard_workflows() -> None:
    visits = _visits()
    if len(visits) < 6:
        return
    actor = User.objects.filter(username="officer").first()
    leader = User.objects.filter(username="leader").first()
    v1, v2, v3, v4, v5, v6 = visits

    # 登记 and 下达整改
    _register(actor, v1, "二号车间配电箱前堆放杂物，影响操作和检修")
    (ordered,) = _rectify(actor, v1, [_register(actor, v1, "仓库灭火器压力不足，未及时更换")])

    # 整改中 and 申请复查
    rectifying, asked = _rectify(
        actor,
        v2,
        [
            _register(actor, v2, "安全出口指示标志损坏"),
            _register(actor, v2, "员工三级安全教育培训记录不全"),
        ],
    )
    HAZARD.take("start", rectifying, actor=actor, via=VIA)
    asked = HAZARD.take("start", asked, actor=actor, via=VIA)
    HAZARD.take("request-review", asked, actor=actor, via=VIA, rectified_on=v2.date + 5 * DAY)

    # 复查合格（销号）, 复查不合格, and a failed review given a new deadline (back to 整改中)
    passed, failed, again = _rectify(
        actor,
        v3,
        [
            _register(actor, v3, "叉车未按规定定期检验"),
            _register(actor, v3, "危险化学品仓库未设置防泄漏设施"),
            _register(actor, v3, "喷涂车间通风设施失效"),
        ],
    )
    passed = _close(actor, passed, v3.date + 4 * DAY)
    _close(actor, failed, v3.date + 6 * DAY, passed=False)
    again = _close(actor, again, v3.date + 6 * DAY, passed=False)
    HAZARD.take("reorder", again, actor=actor, via=VIA, deadline=v3.date + 30 * DAY)
    order_issue(
        actor=actor,
        visit=v3,
        doc_type=OrderType.REVIEW,
        hazards=[passed, Hazard.objects.get(pk=failed.pk)],
        issued_on=v3.date + 8 * DAY,
        via=VIA,
    )

    # Major hazards on the supervised list; a suspension awaiting resumption, another lifted after review
    for visit, description, resume in (
        (v4, "除尘系统未按规定设置泄爆装置，粉尘爆炸危险场所设置在非框架结构的多层建筑内", False),
        (v5, "有限空间作业未进行气体检测，未配备防护装备", True),
    ):
        major = _register(
            actor,
            visit,
            description,
            grade=MAJOR,
            basis="《工贸企业重大事故隐患判定标准》第十一条、第十三条",
            unsafe_until_removed=True,
        )
        major = HAZARD.take(
            "supervise",
            major,
            actor=actor,
            via=VIA,
            supervised_on=visit.date + DAY,
            supervising_body=SUPERVISOR,
        )
        order_issue(
            actor=actor,
            visit=visit,
            doc_type=OrderType.ON_SITE,
            hazards=[major],
            issued_on=visit.date,
            via=VIA,
        )
        (major,) = _rectify(actor, visit, [major], days=30)
        major = HAZARD.take("suspend", major, actor=actor, via=VIA, issued_on=visit.date)
        suspension = suspension_of(major)
        if resume:
            major = _close(actor, major, visit.date + 12 * DAY)
            ORDER.take("resume", suspension, actor=actor, via=VIA, resumed_on=major.reviewed_on + DAY)
        else:
            HAZARD.take("start", major, actor=actor, via=VIA)

    # A seizure extended once
    seizure = order_issue(
        actor=actor,
        visit=v6,
        doc_type=OrderType.SEIZE,
        issued_on=v6.date,
        content="经查，你单位在员工宿舍内违规存放液化石油气钢瓶12瓶，依法予以扣押，扣押期限自签发之日起30日。",
        via=VIA,
    )
    seizure = ORDER.take(
        "extend",
        seizure,
        actor=actor,
        via=VIA,
        extension_days=15,
        extension_reason="需委托检验机构对钢瓶进行检测，检测结论未出",
        extension_approved_by=leader,
        decided_on=v6.date + 25 * DAY,
    )
    ORDER.take(
        "dispose",
        seizure,
        actor=actor,
        via=VIA,
        disposal=SeizureDisposal.RELEASE,
        disposal_ground=ReleaseGround.DECIDED,
        disposal_note="钢瓶经检测合格，已责令该单位将钢瓶移出员工宿舍并存放至合规的储存场所。",
        disposed_on=v6.date + 40 * DAY,
    )
