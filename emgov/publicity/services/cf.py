"""Penalty decisions as they may be published: the public view of a decision and the "cf_" export.

Everything that leaves the bureau about a penalty decision (the public pages under /public/ and the
export to the national credit platform) goes through `public_penalty`, which keeps a natural person's
private data out (`core.credit_export.public_party`: no ID number, no phone number, no address, the name
masked), names the department that decided, and carries the decision's periods (`services.periods`):
a decision past its 公示截止期 is neither shown nor exported.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

from django.db.models import Q, QuerySet

from emgov.cases.models import PartyType, PenaltyCase, PenaltyKind
from emgov.core.credit_export import (
    PARTY_INDIVIDUAL_BUSINESS,
    PARTY_NATURAL,
    PARTY_ORGANISATION,
    PublicParty,
    bureau_agency,
    credit_code_warnings,
    export_filename,
    public_party,
    standard_date,
    wan_yuan,
    write_credit,
)
from emgov.core.models import Department
from emgov.publicity.services.periods import DisplayPeriod, PeriodRules, on_display

CF_COLUMNS = [
    "cf_xdr_mc",
    "cf_xdr_lb",
    "cf_xdr_shxym",
    "cf_xdr_gszc",
    "cf_xdr_zzjg",
    "cf_xdr_swdj",
    "cf_xdr_sydw",
    "cf_xdr_shzz",
    "cf_frdb",
    "cf_fr_zjlx",
    "cf_fr_zjhm",
    "cf_xdr_zjlx",
    "cf_xdr_zjhm",
    "cf_wsh",
    "cf_wfxw",
    "cf_sy",
    "cf_yj",
    "cf_cflb",
    "cf_nr",
    "cf_nr_fk",
    "cf_nr_wfff",
    "cf_nr_zkdx",
    "cf_jdrq",
    "cf_yxq",
    "cf_gsjzq",
    "cf_cfjg",
    "cf_cfjgdm",
    "cf_sjly",
    "cf_sjlydm",
    "bz",
]

VIOLATION_TYPE_MAX = 100


def party_category(case: PenaltyCase) -> str:
    if case.party_type == PartyType.NATURAL_PERSON:
        return PARTY_NATURAL
    if case.party_type == PartyType.SOLE_TRADER:
        return PARTY_INDIVIDUAL_BUSINESS
    return PARTY_ORGANISATION


def party_of(case: PenaltyCase) -> PublicParty:
    """The party as published (the same on the public pages, in cf_ and, for licensing, in XK_)."""
    representative = case.enterprise.legal_representative if case.enterprise_id else ""
    return public_party(
        name=case.party_name,
        category=party_category(case),
        credit_code=case.party_credit_code,
        representative=representative,
    )


def _first_sentence(text: str) -> str:
    for stop in ("。", "\n", "；"):
        if stop in text:
            text = text.split(stop, 1)[0]
    return text.strip()[:VIOLATION_TYPE_MAX]


@dataclass(frozen=True)
class PublicPenalty:
    """The publishable fields of one penalty decision."""

    pk: int
    party_name: str
    party_category: str
    credit_code: str
    representative: str
    id_type: str
    id_number: str
    decision_number: str
    violation_type: str
    facts: str
    legal_basis: str
    kinds: str
    content: str
    fine_amount: Decimal | None
    decided_on: datetime.date | None
    published_on: datetime.date | None
    period: DisplayPeriod | None
    # 处罚机关: the department that decided (消防, 住建 … or the bureau), with its credit code.
    agency: str
    agency_code: str

    @property
    def ends_on(self) -> datetime.date | None:
        """公示截止期: the last day of the longest period."""
        return self.period.until if self.period else None


def penalty_content(case: PenaltyCase) -> str:
    parts = []
    for kind in case.penalty_kinds or []:
        if kind == PenaltyKind.FINE and case.fine_amount:
            parts.append(f"罚款人民币{case.fine_amount:,.2f}元")
        else:
            parts.append(str(kind))
    return "；".join(parts)


def public_penalty(case: PenaltyCase, periods: PeriodRules | None = None) -> PublicPenalty:
    party = party_of(case)
    facts = party.text(case.violation)
    department = case.department
    return PublicPenalty(
        pk=case.pk,
        party_name=party.name,
        party_category=party.category,
        credit_code=party.credit_code,
        representative=party.representative,
        id_type=party.id_type,
        id_number=party.id_number,
        decision_number=case.decision_number or "",
        violation_type=_first_sentence(facts),
        facts=facts,
        legal_basis=party.text(case.legal_basis),
        kinds="、".join(case.penalty_kinds or []),
        content=party.text(penalty_content(case)),
        fine_amount=case.fine_amount,
        decided_on=case.decided_on,
        published_on=case.published_on,
        period=(periods or PeriodRules.load()).of(case),
        agency=department.name,
        agency_code=department.credit_code,
    )


def public_listing(case: PenaltyCase) -> dict[str, Any]:
    """The columns of the public list: read without the free-text fields."""
    return {
        "pk": case.pk,
        "decision_number": case.decision_number or "",
        "party_name": public_party(name=case.party_name, category=party_category(case)).name,
        "kinds": "、".join(case.penalty_kinds or []),
        "fine_amount": case.fine_amount,
        "decided_on": case.decided_on,
        "published_on": case.published_on,
    }


def cf_row(case: PenaltyCase, periods: PeriodRules, source: tuple[str, str]) -> dict[str, Any]:
    """One decision in the cf_ standard. 处罚机关 is the deciding department; 数据来源单位 the bureau,
    which reports the data of its system."""
    shown = public_penalty(case, periods)
    return {
        "cf_xdr_mc": shown.party_name,
        "cf_xdr_lb": shown.party_category,
        "cf_xdr_shxym": shown.credit_code,
        "cf_frdb": shown.representative,
        "cf_fr_zjlx": shown.id_type,
        "cf_fr_zjhm": shown.id_number,
        "cf_xdr_zjlx": shown.id_type,
        "cf_xdr_zjhm": shown.id_number,
        "cf_wsh": shown.decision_number,
        "cf_wfxw": shown.violation_type,
        "cf_sy": shown.facts,
        "cf_yj": shown.legal_basis,
        "cf_cflb": shown.kinds,
        "cf_nr": shown.content,
        "cf_nr_fk": wan_yuan(shown.fine_amount),
        "cf_jdrq": shown.decided_on,
        # 处罚有效期 and 公示截止期: the end of the longest period (publicity.rules).
        "cf_yxq": shown.ends_on,
        "cf_gsjzq": shown.ends_on,
        "cf_cfjg": shown.agency,
        "cf_cfjgdm": shown.agency_code,
        "cf_sjly": source[0],
        "cf_sjlydm": source[1],
        "bz": "" if shown.decision_number else f"案件编号{case.case_number}，决定书文号未登记",
    }


def _published_in(queryset: QuerySet[PenaltyCase], start: datetime.date, end: datetime.date):
    return queryset.filter(voided_at__isnull=True, published_on__range=(start, end), decided_on__isnull=False)


def published_penalties(
    queryset: QuerySet[PenaltyCase],
    start: datetime.date,
    end: datetime.date,
    *,
    today: datetime.date | None = None,
    periods: PeriodRules | None = None,
) -> QuerySet[PenaltyCase]:
    """The rows of the cf_ export: decisions whose publication in force began in start..end, inclusive,
    and whose longest period has not ended (a decision past its 公示截止期 is no longer reported)."""
    shown = on_display(_published_in(queryset, start, end), today, periods)
    return shown.select_related("enterprise", "department").order_by("published_on", "decision_number", "pk")


def past_display_count(
    queryset: QuerySet[PenaltyCase],
    start: datetime.date,
    end: datetime.date,
    today: datetime.date | None = None,
) -> int:
    """How many decisions published in start..end are left out of the export: their period has ended."""
    published = _published_in(queryset, start, end)
    return published.count() - on_display(published, today).count()


def export_warnings(queryset: QuerySet[PenaltyCase]) -> list[str]:
    """Before the export: the bureau (the data source) and the deciding departments of the published
    decisions of `queryset`, each that has no 统一社会信用代码 named (one query)."""
    published = queryset.filter(voided_at__isnull=True, published_on__isnull=False)
    departments = Department.objects.filter(Q(pk__in=published.values("department")) | Q(is_bureau=True))
    return credit_code_warnings(departments.order_by("-is_bureau", "short_name"))


def cf_rows(cases: Iterable[PenaltyCase]) -> Iterator[dict[str, Any]]:
    periods = PeriodRules.load()
    source = bureau_agency()
    for case in cases:
        yield cf_row(case, periods, source)


def write_cf(cases: Iterable[PenaltyCase], target: BinaryIO, fmt: str) -> None:
    write_credit(target, fmt, CF_COLUMNS, cf_rows(cases), date_format=standard_date)


def cf_filename(start: datetime.date, end: datetime.date, fmt: str) -> str:
    return export_filename("行政处罚双公示_cf", start, end, fmt)
