"""Builders for case tests: an enterprise with a visit and a hazard, and a case taken to a stage."""

from __future__ import annotations

import datetime
from decimal import Decimal

from emgov.cases import services
from emgov.cases.models import PenaltyCase
from emgov.cases.procedures import PENALTY_CASE
from emgov.core import services as core_services
from emgov.core.models import Department, Officer, User
from emgov.enforcement.models import Hazard, Visit
from emgov.enterprises.tests.test_views import make_enterprise

D = datetime.date
VISIT_DAY = D(2023, 3, 1)
FILED_ON = D(2023, 3, 2)
NOTIFIED_ON = D(2023, 3, 20)


def take(step: str, case: PenaltyCase, actor: User | None, **data) -> PenaltyCase:
    """Take a step of the case with the version just read, as the page does."""
    return PENALTY_CASE.take(step, case, actor=actor, expected_version=case.version, **data)


def available(case: PenaltyCase, user: User | None = None) -> set[str]:
    """The names of the steps `user` (the system when None) may take on the case now."""
    return {step.name for step in PENALTY_CASE.available(case, user)}


def make_visit(town, n: int = 1, day: datetime.date = VISIT_DAY) -> Visit:
    enterprise = make_enterprise(town, n, address="桂城街道南海大道1号")
    visit = Visit(
        number=f"JC-{n:04d}",
        date=day,
        enterprise=enterprise,
        department=Department.objects.get(is_bureau=True),
        nature="执法检查",
    )
    return core_services.record_create(visit, actor=None)


def make_hazard(visit: Visit, n: int = 1) -> Hazard:
    hazard = Hazard(
        number=f"YH-{n:04d}",
        visit=visit,
        description="未建立安全风险分级管控制度",
        grade="一般隐患",
        basis="《安全生产法》第一百零一条",
        deadline=visit.date + datetime.timedelta(days=15),
    )
    return core_services.record_create(hazard, actor=None)


def qualify(user: User, number: str = "A20231234") -> Officer:
    officer = Officer(
        certificate_number=f"44060500{user.pk:04d}",
        name=user.full_name or user.username,
        department=Department.objects.get(is_bureau=True),
        legal_qualification_number=number,
        user=user,
    )
    return core_services.record_create(officer, actor=None)


def open_case(nanhai, town=None, n: int = 1, filed_on: datetime.date = FILED_ON, actor=None) -> PenaltyCase:
    """A case filed by the district's enforcement officer (its handler) on an inspection."""
    visit = make_visit(town or nanhai.guicheng, n)
    return services.case_open(
        actor=actor or nanhai.district_officer,
        visit=visit,
        filed_on=filed_on,
        violation="未按规定开展安全生产教育培训",
    )


def notified_case(
    nanhai,
    *,
    fine: str = "20000",
    on: datetime.date = NOTIFIED_ON,
    served_on: datetime.date | None | str = "same day",
    **kw,
) -> PenaltyCase:
    """A case investigated and notified by its handler; the notice served on the day it was issued
    unless `served_on` says otherwise (None: not yet served)."""
    case = open_case(nanhai, **kw)
    handler = nanhai.district_officer
    day = case.filed_on + datetime.timedelta(days=1)
    case = take("investigate", case, handler, on=day)
    case = take(
        "evidence",
        case,
        handler,
        evidence_type="勘验笔录、现场笔录",
        title="现场检查记录",
        collected_on=day,
    )
    return take(
        "notify",
        case,
        handler,
        on=on,
        served_on=on if served_on == "same day" else served_on,
        penalty_kinds=["罚款"],
        fine_amount=Decimal(fine),
        legal_basis="《安全生产法》第九十七条",
    )


def decided_case(nanhai, *, fine: str = "20000", **kw) -> PenaltyCase:
    """A case whose party waived its rights in writing, decided by the bureau's head."""
    case = notified_case(nanhai, fine=fine, **kw)
    case = take(
        "statement",
        case,
        nanhai.district_officer,
        on=D(2023, 3, 21),
        note="当事人无异议",
        waives_hearing=True,
    )
    return take("decide", case, nanhai.leader, on=D(2023, 3, 28))
