"""The 双公示 exports to the national credit platform (信用中国): shared by the XK_ and cf_ standards.

Rows are written as .xlsx or .csv (UTF-8 with BOM, so that Excel opens it); amounts are reported in
万元 (10,000 yuan) with six decimals (decimal(18,6)); a natural person's private data never leaves.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, BinaryIO

from django.core.management.base import BaseCommand, CommandError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from emgov.core.interchange.files import FORMATS, FileError, file_format, write_rows
from emgov.core.masking import mask_person_name, mask_personal
from emgov.core.models import Department

# 行政相对人类别 of the credit platform.
PARTY_ORGANISATION = "法人及非法人组织"
PARTY_INDIVIDUAL_BUSINESS = "个体工商户"
PARTY_NATURAL = "自然人"

WAN = Decimal("10000")
WAN_PLACES = Decimal("0.000001")


def wan_yuan(amount: Decimal | int | float | None) -> Decimal | None:
    """An amount in yuan, in 万元 with six decimals (the standard's decimal(18,6))."""
    if amount is None:
        return None
    return (Decimal(str(amount)) / WAN).quantize(WAN_PLACES, rounding=ROUND_HALF_UP)


def scrub_private(text: str, *, person_name: str = "") -> str:
    """Free text made fit to publish (`masking.mask_personal`): the public pages use the same function."""
    return mask_personal(text, person_name=person_name)


@dataclass(frozen=True)
class PublicParty:
    """行政相对人 as the bureau publishes it, on the public pages and in the cf_ and XK_ exports alike.

    A natural person's name is masked (`mask_person_name`), and neither a credit code nor a legal
    representative is shown for them; their 证件类型 and 证件号码 are never published nor exported
    (the system keeps no identity document number, and free text is scrubbed of any by `text`).
    An organisation's and an individual business's (个体工商户) name and code are published as they are.
    """

    name: str
    category: str
    credit_code: str
    representative: str
    person: str = ""  # the natural person's real name, masked wherever free text names them

    # 证件类型 / 证件号码 (cf_xdr_zjlx, cf_xdr_zjhm, XK_XDR_ZJLX, XK_XDR_ZJHM and the legal
    # representative's): left empty for every party.
    id_type = ""
    id_number = ""

    @property
    def natural(self) -> bool:
        return self.category == PARTY_NATURAL

    def text(self, value: str) -> str:
        """Free text about the decision, fit to publish: ID and phone numbers removed, the person masked."""
        return scrub_private(value, person_name=self.person)


def public_party(*, name: str, category: str, credit_code: str = "", representative: str = "") -> PublicParty:
    if category == PARTY_NATURAL:
        return PublicParty(mask_person_name(name), category, "", "", person=(name or "").strip())
    return PublicParty(name, category, credit_code or "", representative or "")


def credit_code_warnings(departments: Iterable[Department]) -> list[str]:
    """Before an export: each deciding or reporting department without a 统一社会信用代码, named."""
    return [
        _("“%(name)s”未登记统一社会信用代码：导出数据中该机关的代码将为空，报送前请在“部门”中补登。")
        % {"name": department.name}
        for department in departments
        if not department.credit_code
    ]


def bureau_agency() -> tuple[str, str]:
    """The deciding agency: the department marked 是否本局, with its credit code where the register has one."""
    bureau = Department.objects.filter(is_bureau=True).first()
    if bureau is None:
        return "", ""
    return bureau.name, bureau.credit_code


def standard_date(day: datetime.date | None) -> str:
    """A date as the platform's templates want it: YYYY/MM/DD."""
    return f"{day:%Y/%m/%d}" if day else ""


def write_credit(
    target: BinaryIO,
    fmt: str,
    columns: list[str],
    rows: Iterable[dict[str, Any]],
    *,
    date_format=None,
) -> None:
    """Write `rows` (column → value) in the order of `columns`; `date_format` turns dates into text."""

    def cells() -> Iterator[list[Any]]:
        for row in rows:
            values = []
            for column in columns:
                value = row.get(column, "")
                if date_format and isinstance(value, datetime.date):
                    value = date_format(value)
                values.append(value)
            yield values

    write_rows(target, fmt, columns, cells())


def parse_day(value: str, label: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        raise ValueError(
            _("%(label)s“%(value)s”格式有误，应为 YYYY-MM-DD") % {"label": label, "value": value}
        ) from None


def parse_period(start: str, end: str) -> tuple[datetime.date, datetime.date]:
    """The period of an export from its two dates as typed; a Chinese ValueError when they do not make one."""
    first, last = parse_day(start, _("公示日期自")), parse_day(end, _("公示日期至"))
    if last < first:
        raise ValueError(_("公示日期至不能早于公示日期自"))
    return first, last


def export_filename(stem: str, start: datetime.date, end: datetime.date, fmt: str) -> str:
    return f"{stem}_{start:%Y%m%d}-{end:%Y%m%d}.{fmt}"


class PeriodExportCommand(BaseCommand):
    """A command exporting the decisions published in a period: --from D --to D [--format] [-o FILE]."""

    what = ""  # e.g. "行政处罚决定", for the summary line

    def records(self, start: datetime.date, end: datetime.date) -> QuerySet:
        raise NotImplementedError

    def write(self, records: QuerySet, target: BinaryIO, fmt: str) -> None:
        raise NotImplementedError

    def filename(self, start: datetime.date, end: datetime.date, fmt: str) -> str:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="公示日期自，YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="公示日期至，YYYY-MM-DD")
        parser.add_argument("--format", dest="fmt", choices=FORMATS, help="xlsx（默认）或 csv")
        parser.add_argument("-o", "--output", dest="output", help="输出文件；默认按期间命名，保存在当前目录")

    def handle(self, *args, start: str, end: str, fmt: str | None, output: str | None, **options):
        try:
            first, last = parse_period(start, end)
            if output and not fmt:
                fmt = file_format(output)
        except (ValueError, FileError) as exc:
            raise CommandError(exc.args[0]) from None
        fmt = fmt or "xlsx"
        target = Path(output or self.filename(first, last, fmt))
        records = self.records(first, last)
        with target.open("wb") as out:
            self.write(records, out, fmt)
        self.stdout.write(f"已导出{first}至{last}公示的{self.what} {records.count()} 条到 {target}")
