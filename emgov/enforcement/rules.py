"""Rules of enforcement records that look beyond one record; forms, API and imports all call these."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core.models import Department, Officer
from emgov.enforcement.models import VisitNature

MIN_OFFICERS = 2


def check_visit_officers(
    *, department: Department, nature: str, date: datetime.date, officers: Iterable[Officer]
) -> None:
    """The bureau's 执法检查 needs at least two officers, each holding a certificate valid that day."""
    if not (department.is_bureau and nature == VisitNature.ENFORCEMENT):
        return
    officers = list(officers)
    invalid = [o for o in officers if not o.certificate_valid_on(date)]
    if invalid:
        names = "、".join(f"{o.name}（{o.certificate_number}）" for o in invalid)
        raise ValidationError(
            {
                "officers": _("执法人员%(names)s的执法证在%(d)s无效（已过期、暂扣或注销）")
                % {"names": names, "d": date}
            },
            code="certificate_invalid",
        )
    if len(officers) < MIN_OFFICERS:
        raise ValidationError(
            {
                "officers": _("本局的执法检查须有至少两名持有效执法证的执法人员，本条只有%(n)s名")
                % {"n": len(officers)}
            },
            code="too_few_officers",
        )
