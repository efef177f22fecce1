"""Departments of the district's emergency plan, the enforcement officers, their certificate exams."""

from __future__ import annotations

import datetime
import random

from emgov.core import services
from emgov.core.models import Department, User
from emgov.core.models import Officer as OfficerRecord
from emgov.demo import names
from emgov.demo.base import VIA
from emgov.demo.targets import AS_OF, REGION_CODE, YEAR
from emgov.demo.world import BUREAU, Officer, World

# The departments of the 2023 report are built with the base; the plan's responsibility matrix
# (event-types) names these as well.
PLAN_DEPARTMENTS = [
    ("公安", "佛山市公安局南海分局"),
    ("交通", "佛山市南海区交通运输局"),
    ("自然资源", "佛山市自然资源局南海分局"),
    ("农业农村", "佛山市南海区农业农村局"),
    ("气象", "佛山市南海区气象局"),
    ("教育", "佛山市南海区教育局"),
    ("城管", "佛山市南海区城市管理和综合执法局"),
    ("经促", "佛山市南海区经济促进局"),
    ("发改", "佛山市南海区发展和改革局"),
    ("民政", "佛山市南海区民政局"),
    ("文广旅体", "佛山市南海区文化广电旅游体育局"),
    ("网信", "中共佛山市南海区委网络安全和信息化委员会办公室"),
    ("统战", "中共佛山市南海区委统战部"),
]
DEPARTMENT_HEADER = ["部门简称", "部门名称", "是否本局", "区划代码"]

# Certificate number prefixes: 4406050 + department number + serial.
DEPARTMENT_NUMBERS = {BUREAU: 1, "住建": 2, "环保": 3, "消防": 4, "卫健": 5, "市场监管": 6}
OTHER_DEPARTMENT_OFFICERS = 10
BUREAU_TITLES = (
    [("局长", 0.05)]
    + [("副局长", 0.15)] * 3
    + [("执法大队大队长", 0.4)]
    + [("执法大队副大队长", 0.7)] * 2
    + [("执法中队中队长", 1.0)] * 6
    + [("执法中队副中队长", 1.0)] * 6
)
BUREAU_OFFICER_COUNT = 62
SQUADS = 6

# A few certificates expire within 90 days of the as-of date; two ran out during the year.
EXPIRING_SOON = [AS_OF + datetime.timedelta(days=d) for d in (16, 42, 64, 86)]
EXPIRED_IN_YEAR = [datetime.date(YEAR, 4, 30), datetime.date(YEAR, 8, 31)]


def department_rows() -> list[list[object]]:
    return [[short, name, "否", REGION_CODE] for short, name in PLAN_DEPARTMENTS]


def build_officers(world: World) -> None:
    rng = world.rng
    used_names: set[str] = set()
    for serial in range(1, BUREAU_OFFICER_COUNT + 1):
        title, weight = (
            BUREAU_TITLES[serial - 1]
            if serial <= len(BUREAU_TITLES)
            else (rng.choice(["一级主任科员", "二级主任科员", "四级主任科员", "一级科员", "执法队员"]), 1.0)
        )
        world.officers.append(
            Officer(
                certificate=_certificate(BUREAU, serial),
                name=_unique_person(rng, used_names),
                department=BUREAU,
                valid_until=_valid_until(rng),
                title=title,
                squad=serial % SQUADS,
                weight=weight,
            )
        )
    ordinary = [o for o in world.officers if o.weight == 1.0]
    for officer, day in zip(
        rng.sample(ordinary, len(EXPIRING_SOON) + len(EXPIRED_IN_YEAR)),
        EXPIRING_SOON + EXPIRED_IN_YEAR,
        strict=True,
    ):
        officer.valid_until = day
        if day < AS_OF:
            officer.title = "执法队员（已调离）"
    for department in DEPARTMENT_NUMBERS:
        if department == BUREAU:
            continue
        for serial in range(1, OTHER_DEPARTMENT_OFFICERS + 1):
            world.officers.append(
                Officer(
                    certificate=_certificate(department, serial),
                    name=_unique_person(rng, used_names),
                    department=department,
                    valid_until=_valid_until(rng),
                    title=rng.choice(["执法队员", "科员", "中队长"]),
                )
            )


def _certificate(department: str, serial: int) -> str:
    return f"4406050{DEPARTMENT_NUMBERS[department]}{serial:03d}"


def _unique_person(rng: random.Random, used: set[str]) -> str:
    name = names.person(rng)
    while name in used:
        name = names.person(rng)
    used.add(name)
    return name


def _valid_until(rng: random.Random) -> datetime.date:
    return datetime.date(rng.randint(YEAR + 1, YEAR + 5), rng.randint(1, 12), rng.randint(1, 28))


# The demo users who enforce, each with the certificate of an Officer linked to the account, so that the
# visit page chooses them as the signed-in officer. Added after the year is built, none of them is on the
# year's visits or in its exams, so no figure of the report counts them (林法制, the legal officer, is
# linked by the case workflows).
DEMO_USER_OFFICERS = [("officer", "44060501900", "执法队员", datetime.date(YEAR + 4, 12, 31))]


def link_demo_users() -> None:
    bureau = Department.objects.get(is_bureau=True)
    for username, certificate, title, valid_until in DEMO_USER_OFFICERS:
        user = User.objects.filter(username=username).first()
        if user is None or OfficerRecord.objects.filter(user=user).exists():
            continue
        officer = OfficerRecord(
            certificate_number=certificate,
            name=user.full_name,
            department=bureau,
            title=title,
            valid_until=valid_until,
            user=user,
        )
        services.record_create(officer, actor=None, via=VIA)


OFFICER_HEADER = ["执法证号", "姓名", "所属部门", "证件有效期至", "职务"]


def officer_rows(world: World) -> list[list[object]]:
    return [[o.certificate, o.name, o.department, o.valid_until, o.title] for o in world.officers]


EXAM_HEADER = ["年度", "执法证号", "成绩", "是否通过"]


def exam_rows(world: World) -> list[list[object]]:
    """The online certificate exams: every bureau officer sat 2023's and passed; one failed 2022's."""
    rng = world.rng
    bureau = [o for o in world.officers if o.department == BUREAU]
    rows: list[list[object]] = []
    last_year = rng.sample(bureau, 50)
    failed = last_year[rng.randrange(len(last_year))]
    for officer in sorted(last_year, key=lambda o: o.certificate):
        score = rng.randint(48, 58) if officer is failed else rng.randint(66, 97)
        rows.append([YEAR - 1, officer.certificate, score, "否" if officer is failed else "是"])
    for officer in bureau:
        if officer.valid_on(AS_OF):
            rows.append([YEAR, officer.certificate, rng.randint(70, 99), "是"])
    return rows
