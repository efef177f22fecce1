"""Records the hazard and order tests start from: a 桂城街道 enterprise visited by two officers."""

from __future__ import annotations

import datetime

from emgov.core import services
from emgov.core.models import Department, Officer
from emgov.enforcement.models import Hazard, Visit
from emgov.enforcement.services.hazards import hazard_register
from emgov.enterprises.models import Enterprise
from emgov.enterprises.tests.test_views import make_enterprise

DAY = datetime.date(2023, 6, 1)


def bureau() -> Department:
    return Department.objects.get(is_bureau=True)


def make_visit(region, *, number: str = "JC2023001", day: datetime.date = DAY, n: int = 1) -> Visit:
    enterprise: Enterprise = make_enterprise(
        region, n, name="桂城五金制品有限公司", address="桂城街道南海大道1号", legal_representative="张三"
    )
    officers = [
        services.record_create(
            Officer(certificate_number=f"YJ{n}01", name="李执法", department=bureau()), actor=None
        ),
        services.record_create(
            Officer(certificate_number=f"YJ{n}02", name="王执法", department=bureau()), actor=None
        ),
    ]
    visit = services.record_create(
        Visit(number=number, enterprise=enterprise, date=day, department=bureau(), nature="执法检查"),
        actor=None,
        m2m={"officers": officers},
    )
    return visit


def register(
    visit: Visit,
    actor,
    *,
    grade: str = "一般隐患",
    deadline=None,
    text: str = "消防通道堵塞",
    unsafe: bool = False,
) -> Hazard:
    return hazard_register(
        actor=actor,
        visit=visit,
        description=text,
        grade=grade,
        basis="《工贸企业重大事故隐患判定标准》第三条",
        deadline=deadline,
        unsafe_until_removed=unsafe,
    )
