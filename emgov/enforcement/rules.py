"""Rules of enforcement records: the time limits declared in the rule table (`core.rules`, listed on the
page 法定期限与规则 and read on the record's own date), and the checks that look beyond one record, which
forms, API and imports all call."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import rules
from emgov.core.models import Department, Officer
from emgov.core.models.officers import CertificateStatus
from emgov.enforcement.models import VisitNature

# Enforcement is done by at least two officers holding enforcement certificates: the bureau's 执法检查
# and every re-inspection (复查) of the hazards it found.
OFFICERS_ARTICLE = "行政处罚法第四十二条第一款"
MIN_OFFICERS_RULE = rules.declare(
    "enforcement.min_officers",
    gettext_lazy("执法检查、整改复查的执法人员（最少）"),
    2,
    gettext_lazy("人"),
    OFFICERS_ARTICLE,
    gettext_lazy("执法人员不得少于两人，且执法证在检查、复查当日有效：本局的执法检查、整改复查"),
)
MIN_OFFICERS = int(MIN_OFFICERS_RULE.default)

# 查封、扣押 (行政强制法第二十五条第一款): read on the seizure's issue date.
SEIZURE_DAYS = rules.declare(
    "enforcement.seizure_days",
    gettext_lazy("查封扣押期限"),
    30,
    gettext_lazy("日"),
    "行政强制法第二十五条第一款",
    gettext_lazy("查封扣押决定书：自签发之日起计算查封扣押期限；期限内作出处理决定（第二十七条）"),
)
SEIZURE_EXTENSION_DAYS = rules.declare(
    "enforcement.seizure_extension_days",
    gettext_lazy("查封扣押延长期限（最长）"),
    30,
    gettext_lazy("日"),
    "行政强制法第二十五条第一款",
    gettext_lazy("延长查封扣押期限：情况复杂的，经行政机关负责人批准，延长一次"),
)


def seizure_days(issued_on: datetime.date, region=None) -> int:
    """The term of a seizure issued on `issued_on` (in `region`)."""
    return rules.days(SEIZURE_DAYS.key, on=issued_on, region=region)


def seizure_extension_days(issued_on: datetime.date, region=None) -> int:
    """The longest extension of a seizure issued on `issued_on` (in `region`)."""
    return rules.days(SEIZURE_EXTENSION_DAYS.key, on=issued_on, region=region)


def check_visit_officers(
    *, department: Department, nature: str, date: datetime.date, officers: Iterable[Officer]
) -> None:
    """The bureau's 执法检查 needs at least two officers, each holding a certificate valid that day."""
    if not (department.is_bureau and nature == VisitNature.ENFORCEMENT):
        return
    check_officers(date=date, officers=officers, what=gettext_lazy("本局的执法检查"))


def certificate_problem(officer: Officer, day: datetime.date) -> str:
    """Why `officer`'s certificate may not be used on `day`, or ""."""
    if officer.status != CertificateStatus.VALID:
        return _("执法证%(status)s") % {"status": officer.get_status_display()}
    if officer.valid_until and day > officer.valid_until:
        return _("执法证已于%(d)s到期") % {"d": officer.valid_until}
    return ""


def check_officers(*, date: datetime.date, officers: Iterable[Officer], what: str | Promise) -> None:
    """At least two officers, each with a certificate valid on `date` (行政处罚法第四十二条第一款)."""
    officers = list(officers)
    invalid = [o for o in officers if not o.certificate_valid_on(date)]
    if invalid:
        names = "、".join(f"{o.name}（{o.certificate_number}）" for o in invalid)
        raise ValidationError(
            {
                "officers": _("执法人员%(names)s的执法证在%(d)s无效（已过期、暂扣或注销）（%(article)s）")
                % {"names": names, "d": date, "article": OFFICERS_ARTICLE}
            },
            code="certificate_invalid",
        )
    if len(officers) < MIN_OFFICERS:
        raise ValidationError(
            {
                "officers": _("%(what)s须有至少两名持有效执法证的执法人员，本条只有%(n)s名（%(article)s）")
                % {"what": what, "n": len(officers), "article": OFFICERS_ARTICLE}
            },
            code="too_few_officers",
        )
