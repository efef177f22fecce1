"""The 双公示 licensing data in the "XK_" field standard (domain.md §2): one row per published decision.

The applicant is published as a penalty's party is (`core.credit_export.public_party`): a natural person's
name masked, no identity document, free text scrubbed; dates as the platform writes them (YYYY/MM/DD),
like the cf_ export."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

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
    write_credit,
)
from emgov.core.models import Department
from emgov.licensing.models import LicenceType, LicensingCase, LicensingCategory

XK_COLUMNS = [
    "XK_XDR_MC",
    "XK_XDR_LB",
    "XK_XDR_SHXYM",
    "XK_XDR_GSZC",
    "XK_XDR_ZZJG",
    "XK_XDR_SWDJ",
    "XK_XDR_SYDW",
    "XK_XDR_SHZZ",
    "XK_FRDB",
    "XK_FR_ZJLX",
    "XK_FR_SFZH",
    "XK_XDR_ZJLX",
    "XK_XDR_ZJHM",
    "XK_XKWS",
    "XK_WSH",
    "XK_XKLB",
    "XK_XKZS",
    "XK_XKBH",
    "XK_NR",
    "XK_JDRQ",
    "XK_YXQZ",
    "XK_YXQZI",
    "XK_XKJG",
    "XK_XKJGDM",
    "XK_ZT",
    "XK_LYDW",
    "XK_LYDWDM",
    "BZ",
]

PARTY_LEGAL = PARTY_ORGANISATION
STATUS_VALID = "1"


def party_category(case: LicensingCase) -> str:
    """A party with a 统一社会信用代码 is an organisation (92…: an individual business); without, a person."""
    code = case.credit_code
    if not code:
        return PARTY_NATURAL
    return PARTY_INDIVIDUAL_BUSINESS if code.startswith("92") else PARTY_LEGAL


def licence_type(case: LicensingCase) -> str:
    if case.item_id:
        return case.item.licence_type
    return LicenceType.REGISTRATION if case.category == LicensingCategory.FILING else LicenceType.ORDINARY


def applicant(case: LicensingCase) -> PublicParty:
    """The applicant as published: the same masking and ID handling as the penalty pages and cf_."""
    organisation = party_category(case) != PARTY_NATURAL
    representative = case.enterprise.legal_representative if organisation and case.enterprise_id else ""
    return public_party(
        name=case.applicant,
        category=party_category(case),
        credit_code=case.credit_code,
        representative=representative,
    )


def applicant_name(case: LicensingCase) -> str:
    """The applicant's name as published (without reading the enterprise)."""
    return public_party(name=case.applicant, category=party_category(case)).name


def xk_row(case: LicensingCase, agency: str, agency_code: str) -> dict[str, Any]:
    party = applicant(case)
    return {
        "XK_XDR_MC": party.name,
        "XK_XDR_LB": party.category,
        "XK_XDR_SHXYM": party.credit_code,
        "XK_FRDB": party.representative,
        # Identity documents are never exported: a natural person's stay private, a representative's are
        # not required by the standard (`core.credit_export.PublicParty`).
        "XK_FR_ZJLX": party.id_type,
        "XK_FR_SFZH": party.id_number,
        "XK_XDR_ZJLX": party.id_type,
        "XK_XDR_ZJHM": party.id_number,
        "XK_XKWS": case.decision_document or f"{case.result}{case.category}决定书",
        "XK_WSH": case.decision_number,
        "XK_XKLB": licence_type(case),
        "XK_XKZS": case.certificate_name,
        "XK_XKBH": case.certificate_number or case.decision_number,
        "XK_NR": party.text(case.decision_content or f"{case.item_name}（{case.result}）"),
        "XK_JDRQ": case.decided_on,
        "XK_YXQZ": case.valid_from or case.decided_on,
        "XK_YXQZI": case.valid_until,
        "XK_XKJG": agency,
        "XK_XKJGDM": agency_code,
        "XK_ZT": STATUS_VALID,
        "XK_LYDW": agency,
        "XK_LYDWDM": agency_code,
        "BZ": "" if case.decision_number else f"受理编号{case.number}，决定文书号未登记",
    }


def xk_rows(cases: Iterable[LicensingCase]) -> Iterator[dict[str, Any]]:
    """The rows; the licensing agency is the bureau (licences are decided by the bureau itself)."""
    agency, agency_code = bureau_agency()
    for case in cases:
        yield xk_row(case, agency, agency_code)


def export_warnings() -> list[str]:
    """Before the export: the bureau (licensing agency and data source) without a 统一社会信用代码."""
    return credit_code_warnings(Department.objects.filter(is_bureau=True))


def write_xk(cases: Iterable[LicensingCase], target: BinaryIO, fmt: str) -> None:
    write_credit(target, fmt, XK_COLUMNS, xk_rows(cases), date_format=standard_date)


def xk_filename(start: datetime.date, end: datetime.date, fmt: str) -> str:
    return export_filename("行政许可双公示_XK", start, end, fmt)
