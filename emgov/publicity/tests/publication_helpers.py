"""Penalty decisions as the tests of 双公示 need them: an organisation's, and a natural person's with private data."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from emgov.cases.models import PenaltyCase
from emgov.core import services
from emgov.core.models import Department, Region
from emgov.core.validators import credit_code_check_character
from emgov.enterprises.models import Enterprise
from emgov.enterprises.tests.test_views import make_enterprise

PERSON = "欧阳建国"
PERSON_MASKED = "欧阳**"
ID_NUMBER = "440605198801012345"
PHONE = "13912345678"
ADDRESS = "佛山市南海区九江镇沙头村十八巷3号"


def org_code(n: int) -> str:
    """A valid 统一社会信用代码 of an organisation of 南海区 (for a licensing applicant, a department)."""
    first = f"91440605{n:09d}"
    return first + credit_code_check_character(first)


# The licensing factories' applicant, an organisation: published with its code, never masked.
APPLICANT = {"credit_code": org_code(900)}


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def penalty(
    number: str,
    *,
    enterprise: Enterprise | None = None,
    decided: str = "2023-09-28",
    fine: str | None = "20000",
    **fields: Any,
) -> PenaltyCase:
    values = {
        "filed_on": d(decided) - datetime.timedelta(days=30),
        "decided_on": d(decided),
        "party_name": enterprise.name if enterprise else PERSON,
        "party_type": "法人" if enterprise else "自然人",
        "party_credit_code": enterprise.credit_code if enterprise else "",
        "enterprise": enterprise,
        "department": Department.objects.get(is_bureau=True),
        "violation": "未按规定对从业人员进行安全生产教育和培训。",
        "legal_basis": "《中华人民共和国安全生产法》第九十七条第三项",
        "penalty_kinds": ["罚款"] if fine else ["警告"],
        "fine_amount": Decimal(fine) if fine else None,
        "procedure": "普通程序",
        **fields,
    }
    return services.record_create(PenaltyCase(decision_number=number, **values), actor=None)


def firm_penalty(town: Region, number: str, n: int = 1, **fields: Any) -> PenaltyCase:
    firm = make_enterprise(
        town, n, name=f"{town.name}测试{n}有限公司", legal_representative="黄志强", phone=PHONE
    )
    return penalty(number, enterprise=firm, **fields)


def person_penalty(town: Region, number: str, **fields: Any) -> PenaltyCase:
    """A natural person's decision whose record holds every kind of private data."""
    return penalty(
        number,
        region=town,
        party_address=ADDRESS,
        violation=(f"当事人{PERSON}（身份证号码{ID_NUMBER}，联系电话{PHONE}）在其经营场所违规储存烟花爆竹。"),
        **fields,
    )
