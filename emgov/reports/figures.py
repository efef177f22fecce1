"""The report's figures (shared/spec/figures.md): each one named query over the records.

Every figure has a `records(scope)` queryset — the rows that make it up, which the report's drill-down
lists reuse — and a value computed from it by SQL aggregation. `compute(scope)` gives all of them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum

from emgov.cases.models import PenaltyCase
from emgov.core.models import Department, Region, RegionLevel
from emgov.enforcement import queries as enforcement_queries
from emgov.enforcement.models import Hazard, Operation, OperationKind, Order, OrderType, Visit, VisitNature
from emgov.legal.models import (
    CleanupResult,
    CounselKind,
    CounselRecord,
    ExamResult,
    LitigationCase,
    LitigationKind,
    NormativeDocument,
    StudyKind,
    StudySession,
)
from emgov.licensing.models import LicensingCase
from emgov.outreach import queries as outreach_queries
from emgov.outreach.models import OutreachActivity, OutreachKind
from emgov.preparedness.models import EventType
from emgov.publicity.models import DisclosureItem


@dataclass(frozen=True)
class Scope:
    """The region, the year up to the as-of date, and the bureau: what every figure is computed over."""

    year: int
    region: Region
    as_of: datetime.date
    bureau: Department | None
    # Totals of a block computed once for all its figures (`once`), for as long as this scope lives.
    cache: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, *, year: int, region_code: str, as_of: datetime.date | None = None) -> Scope:
        region = Region.with_reach().get(code=region_code)
        end = as_of or datetime.date(year, 12, 31)
        if end.year != year:
            raise ValueError(f"截止日期 {end} 不在 {year} 年内")
        return cls(
            year=year, region=region, as_of=end, bureau=Department.objects.filter(is_bureau=True).first()
        )

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def dates(self) -> tuple[datetime.date, datetime.date]:
        return (self.start, self.as_of)

    def live(self, model: Any) -> QuerySet:
        return model.objects.live().in_region(self.region)


@dataclass(frozen=True)
class Figure:
    key: str
    words: str
    records: Callable[[Scope], QuerySet]
    value: Callable[[Scope], Any]
    unit: str = ""


FIGURES: dict[str, Figure] = {}


def once(s: Scope, name: str, totals: Callable[[Scope], Any]) -> Any:
    """The grouped totals of a block: one statement for several figures of the same records."""
    if name not in s.cache:
        s.cache[name] = totals(s)
    return s.cache[name]


def figure(key: str, words: str, records: Callable[[Scope], QuerySet], unit: str = "") -> Callable:
    def register(value: Callable[[Scope], Any]) -> Callable[[Scope], Any]:
        FIGURES[key] = Figure(key, words, records, value, unit)
        return value

    return register


def count_of(key: str, words: str, records: Callable[[Scope], QuerySet], unit: str = "") -> None:
    figure(key, words, records, unit)(lambda s: records(s).count())


def sum_of(key: str, words: str, records: Callable[[Scope], QuerySet], column: str, unit: str = "") -> None:
    figure(key, words, records, unit)(lambda s: records(s).aggregate(total=Sum(column))["total"] or 0)


# Study ------------------------------------------------------------------------------------------

count_of(
    "study.central_group_sessions",
    "党委理论学习中心组开展专题学习研讨",
    unit="次",
    records=lambda s: s.live(StudySession).filter(kind=StudyKind.CENTRAL_GROUP, date__range=s.dates),
)


# Joint enforcement ------------------------------------------------------------------------------


# A visit of a live 联合执法 operation (counted by the operation's start date).
JOINT_VISIT = Q(operation__kind=OperationKind.JOINT, operation__voided_at__isnull=True)


def joint_visits(s: Scope) -> QuerySet:
    """Visits in the region belonging to a live 联合执法 operation starting in the year."""
    return s.live(Visit).filter(JOINT_VISIT, operation__start_date__range=s.dates)


def joint_operations(s: Scope) -> QuerySet:
    """联合执法 operations starting in the year with at least one (live) visit in the region.

    Stricter than an operation's own placement: one without visits does not count, whatever its 区划代码.
    Found from the region's visits, so that the district's records drive the query.
    """
    return Operation.objects.filter(pk__in=joint_visits(s).values("operation"))


def joint_totals(s: Scope) -> dict[str, Any]:
    return once(
        s,
        "joint",
        lambda s: joint_visits(s).aggregate(
            actions=Count("operation", distinct=True),
            visits=Count("pk"),
            towns=Count("enterprise__town", distinct=True),
        ),
    )


figure("joint.actions", "开展联合执法", joint_operations, unit="次")(lambda s: joint_totals(s)["actions"])
figure("joint.enterprise_visits", "检查企业", joint_visits, unit="家次")(lambda s: joint_totals(s)["visits"])


def joint_hazards(s: Scope) -> QuerySet:
    return Hazard.objects.live().filter(visit__in=joint_visits(s).values("pk"))


figure("joint.hazards_found", "查治隐患", joint_hazards, unit="个")(
    lambda s: once(s, "joint_hazards", lambda s: joint_hazards(s).count())
)
figure("joint.towns_covered", "覆盖镇街", joint_visits, unit="个")(lambda s: joint_totals(s)["towns"])


@figure("joint.industries", "覆盖行业领域", joint_visits)
def joint_industries(s: Scope) -> list[str]:
    return once(s, "joint_industries", lambda s: reached(s, "enterprise__industry"))


def reached(s: Scope, field: str) -> list[str]:
    """The distinct values of `field` over the region's 联合执法 visits of the year, sorted."""
    return sorted(joint_visits(s).order_by().values_list(field, flat=True).distinct())


def joint_suspension_orders(s: Scope) -> QuerySet:
    return Order.objects.live().filter(doc_type=OrderType.SUSPEND, visit__in=joint_visits(s).values("pk"))


@figure("joint.enterprises_suspended", "责令停产停业整顿", joint_suspension_orders, unit="家")
def joint_suspended(s: Scope) -> int:
    return once(
        s,
        "joint_suspended",
        lambda s: joint_suspension_orders(s).aggregate(n=Count("visit__enterprise", distinct=True))["n"],
    )


# Assistance and supervision ---------------------------------------------------------------------

ASSISTANCE = Q(nature=VisitNature.ASSISTANCE)


def assistance_visits(s: Scope) -> QuerySet:
    return s.live(Visit).filter(ASSISTANCE, date__range=s.dates)


figure("assistance.enterprise_visits", "帮扶指导重点企业", assistance_visits, unit="家次")(
    lambda s: once(s, "assistance", lambda s: assistance_visits(s).count())
)


def year_operations(s: Scope) -> list[tuple[int, str, str, bool]]:
    """(key, kind, leader level, 四不两直) of the region's operations starting in the year: placing an
    operation reads its visits, so the supervision figures place them once."""
    return once(
        s,
        "operations",
        lambda s: list(
            s.live(Operation)
            .filter(start_date__range=s.dates)
            .values_list("pk", "kind", "leader_level", "unannounced")
        ),
    )


figure(
    "supervision.leader_led",
    "区领导共带队督导检查安全生产",
    lambda s: s.live(Operation).filter(
        kind=OperationKind.SUPERVISION, start_date__range=s.dates, leader_level="区领导"
    ),
    unit="次",
)(
    lambda s: sum(
        1
        for _pk, kind, level, _u in year_operations(s)
        if kind == OperationKind.SUPERVISION and level == "区领导"
    )
)


def unannounced_operations(s: Scope) -> QuerySet:
    return s.live(Operation).filter(unannounced=True, start_date__range=s.dates)


@figure(
    "supervision.unannounced_months",
    "“四不两直”每月不少于2次、每次不少于3家企业、每月镇街全覆盖",
    unannounced_operations,
)
def unannounced_months(s: Scope) -> list[int]:
    return [m.month for m in unannounced_month_checks(s) if m.met]


def unannounced_visits(s: Scope) -> QuerySet:
    return s.live(Visit).filter(operation__in=unannounced_operations(s).values("pk"))


def unannounced_month_checks(s: Scope) -> list:
    """For each month up to the as-of month: the 四不两直 check of the scope's region (enforcement.queries).

    The region's operations are found once (placing an operation reads its visits), then named by key."""

    def checks(s: Scope) -> list:
        towns = Region.objects.filter(level=RegionLevel.TOWN, path__startswith=s.region.path)
        found = [pk for pk, _kind, _level, unannounced in year_operations(s) if unannounced]
        return enforcement_queries.unannounced_months(
            Operation.objects.filter(pk__in=found), s.live(Visit), towns, year=s.year, through=s.as_of
        )

    return once(s, "unannounced", checks)


# Publication, certificates, licensing -----------------------------------------------------------


def bureau_penalty_q(bureau: Department | None) -> Q:
    return Q(department=bureau)


def bureau_penalties(s: Scope) -> QuerySet:
    return s.live(PenaltyCase).filter(bureau_penalty_q(s.bureau))


def penalty_totals(s: Scope) -> dict[str, Any]:
    """The bureau's decisions and publications of the year: one statement for the three figures."""
    published, decided = Q(published_on__range=s.dates), Q(decided_on__range=s.dates)
    return once(
        s,
        "penalties",
        lambda s: (
            bureau_penalties(s)
            .filter(published | decided)
            .aggregate(
                published=Count("pk", filter=published),
                decided=Count("pk", filter=decided),
                fines=Sum("fine_amount", filter=decided),
            )
        ),
    )


figure(
    "double_publicity.penalty_records",
    "已报送处罚信息",
    lambda s: bureau_penalties(s).filter(published_on__range=s.dates),
    unit="条",
)(lambda s: penalty_totals(s)["published"])
count_of(
    "double_publicity.licensing_records",
    "已报送许可信息",
    unit="条",
    records=lambda s: s.live(LicensingCase).filter(published_on__range=s.dates),
)


def exam_rows(s: Scope) -> QuerySet:
    return s.live(ExamResult).filter(year=s.year)


count_of("certificates.exam_takers", "行政执法证网上考试参考", exam_rows, unit="人")


@figure("certificates.exam_pass_rate", "参考通过率", exam_rows)
def exam_pass_rate(s: Scope) -> float:
    totals = exam_rows(s).aggregate(takers=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
    return totals["passed"] / totals["takers"] if totals["takers"] else 0.0


count_of(
    "licensing.cases",
    "各类许可审批备案",
    unit="宗",
    records=lambda s: s.live(LicensingCase).filter(accepted_on__range=s.dates),
)


# Counsel, litigation, normative documents, disclosure -------------------------------------------

count_of(
    "counsel.opinions",
    "出具法律意见",
    unit="件",
    records=lambda s: s.live(CounselRecord).filter(kind=CounselKind.OPINION, date__range=s.dates),
)
count_of(
    "counsel.contract_reviews",
    "合同审查",
    unit="次",
    records=lambda s: s.live(CounselRecord).filter(kind=CounselKind.CONTRACT, date__range=s.dates),
)


def lawsuits(s: Scope) -> QuerySet:
    return s.live(LitigationCase).filter(kind=LitigationKind.LAWSUIT, received_on__range=s.dates)


count_of("litigation.cases", "行政诉讼案件", lawsuits, unit="宗")
count_of(
    "litigation.head_required", "行政机关负责人应出庭", lambda s: lawsuits(s).filter(head_required=True), "次"
)
count_of(
    "litigation.head_appeared",
    "实际出庭",
    unit="次",
    records=lambda s: lawsuits(s).filter(head_required=True, head_appeared=True),
)


def extended_documents(s: Scope) -> QuerySet:
    return s.live(NormativeDocument).filter(cleanup_result=CleanupResult.RETAIN, cleanup_on__range=s.dates)


@figure("normative.extended", "规范性文件延期保留", extended_documents)
def normative_extended(s: Scope) -> list[str]:
    return sorted(extended_documents(s).values_list("title", flat=True))


count_of(
    "disclosure.items",
    "已公开安全生产领域重点信息",
    unit="条",
    records=lambda s: s.live(DisclosureItem).filter(published_on__range=s.dates),
)


# Outreach ---------------------------------------------------------------------------------------


def outreach(s: Scope, *kinds: str, safety_month: bool | None = None) -> QuerySet:
    qs = s.live(OutreachActivity).filter(kind__in=kinds, start_date__range=s.dates)
    return qs if safety_month is None else qs.filter(safety_month=safety_month)


def counted_of(key: str, words: str, records: Callable[[Scope], QuerySet], unit: str) -> None:
    """Sum of the people each activity counts from its records (`outreach.queries.counted`)."""
    figure(key, words, records, unit)(lambda s: outreach_queries.counted_total(records(s)))


counted_of(
    "outreach.online_trainees",
    "完成线上培训",
    lambda s: outreach(s, OutreachKind.ONLINE),
    "人",
)
count_of("outreach.offline_sessions", "线下专场培训", lambda s: outreach(s, OutreachKind.OFFLINE), "场")
counted_of(
    "outreach.offline_participants",
    "线下专场培训参加人数",
    lambda s: outreach(s, OutreachKind.OFFLINE),
    "人",
)
counted_of(
    "outreach.safety_month_online",
    "“安全生产月”期间线上活动参加人数",
    lambda s: outreach(s, OutreachKind.COMPETITION, OutreachKind.ONLINE, safety_month=True),
    "人",
)
counted_of(
    "outreach.safety_month_audience",
    "“安全生产月”线下集中宣传受众",
    lambda s: outreach(s, OutreachKind.CAMPAIGN, safety_month=True),
    "人次",
)


# The bureau's own enforcement -------------------------------------------------------------------


def bureau_inspection_q(bureau: Department | None) -> Q:
    """The bureau's own enforcement inspections, at any date: the figures take the year's, the tallies
    (`tallies.py`) group them by place, year and month."""
    return Q(department=bureau, nature=VisitNature.ENFORCEMENT)


def valid_officer_q() -> Q:
    """An officer on a visit counts as a turnout while their certificate was valid on the visit's date."""
    return Q(officers__valid_until__isnull=True) | Q(officers__valid_until__gte=F("date"))


def bureau_inspections(s: Scope) -> QuerySet:
    return s.live(Visit).filter(bureau_inspection_q(s.bureau), date__range=s.dates)


def inspection_totals(s: Scope) -> dict[str, Any]:
    return once(
        s,
        "inspections",
        lambda s: bureau_inspections(s).aggregate(
            inspections=Count("pk"), enterprises=Count("enterprise", distinct=True)
        ),
    )


@figure("enforcement.officer_turnouts", "出动执法人员", bureau_inspections, unit="人次")
def officer_turnouts(s: Scope) -> int:
    return once(
        s,
        "officers",
        lambda s: bureau_inspections(s).aggregate(n=Count("officers", filter=valid_officer_q()))["n"],
    )


figure("enforcement.enterprises_inspected", "检查企业", bureau_inspections, unit="家")(
    lambda s: inspection_totals(s)["enterprises"]
)
figure("enforcement.inspections", "检查", bureau_inspections, unit="次")(
    lambda s: inspection_totals(s)["inspections"]
)


def bureau_hazards(s: Scope) -> QuerySet:
    return Hazard.objects.live().filter(visit__in=bureau_inspections(s).values("pk"))


figure("enforcement.hazards_found", "发现隐患", bureau_hazards, unit="处")(
    lambda s: once(s, "hazards_found", lambda s: bureau_hazards(s).count())
)


def bureau_decisions(s: Scope) -> QuerySet:
    return bureau_penalties(s).filter(decided_on__range=s.dates)


figure("enforcement.penalties", "行政处罚", bureau_decisions, unit="次")(
    lambda s: penalty_totals(s)["decided"]
)


@figure("enforcement.fines_yuan", "经济罚款", bureau_decisions, unit="元")
def fines_yuan(s: Scope) -> float:
    total = penalty_totals(s)["fines"] or Decimal(0)
    return int(total) if total == total.to_integral_value() else float(total)


# Preparedness -----------------------------------------------------------------------------------


@figure("preparedness.event_categories", "突发事件大类", lambda s: s.live(EventType), unit="大类")
def event_categories(s: Scope) -> int:
    return s.live(EventType).aggregate(n=Count("category", distinct=True))["n"]


count_of("preparedness.event_types", "突发事件类别", lambda s: s.live(EventType), unit="项")


def compute(scope: Scope) -> dict[str, Any]:
    return {key: fig.value(scope) for key, fig in FIGURES.items()}
