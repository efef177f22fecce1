"""Penalty cases at every stage of the general procedure, filed through `case_open` and taken through
the steps of `PENALTY_CASE`, each by the one the law gives it to: the enforcement officer (黄执法) files,
investigates and notifies; the legal officer (林法制), who handled none of them, reviews (行政处罚法第五十八条);
the bureau's head (陈局长, 局领导) approves the decisions and the extension (第五十七条、第六十条).

The cases are filed on the bureau's inspections after the report's as-of date (2023-12-04) and none is
decided before 2024, so the report's figures stay as stated.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from emgov.cases import services
from emgov.cases.models import DiscretionGrade, PenaltyCase
from emgov.cases.procedures import PENALTY_CASE
from emgov.cases.services import discretion
from emgov.cases.services.decisions import ALL_POINTS_PASS
from emgov.core import services as core_services
from emgov.core.models import Department, Officer, User
from emgov.demo.base import VIA
from emgov.demo.targets import AS_OF
from emgov.enforcement.models import Visit, VisitNature

D = datetime.date
TOWNS = ("九江镇", "狮山镇", "大沥镇")


def _visits() -> list[Visit]:
    qs = (
        Visit.objects.filter(
            department__is_bureau=True,
            nature=VisitNature.ENFORCEMENT,
            date__gt=AS_OF,
            date__lte=D(2023, 12, 11),
            enterprise__town__name__in=TOWNS,
            voided_at__isnull=True,
        )
        .exclude(operation__kind="联合执法")
        .select_related("enterprise")
        .order_by("date", "number")
    )
    return list(qs[:7])


def _grade(code: str, circumstance: str) -> DiscretionGrade:
    return DiscretionGrade.objects.get(item__version__code="2023", item__code=code, circumstance=circumstance)


def _reviewer(legal: User) -> None:
    """The legal officer holds the legal professional qualification (法律职业资格)."""
    if Officer.objects.filter(user=legal).exists():
        return
    officer = Officer(
        certificate_number="44060520230099",
        name=legal.full_name,
        department=Department.objects.get(is_bureau=True),
        title="法制员",
        legal_qualification_number="A20174406050123",
        user=legal,
    )
    core_services.record_create(officer, actor=None, via=VIA)


def _investigated(actor: User, visit: Visit, violation: str, filed_on: datetime.date) -> PenaltyCase:
    case = services.case_open(actor=actor, visit=visit, filed_on=filed_on, violation=violation, via=VIA)
    day = filed_on + datetime.timedelta(days=1)
    case = take("investigate", case, actor, on=day)
    # The record made at the inspection the case was filed on is evidence from before filing.
    case = take(
        "evidence",
        case,
        actor,
        evidence_type="勘验笔录、现场笔录",
        title="现场检查记录",
        collected_on=min(visit.date, filed_on),
        collected_by="黄执法",
    )
    case = take(
        "evidence",
        case,
        actor,
        evidence_type="当事人的陈述",
        title="对主要负责人的询问笔录",
        collected_on=day,
        is_inquiry=True,
        interviewee=f"{visit.enterprise.legal_representative or '主要负责人'}",
    )
    return take("evidence", case, actor, evidence_type="视听资料", title="执法记录仪视频", collected_on=day)


def _notified(actor, visit, filed_on, notified_on, grade, fine, violation, **kw) -> PenaltyCase:
    case = _investigated(actor, visit, violation, filed_on)
    # The notice is handed to the party on the day (直接送达): its 5 working days run from then.
    return take(
        "notify",
        case,
        actor,
        on=notified_on,
        served_on=notified_on,
        penalty_kinds=["罚款"],
        fine_amount=Decimal(fine),
        discretion_grade=grade,
        **kw,
    )


def _decided(actor, visit, filed_on, notified_on, decided_on, grade, fine, violation, **kw) -> PenaltyCase:
    case = _notified(actor, visit, filed_on, notified_on, grade, fine, violation, **kw)
    case = take(
        "statement",
        case,
        actor,
        on=notified_on + datetime.timedelta(days=2),
        note="当事人对违法事实无异议，书面放弃陈述申辩和听证",
        waives_hearing=True,
    )
    legal, leader = User.objects.get(username="legal"), User.objects.get(username="leader")
    if PENALTY_CASE.step("review") in PENALTY_CASE.available(case, legal):
        case = take(
            "review",
            case,
            legal,
            on=decided_on - datetime.timedelta(days=1),
            opinion="同意拟处罚意见",
            **ALL_POINTS_PASS,
        )
    return take("decide", case, leader, on=decided_on)


def take(step: str, case: PenaltyCase, actor: User, **data) -> PenaltyCase:
    """Take a step of the case as `actor`, with the version just read."""
    return PENALTY_CASE.take(step, case, actor=actor, expected_version=case.version, via=VIA, **data)


def build_case_workflows() -> None:
    legal = User.objects.get(username="legal")
    officer = User.objects.get(username="officer")
    leader = User.objects.get(username="leader")
    discretion.discretion_seed(actor=None, via=VIA)
    _reviewer(legal)
    visits = _visits()
    if len(visits) < 7:
        raise RuntimeError("the demo has too few bureau inspections in early December 2023 for the cases")
    drill = _grade("AQ097-06", "一般")
    gas = _grade("AQ099-08", "一般")
    hidden = _grade("AQ101-05", "较重")

    # 立案
    services.case_open(
        actor=officer,
        visit=visits[0],
        filed_on=D(2023, 12, 20),
        violation="未按规定对从业人员进行安全生产教育和培训",
        via=VIA,
    )
    # 调查取证
    _investigated(
        officer, visits[1], "未按照规定制定生产安全事故应急救援预案或者未定期组织演练", D(2023, 12, 14)
    )
    # 告知, with the hearing-rights notice (a large fine)
    _notified(
        officer,
        visits[2],
        D(2023, 12, 12),
        D(2023, 12, 27),
        hidden,
        "60000",
        "重大事故隐患排查治理情况未按照规定报告",
    )
    # 听证: requested and notified
    case = _notified(
        officer, visits[3], D(2023, 12, 11), D(2023, 12, 22), hidden, "70000", "未建立事故隐患排查治理制度"
    )
    case = take("hearing_request", case, officer, on=D(2023, 12, 26))
    take("hearing_notice", case, officer, on=D(2023, 12, 27), hearing_on=D(2024, 1, 10))
    # 法制审核 passed; a major case waiting for 集体讨论, its time limit extended
    case = _notified(
        officer,
        visits[4],
        D(2023, 12, 8),
        D(2023, 12, 18),
        drill,
        "45000",
        "未按照规定制定生产安全事故应急救援预案",
        major_case=True,
    )
    case = take("statement", case, officer, on=D(2023, 12, 20), note="当事人称已着手编制预案，请求从轻处罚")
    case = take(
        "review", case, legal, on=D(2023, 12, 28), opinion="事实清楚，同意提交集体讨论", **ALL_POINTS_PASS
    )
    # Before the 90 days run out (2024-03-07), the head extends them by at most 30 days (the rule table).
    take(
        "extend",
        case,
        leader,
        approved_on=D(2024, 3, 1),
        reason="案情复杂，需提交局长办公会集体讨论",
        new_due_on=D(2024, 4, 3),
    )
    # 送达, waiting for payment (a daily continuous fine, 安全生产法第一百一十二条)
    case = _decided(
        officer,
        visits[5],
        D(2023, 12, 6),
        D(2023, 12, 15),
        D(2024, 1, 8),
        _grade("AQ112-00", "一般"),
        "1",
        "被责令改正且受到罚款处罚后拒不改正",
        daily_amount=Decimal("5000"),
        continuous_from=D(2023, 11, 21),
        continuous_until=D(2023, 11, 30),
        review_required=True,
    )
    take("serve", case, officer, on=D(2024, 1, 9), note="直接送达，当事人签收")
    # 执行 (paid late, with the late fee), 结案, 归档
    case = _decided(
        officer,
        visits[6],
        D(2023, 12, 7),
        D(2023, 12, 14),
        D(2024, 1, 5),
        gas,
        "15000",
        "餐饮场所使用燃气未安装可燃气体报警装置",
    )
    case = take("serve", case, officer, on=D(2024, 1, 5))
    # Due 2024-01-20, a Saturday: the first working day after it, 2024-01-22; paid 3 days late.
    case = take("pay", case, officer, on=D(2024, 1, 25))
    case = take("close", case, officer, on=D(2024, 1, 26))
    take("archive", case, officer, on=D(2024, 2, 2))
