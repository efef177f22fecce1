"""The 双公示 licensing data in the "XK_" field standard (domain.md §2): one row per published decision."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from emgov.core.credit_export import (
    PARTY_INDIVIDUAL_BUSINESS,
    PARTY_NATURAL,
    PARTY_ORGANISATION,
    bureau_agency,
    export_filename,
    write_credit,
)
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


def xk_row(case: LicensingCase, agency: str, agency_code: str) -> dict[str, Any]:
    organisation = party_category(case) != PARTY_NATURAL
    representative = case.enterprise.legal_representative if organisation and case.enterprise_id else ""
    return {
        "XK_XDR_MC": case.applicant,
        "XK_XDR_LB": party_category(case),
        "XK_XDR_SHXYM": case.credit_code,
        "XK_FRDB": representative,
        # Identity documents are not published: the standard does not require a legal representative's,
        # and a natural person's stays private.
        "XK_FR_ZJLX": "",
        "XK_FR_SFZH": "",
        "XK_XDR_ZJLX": "",
        "XK_XDR_ZJHM": "",
        "XK_XKWS": case.decision_document or f"{case.result}{case.category}决定书",
        "XK_WSH": case.decision_number,
        "XK_XKLB": licence_type(case),
        "XK_XKZS": case.certificate_name,
        "XK_XKBH": case.certificate_number or case.decision_number,
        "XK_NR": case.decision_content or f"{case.item_name}（{case.result}）",
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
    agency, agency_code = bureau_agency()
    for case in cases:
        yield xk_row(case, agency, agency_code)


def write_xk(cases: Iterable[LicensingCase], target: BinaryIO, fmt: str) -> None:
    write_credit(target, fmt, XK_COLUMNS, xk_rows(cases))


def xk_filename(start: datetime.date, end: datetime.date, fmt: str) -> str:
    return export_filename("行政许可双公示_XK", start, end, fmt)
