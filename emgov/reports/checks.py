"""What went wrong in the year: the counts offered to the report's problems section (二、存在问题及原因).

Each check is a `Figure` like those of `figures.py` (a `records(scope)` queryset and a value), kept in
its own registry `CHECKS` so that the figures of the spec stay exactly those of figures.md.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from functools import reduce
from operator import or_

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from emgov.core.models.officers import CertificateStatus, Officer
from emgov.core.workdays import WorkdayCalendar
from emgov.enforcement.models import Hazard, Visit
from emgov.enforcement.queries import revisit_candidates
from emgov.reports.figures import Figure, Scope, bureau_decisions, bureau_inspections

PUBLICATION_WORKDAYS = 7
DECISION_LIMIT_DAYS = 90
CERTIFICATE_WARNING_DAYS = 90

CHECKS: dict[str, Figure] = {}


def check(key: str, words: str, records: Callable[[Scope], QuerySet], unit: str) -> None:
    CHECKS[key] = Figure(key, words, records, lambda s: records(s).count(), unit)


def _late(
    qs: QuerySet, start: str, end: str, due: Callable[[datetime.date], datetime.date], as_of
) -> QuerySet:
    """Rows whose `end` date came after due(`start`), or is still empty although that day has passed.

    The due dates are computed once per distinct start date (a few hundred a year), then the rows are
    selected in SQL: one clause per distinct due date.
    """
    starts_by_due: dict[datetime.date, list[datetime.date]] = defaultdict(list)
    for day in qs.order_by().values_list(start, flat=True).distinct():
        starts_by_due[due(day)].append(day)
    clauses = [
        Q(**{f"{start}__in": starts, f"{end}__gt": limit})
        | (Q(**{f"{start}__in": starts, f"{end}__isnull": True}) if limit < as_of else Q(pk__in=[]))
        for limit, starts in starts_by_due.items()
    ]
    return qs.filter(reduce(or_, clauses)) if clauses else qs.none()


def visits_without_av(s: Scope) -> QuerySet:
    return bureau_inspections(s).filter(av_recorded=False)


def decisions_published_late(s: Scope) -> QuerySet:
    calendar = WorkdayCalendar()
    return _late(
        bureau_decisions(s),
        "decided_on",
        "published_on",
        lambda day: calendar.add_workdays(day, PUBLICATION_WORKDAYS),
        s.as_of,
    )


def decisions_past_limit(s: Scope) -> QuerySet:
    """Decisions made after their limit: the recorded one (90 days, or as extended with approval), else
    90 days from filing for cases imported without it."""
    limit = datetime.timedelta(days=DECISION_LIMIT_DAYS)
    decisions = bureau_decisions(s)
    imported = _late(
        decisions.filter(decision_due_on__isnull=True), "filed_on", "decided_on", lambda d: d + limit, s.as_of
    )
    return decisions.filter(
        Q(decision_due_on__isnull=False, decided_on__gt=F("decision_due_on"))
        | Q(pk__in=imported.values("pk"))
    )


def hazards_overdue(s: Scope) -> QuerySet:
    """Hazards found up to the as-of date whose rectification deadline has passed with no rectification."""
    return s.live(Hazard).filter(visit__date__lte=s.as_of, deadline__lt=s.as_of, rectified_on__isnull=True)


def certificates_expiring(s: Scope) -> QuerySet:
    """Valid certificates of officers of the region's departments expiring within 90 days of the as-of date."""
    return Officer.objects.filter(
        status=CertificateStatus.VALID,
        valid_until__range=(s.as_of, s.as_of + datetime.timedelta(days=CERTIFICATE_WARNING_DAYS)),
        department__region__path__startswith=s.region.path,
    )


check("problems.visits_without_av", _("执法检查未留存音像记录"), visits_without_av, "次")
check("problems.decisions_published_late", _("处罚决定未在7个工作日内公示"), decisions_published_late, "宗")
check("problems.decisions_past_limit", _("处罚案件超过90日作出决定"), decisions_past_limit, "宗")
check("problems.hazards_overdue", _("隐患逾期未整改"), hazards_overdue, "处")
check("problems.certificates_expiring", _("执法证90日内到期"), certificates_expiring, "人")


def revisit_enterprises(s: Scope) -> QuerySet:
    """Next year's 回头看 list: the enterprises of the industrial parks (村级工业园) inspected this year."""
    return revisit_candidates(s.live(Visit).filter(date__lte=s.as_of), s.year)


check(
    "plan.revisit_candidates", _("下一年度“回头看”企业（本年检查过的村级工业园）"), revisit_enterprises, "家"
)
