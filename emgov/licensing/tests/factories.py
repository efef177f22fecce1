"""Items and cases for the licensing tests, written through the licensing services."""

from __future__ import annotations

import datetime

from emgov.enterprises.models import Enterprise
from emgov.licensing import services
from emgov.licensing.models import LicensingCase, LicensingItem
from emgov.licensing.procedures import LICENSING_CASE

D = datetime.date


def make_item(name: str = "烟花爆竹经营（零售）许可证核发", **fields) -> LicensingItem:
    values = {
        "category": "行政许可",
        "time_limit_days": 20,
        "working_days": False,
        "certificate_name": "烟花爆竹经营（零售）许可证",
        "materials": "申请书\n营业执照",
        **fields,
    }
    return services.licensing_item_create(actor=None, name=name, **values)


def apply(
    item: LicensingItem, number: str = "SL2023001", *, enterprise: Enterprise | None = None, **fields
) -> LicensingCase:
    values = {"applicant": "某化工有限公司", "applied_on": D(2023, 9, 25), **fields}
    if enterprise is not None:
        values.update(applicant=enterprise.name, credit_code=enterprise.credit_code)
    return services.licensing_case_apply(actor=None, number=number, item=item, **values)


def accepted(item: LicensingItem, on: datetime.date, number: str = "SL2023001", **fields) -> LicensingCase:
    fields.setdefault("applied_on", on)
    return LICENSING_CASE.take("accept", apply(item, number, **fields), actor=None, accepted_on=on)


def granted(item: LicensingItem, on: datetime.date, number: str = "SL2023001", **fields) -> LicensingCase:
    case = accepted(item, on - datetime.timedelta(days=5), number, **fields)
    return LICENSING_CASE.take("decide", case, actor=None, decided_on=on, result="准予")
