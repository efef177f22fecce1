"""The first part of the Nanhai demo: the region tree, the departments of the 2023 report, demo users."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from emgov.core import services
from emgov.core.models import Department, DocumentNumberTemplate, Region, RegionLevel, Role, User
from emgov.demo import names

DEMO_PASSWORD = "Nanhai@2023"
VIA = "命令 demo"

DISTRICT_CODE = "440605"
TOWNS = [(town.code, town.name) for town in names.TOWNS]
DEPARTMENTS = [
    ("应急", "佛山市南海区应急管理局", True),
    ("住建", "佛山市南海区住房城乡建设和水利局", False),
    ("环保", "佛山市生态环境局南海分局", False),
    ("消防", "佛山市南海区消防救援大队", False),
    ("卫健", "佛山市南海区卫生健康局", False),
    ("市场监管", "佛山市南海区市场监督管理局", False),
]
NUMBER_TEMPLATES = [
    ("行政处罚决定书", "（南海）应急罚〔{year}〕{n}号"),
    ("责令限期整改指令书", "（南海）应急责改〔{year}〕{n}号"),
    ("现场处理措施决定书", "（南海）应急现决〔{year}〕{n}号"),
    ("责令停产停业整顿", "（南海）应急停〔{year}〕{n}号"),
    ("查封扣押决定书", "（南海）应急查〔{year}〕{n}号"),
    ("整改复查意见书", "（南海）应急复查〔{year}〕{n}号"),
    ("立案审批表", "（南海）应急立〔{year}〕{n}号"),
    ("行政许可决定书", "（南海）应急许〔{year}〕{n}号"),
    ("政府信息公开申请答复书", "（南海）应急公开答〔{year}〕{n}号"),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    regions: tuple[str, ...]
    note: str


DEMO_USERS = [
    DemoUser("admin", "系统管理员", Role.ADMIN, (DISTRICT_CODE,), "系统管理员：用户、基础数据、节假日"),
    DemoUser("leader", "陈局长", Role.LEADER, (DISTRICT_CODE,), "局领导：全区数据、年度报告"),
    DemoUser("legal", "林法制", Role.LEGAL, (DISTRICT_CODE,), "法制员：案件、法制审核、公示"),
    DemoUser("officer", "黄执法", Role.OFFICER, (DISTRICT_CODE,), "区局执法人员：全区"),
    DemoUser("guicheng", "梁桂城", Role.TOWN, ("440605011",), "镇街人员：仅桂城街道"),
    DemoUser("jiujiang", "何九江", Role.TOWN, ("440605121",), "镇街人员：仅九江镇"),
]


def ensure_base(*, actor: User | None = None) -> None:
    """The base unless it is there already (the test suite keeps one per worker under every test)."""
    if not User.objects.filter(username=DEMO_USERS[0].username).exists():
        build_base(actor=actor)


@transaction.atomic
def build_base(*, actor: User | None) -> None:
    province = services.region_create(
        actor=actor, via=VIA, code="440000", name="广东省", level=RegionLevel.PROVINCE
    )
    city = services.region_create(
        actor=actor, via=VIA, code="440600", name="佛山市", level=RegionLevel.CITY, parent=province
    )
    district = services.region_create(
        actor=actor, via=VIA, code=DISTRICT_CODE, name="南海区", level=RegionLevel.COUNTY, parent=city
    )
    for code, name in TOWNS:
        services.region_create(
            actor=actor, via=VIA, code=code, name=name, level=RegionLevel.TOWN, parent=district
        )
    for short, name, is_bureau in DEPARTMENTS:
        services.department_create(
            actor=actor, via=VIA, short_name=short, name=name, is_bureau=is_bureau, region=district
        )
    for doc_type, template in NUMBER_TEMPLATES:
        services.record_create(
            DocumentNumberTemplate(doc_type=doc_type, template=template), actor=actor, via=VIA
        )
    bureau = Department.objects.get(is_bureau=True)
    for spec in DEMO_USERS:
        user = User.objects.create_user(
            spec.username,
            password=DEMO_PASSWORD,
            full_name=spec.full_name,
            role=spec.role,
            department=bureau,
            is_staff=spec.role == Role.ADMIN,
            is_superuser=False,
        )
        user.regions.set(Region.objects.filter(code__in=spec.regions))
