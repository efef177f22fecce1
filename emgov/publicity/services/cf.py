"""Penalty decisions as they may be published: the public view of a decision and the "cf_" export.

Everything that leaves the bureau about a penalty decision (the public pages under /public/ and the
export to the national credit platform) goes through `public_penalty`, which keeps a natural person's
private data out: no ID number, no phone number, no address, the name masked.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

from django.db.models import QuerySet

from emgov.cases.models import PartyType, PenaltyCase, PenaltyKind
from emgov.core.credit_export import (
    PARTY_INDIVIDUAL_BUSINESS,
    PARTY_NATURAL,
    PARTY_ORGANISATION,
    bureau_agency,
    export_filename,
    mask_person_name,
    scrub_private,
    standard_date,
    wan_yuan,
    write_credit,
)

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

# 信用修复管理办法: a work-safety penalty stays published for at least one year from the decision.
PUBLICATION_YEARS = 1
VIOLATION_TYPE_MAX = 100


def party_category(case: PenaltyCase) -> str:
    if case.party_type == PartyType.NATURAL_PERSON:
        return PARTY_NATURAL
    if case.party_type == PartyType.SOLE_TRADER:
        return PARTY_INDIVIDUAL_BUSINESS
    return PARTY_ORGANISATION


def publication_end(decided_on: datetime.date | None) -> datetime.date | None:
    """公示截止期: one year after the decision (the minimum for work safety)."""
    if decided_on is None:
        return None
    try:
        return decided_on.replace(year=decided_on.year + PUBLICATION_YEARS)
    except ValueError:  # 29 February
        return decided_on.replace(year=decided_on.year + PUBLICATION_YEARS, day=28)


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
    decision_number: str
    violation_type: str
    facts: str
    legal_basis: str
    kinds: str
    content: str
    fine_amount: Decimal | None
    decided_on: datetime.date | None
    published_on: datetime.date | None
    ends_on: datetime.date | None


def penalty_content(case: PenaltyCase) -> str:
    parts = []
    for kind in case.penalty_kinds or []:
        if kind == PenaltyKind.FINE and case.fine_amount:
            parts.append(f"罚款人民币{case.fine_amount:,.2f}元")
        else:
            parts.append(str(kind))
    return "；".join(parts)


def public_penalty(case: PenaltyCase) -> PublicPenalty:
    natural = case.party_type == PartyType.NATURAL_PERSON
    person = case.party_name if natural else ""
    representative = ""
    if not natural and case.enterprise_id:
        representative = case.enterprise.legal_representative
    facts = scrub_private(case.violation, person_name=person)
    return PublicPenalty(
        pk=case.pk,
        party_name=mask_person_name(case.party_name) if natural else case.party_name,
        party_category=party_category(case),
        credit_code="" if natural else case.party_credit_code,
        representative=representative,
        decision_number=case.decision_number or "",
        violation_type=_first_sentence(facts),
        facts=facts,
        legal_basis=scrub_private(case.legal_basis, person_name=person),
        kinds="、".join(case.penalty_kinds or []),
        content=scrub_private(penalty_content(case), person_name=person),
        fine_amount=case.fine_amount,
        decided_on=case.decided_on,
        published_on=case.published_on,
        ends_on=publication_end(case.decided_on),
    )


def public_listing(case: PenaltyCase) -> dict[str, Any]:
    """The columns of the public list: read without the free-text fields."""
    natural = case.party_type == PartyType.NATURAL_PERSON
    return {
        "pk": case.pk,
        "decision_number": case.decision_number or "",
        "party_name": mask_person_name(case.party_name) if natural else case.party_name,
        "kinds": "、".join(case.penalty_kinds or []),
        "fine_amount": case.fine_amount,
        "decided_on": case.decided_on,
        "published_on": case.published_on,
    }


def cf_row(case: PenaltyCase, agency: str, agency_code: str) -> dict[str, Any]:
    shown = public_penalty(case)
    return {
        "cf_xdr_mc": shown.party_name,
        "cf_xdr_lb": shown.party_category,
        "cf_xdr_shxym": shown.credit_code,
        "cf_frdb": shown.representative,
        # Identity documents are never exported: a natural person's stay private, a representative's are
        # not required by the standard.
        "cf_fr_zjlx": "",
        "cf_fr_zjhm": "",
        "cf_xdr_zjlx": "",
        "cf_xdr_zjhm": "",
        "cf_wsh": shown.decision_number,
        "cf_wfxw": shown.violation_type,
        "cf_sy": shown.facts,
        "cf_yj": shown.legal_basis,
        "cf_cflb": shown.kinds,
        "cf_nr": shown.content,
        "cf_nr_fk": wan_yuan(shown.fine_amount),
        "cf_jdrq": shown.decided_on,
        "cf_yxq": shown.ends_on,
        "cf_gsjzq": shown.ends_on,
        "cf_cfjg": agency,
        "cf_cfjgdm": agency_code,
        "cf_sjly": agency,
        "cf_sjlydm": agency_code,
        "bz": "" if shown.decision_number else f"案件编号{case.case_number}，决定书文号未登记",
    }


def published_penalties(
    queryset: QuerySet[PenaltyCase], start: datetime.date, end: datetime.date
) -> QuerySet[PenaltyCase]:
    """Decisions whose publication in force began in start..end, inclusive: the rows of the cf_ export."""
    return (
        queryset.filter(voided_at__isnull=True, published_on__range=(start, end), decided_on__isnull=False)
        .select_related("enterprise")
        .order_by("published_on", "decision_number", "pk")
    )


def cf_rows(cases: Iterable[PenaltyCase]) -> Iterator[dict[str, Any]]:
    agency, agency_code = bureau_agency()
    for case in cases:
        yield cf_row(case, agency, agency_code)


def write_cf(cases: Iterable[PenaltyCase], target: BinaryIO, fmt: str) -> None:
    write_credit(target, fmt, CF_COLUMNS, cf_rows(cases), date_format=standard_date)


def cf_filename(start: datetime.date, end: datetime.date, fmt: str) -> str:
    return export_filename("行政处罚双公示_cf", start, end, fmt)
