"""What the records say beyond the figures of the spec.

- `CHECKS`: what went wrong in the year, the counts offered to the problems section (二、存在问题及原因).
- `STATEMENTS`: sentences the records decide (负责人出庭, 四不两直 coverage, the joint departments).
- `CLAIMS`: facts typed into a narrative, checked against the records before the report is exported.

Checks and statements are `Figure`s like those of `figures.py` (a `records(scope)` queryset and a value),
kept in their own registries so that the figures of the spec stay exactly those of figures.md.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import DateField, Exists, F, Func, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from emgov.cases.rules import DECISION_DAYS
from emgov.core.models import Region, RegionLevel
from emgov.core.models.officers import CertificateStatus, Officer
from emgov.core.workdays import WorkdayCalendar
from emgov.enforcement.models import Hazard, Visit
from emgov.enforcement.queries import (
    MIN_ENTERPRISES_PER_OPERATION,
    MIN_OPERATIONS_PER_MONTH,
    MonthStatus,
    revisit_candidates,
)
from emgov.enterprises.models import Enterprise
from emgov.publicity.rules import PENALTY_PUBLICATION_DAYS
from emgov.reports.figures import (
    FIGURES,
    Figure,
    Scope,
    bureau_decisions,
    bureau_inspections,
    joint_visits,
    lawsuits,
    once,
    reached,
    unannounced_month_checks,
    unannounced_operations,
)
from emgov.reports.wording import months as months_words

PUBLICATION_WORKDAYS = int(PENALTY_PUBLICATION_DAYS.default)
DECISION_LIMIT_DAYS = int(DECISION_DAYS.default)
CERTIFICATE_WARNING_DAYS = 90

CHECKS: dict[str, Figure] = {}


def check(key: str, words: str, records: Callable[[Scope], QuerySet], unit: str) -> None:
    CHECKS[key] = Figure(key, words, records, lambda s: records(s).count(), unit)


def _late(
    qs: QuerySet, start: str, end: str, due: Callable[[datetime.date], datetime.date], as_of
) -> QuerySet:
    """Rows whose `end` date came after due(`start`), or is still empty although that day has passed.

    The due dates are computed once per distinct start date (a few hundred a year), then the rows are
    selected in SQL by one flat CASE from start date to due date (an OR per due date nests too deep for
    SQLite's parser at a province's size).
    """
    days = {day: due(day) for day in qs.order_by().values_list(start, flat=True).distinct()}
    if not days:
        return qs.none()
    late = Q(**{f"{end}__gt": F("_due_on")}) | Q(**{f"{end}__isnull": True, "_due_on__lt": as_of})
    return qs.alias(_due_on=DueOn(F(start), days)).filter(late)


class DueOn(Func):
    """`CASE day WHEN d THEN due(d) … END` over the days of `days`: one expression rather than a `When`
    per day, which the ORM would copy branch by branch each time the query is resolved."""

    output_field = DateField()

    def __init__(self, day: Any, days: dict[datetime.date, datetime.date]) -> None:
        super().__init__(day)
        self.days = days

    def as_sql(self, compiler, connection, **extra) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.source_expressions[0])
        adapt = connection.ops.adapt_datefield_value
        values = [adapt(d) for pair in self.days.items() for d in pair]
        return f"CASE {sql} {' '.join(['WHEN %s THEN %s'] * len(self.days))} END", [*params, *values]


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
    # Read from the unrectified hazards' index (`hazard_unrectified_deadline`), leaving out the few found
    # after the as-of date: the visits after it are far fewer than those up to it.
    found_later = Visit.objects.filter(pk=OuterRef("visit_id"), date__gt=s.as_of)
    return s.live(Hazard).filter(deadline__lt=s.as_of, rectified_on__isnull=True).exclude(Exists(found_later))


def certificates_expiring(s: Scope) -> QuerySet:
    """Valid certificates of officers of the region's departments expiring within 90 days of the as-of date."""
    return Officer.objects.filter(
        status=CertificateStatus.VALID,
        valid_until__range=(s.as_of, s.as_of + datetime.timedelta(days=CERTIFICATE_WARNING_DAYS)),
        department__region__path__startswith=s.region.path,
    )


CHECKS["problems.visits_without_av"] = Figure(
    "problems.visits_without_av",
    _("执法检查未留存音像记录"),
    visits_without_av,
    lambda s: once(s, "unrecorded", lambda s: visits_without_av(s).count()),
    "次",
)
check("problems.decisions_published_late", _("处罚决定未在7个工作日内公示"), decisions_published_late, "宗")
check("problems.decisions_past_limit", _("处罚案件超过90日作出决定"), decisions_past_limit, "宗")
check("problems.hazards_overdue", _("隐患逾期未整改"), hazards_overdue, "处")
check("problems.certificates_expiring", _("执法证90日内到期"), certificates_expiring, "人")


def revisit_enterprises(s: Scope) -> QuerySet:
    """Next year's 回头看 list: the enterprises of the industrial parks (村级工业园) inspected this year."""
    return revisit_candidates(s.live(Visit).filter(date__lte=s.as_of), s.year, enterprises=s.live(Enterprise))


check(
    "plan.revisit_candidates", _("下一年度“回头看”企业（本年检查过的村级工业园）"), revisit_enterprises, "家"
)


# Statements: the words the records decide ------------------------------------------------------------
#
# A sentence of the narrative that states a fact is a placeholder of this registry, so that it says what
# the records say: `{{ litigation.head_absence }}` reads "无行政机关负责人应出庭而未出庭的情形" only when
# no lawsuit of the year lacked the head who had to appear. Each is a `Figure` (its records are what the
# words rest on, listed by the drill-down page); they are not compared with last year.

STATEMENTS: dict[str, Figure] = {}


def statement(key: str, words: str, records: Callable[[Scope], QuerySet]) -> Callable:
    def register(value: Callable[[Scope], Any]) -> Callable[[Scope], Any]:
        STATEMENTS[key] = Figure(key, words, records, value)
        return value

    return register


HEAD_NEVER_ABSENT = "无行政机关负责人应出庭而未出庭的情形"


def lawsuits_head_absent(s: Scope) -> QuerySet:
    """Lawsuits of the year where the head had to appear in court and did not."""
    return lawsuits(s).filter(head_required=True, head_appeared=False)


@statement(
    "litigation.head_absence",
    _("行政机关负责人应出庭而未出庭的情形（据行政诉讼记录）"),
    lawsuits_head_absent,
)
def head_absence(s: Scope) -> str:
    absent = lawsuits_head_absent(s).count()
    if not absent:
        return HEAD_NEVER_ABSENT
    return f"有{absent}次行政机关负责人应出庭而未出庭的情形"


def judged_months(s: Scope) -> list[MonthStatus]:
    """The 四不两直 months the report can judge: those ended by the as-of date (a month still running
    is not yet short of anything)."""
    checks = unannounced_month_checks(s)
    return [m for m in checks if _month_end(s.year, m.month) <= s.as_of]


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _requirement(towns: int) -> str:
    return (
        f"每月不少于{MIN_OPERATIONS_PER_MONTH}次、每次不少于{MIN_ENTERPRISES_PER_OPERATION}家企业（场所）、"
        f"每月{towns}个镇街全覆盖"
    )


def _shortfall(month: MonthStatus) -> str:
    parts = []
    if month.missing_operations:
        parts.append(f"仅{month.operation_count}次")
    if month.short_operations:
        parts.append(f"{len(month.short_operations)}次不足{MIN_ENTERPRISES_PER_OPERATION}家企业")
    if month.missing_towns:
        parts.append("未覆盖" + "、".join(t.name for t in month.missing_towns))
    return f"{month.month}月" + "、".join(parts)


@statement(
    "supervision.monthly_coverage",
    _("“四不两直”每月不少于2次、每次不少于3家企业、每月镇街全覆盖的落实情况（据行动和检查记录）"),
    unannounced_operations,
)
def monthly_coverage(s: Scope) -> str:
    months = judged_months(s)
    towns = len(months[0].towns) if months else _region_towns(s)
    if months and all(m.met for m in months):
        return (
            f"做实每月不少于{MIN_OPERATIONS_PER_MONTH}次、每次不少于{MIN_ENTERPRISES_PER_OPERATION}家企业（场所）、"
            f"每月实现{towns}个镇街全覆盖的督导检查工作"
        )
    plan = f"按{_requirement(towns)}的要求开展督导检查工作"
    if not months:
        return plan
    met = [m.month for m in months if m.met]
    short = "；".join(_shortfall(m) for m in months if not m.met)
    if not met:
        return f"{plan}，各月均未达到要求（{short}）"
    return f"{plan}，其中{months_words(met)}达到要求，其余月份未达到（{short}）"


def _region_towns(s: Scope) -> int:
    return Region.objects.filter(level=RegionLevel.TOWN, path__startswith=s.region.path).count()


@statement("joint.departments", _("参加联合执法的部门（简称）"), joint_visits)
def joint_departments(s: Scope) -> list[str]:
    return once(s, "joint_departments", lambda s: reached(s, "department__short_name"))


# Claims: facts typed into a narrative, checked before the report leaves -------------------------------
#
# A writer may type a fact instead of using a statement (or keep last year's words). Each claim finds
# such words in the rendered report and says why the records contradict them; a report with any is not
# exported (`annual.export_problems`) until the writer edits it.


@dataclass(frozen=True)
class Problem:
    key: str
    label: str
    message: str


@dataclass(frozen=True)
class Claim:
    key: str
    label: str
    pattern: re.Pattern
    contradicts: Callable[[Scope, re.Match], str | None]


def _named(match: re.Match) -> list[str]:
    return [item.strip() for item in re.split(r"[、,，和]", match.group(1)) if item.strip()]


def _head_absence_claim(s: Scope, match: re.Match) -> str | None:
    absent = lawsuits_head_absent(s).count()
    if not absent:
        return None
    return f"文稿称“{match.group(0)}”，但记录中有{absent}宗行政诉讼负责人应出庭而未出庭。"


def _coverage_claim(s: Scope, match: re.Match) -> str | None:
    months = judged_months(s)
    stated = int(match.group(1))
    towns = len(months[0].towns) if months else _region_towns(s)
    problems = []
    if stated != towns:
        problems.append(f"本区划有{towns}个镇街")
    short = [_shortfall(m) for m in months if not m.met]
    if short:
        problems.append("；".join(short))
    return f"文稿称“{match.group(0)}”，但{'；'.join(problems)}。" if problems else None


def _listed_claim(what: str, key: str) -> Callable[[Scope, re.Match], str | None]:
    def contradicts(s: Scope, match: re.Match) -> str | None:
        value = figure_value(key, s)
        missing = [item for item in _named(match) if item not in value]
        if not missing:
            return None
        return f"文稿称“{match.group(0)}”，但本年{what}没有：{'、'.join(missing)}。"

    return contradicts


def figure_value(key: str, s: Scope) -> Any:
    return (FIGURES.get(key) or STATEMENTS[key]).value(s)


CLAIMS = [
    Claim(
        "claims.litigation_head_absence",
        _("行政机关负责人出庭应诉"),
        re.compile(r"无[^。；，]{0,8}负责人应出庭而未出庭(?:的(?:情形|情况))?"),
        _head_absence_claim,
    ),
    Claim(
        "claims.monthly_coverage",
        _("“四不两直”每月镇街全覆盖"),
        re.compile(r"每月实现(\d+)个镇街全覆盖"),
        _coverage_claim,
    ),
    Claim(
        "claims.joint_industries",
        _("联合执法覆盖的行业领域"),
        re.compile(r"以及([^。；，]+?)等行业领域"),
        _listed_claim("联合执法检查的企业的行业", "joint.industries"),
    ),
    Claim(
        "claims.joint_departments",
        _("参加联合执法的部门"),
        # From a clause's start only: tried at every character, the search re-read each clause to its end.
        re.compile(r"(?:(?<=[。；，])|^)([^。；，]+?)等部门先后开展联合执法"),
        _listed_claim("参加联合执法的部门", "joint.departments"),
    ),
]


def contradictions(s: Scope, text: str) -> list[Problem]:
    """Each fact of `text` (a rendered report) that the records of `s` contradict, with its claim."""
    found = []
    for claim in CLAIMS:
        for match in claim.pattern.finditer(text):
            message = claim.contradicts(s, match)
            if message:
                found.append(Problem(claim.key, str(claim.label), message))
    return found
