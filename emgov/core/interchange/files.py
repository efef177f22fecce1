"""Reading and writing ledger files: .xlsx (first sheet, header in row 1) and .csv (UTF-8, BOM or not).

Reading streams the file: an .xlsx is checked as an archive (sizes, compression, shared strings) and
its sheet's declared and real dimensions are bounded (`limits.SheetLimits`) while it is read row by
row; a .csv is decoded as it is read. Writing neutralises formulas (OWASP's CSV injection rule).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser

from emgov.core.interchange.limits import SheetLimits

FORMATS = ("xlsx", "csv")
# A text cell starting with one of these is read as a formula by spreadsheet programs (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_TEXT_MARK = "'"


class FileError(ValueError):
    """The file as a whole cannot be read."""


def file_format(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise FileError(_("只支持 .xlsx 和 .csv 文件，收到的是“%(name)s”") % {"name": Path(name).name})
    return suffix


class Sheet:
    """The rows of a file, the header first, read as they are iterated; `estimated_rows` for progress."""

    def __init__(self, rows: Iterator[list[Any]], estimated_rows: int) -> None:
        self._rows = rows
        self.estimated_rows = estimated_rows

    def __iter__(self) -> Iterator[list[Any]]:
        return self._rows


def open_sheet(stream: BinaryIO, fmt: str, limits: SheetLimits | None = None) -> Sheet:
    """The file's first sheet; FileError (in Chinese) when it is not one or reaches beyond the limits,
    raised here or while the rows are read."""
    limits = limits or SheetLimits.current()
    if fmt == "xlsx":
        return _open_xlsx(stream, limits)
    return _open_csv(stream, limits)


def read_rows(stream: BinaryIO, fmt: str) -> Iterator[list[Any]]:
    """All rows of the file, the header first; cells as the spreadsheet holds them."""
    yield from open_sheet(stream, fmt)


# .xlsx ------------------------------------------------------------------------------------------


def check_archive(stream: BinaryIO, limits: SheetLimits) -> None:
    """Refuse an .xlsx that is not a workbook or would unpack to too much (a zip bomb)."""
    invalid = FileError(_("文件不是有效的 .xlsx 表格"))
    stream.seek(0)
    if stream.read(4) != b"PK\x03\x04":
        raise invalid
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise invalid from None
    finally:
        stream.seek(0)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise invalid
    too_big = FileError(_("表格解压后过大（可能是恶意构造的文件），请拆分后分批导入"))
    if sum(info.file_size for info in infos) > limits.max_expanded_bytes:
        raise too_big
    for info in infos:
        if info.file_size > 1_048_576 and info.file_size > limits.max_member_ratio * max(
            info.compress_size, 1
        ):
            raise too_big
        if info.filename == "xl/sharedStrings.xml" and info.file_size > limits.max_shared_strings_bytes:
            raise FileError(
                _("表格中的文字内容过多（共享字符串解压后超过 %(mb)s MB），请拆分后分批导入")
                % {"mb": limits.max_shared_strings_bytes // 1_048_576}
            )


def _open_xlsx(stream: BinaryIO, limits: SheetLimits) -> Sheet:
    check_archive(stream, limits)
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
        sheet = book.worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds of errors for a damaged file
        raise FileError(_("无法读取 .xlsx 文件：%(e)s") % {"e": exc}) from exc
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    _check_bounds(rows, columns, limits, declared=True)
    return Sheet(_xlsx_rows(book, sheet, limits), rows)


def _check_bounds(row: int, column: int, limits: SheetLimits, *, declared: bool = False) -> None:
    if row > limits.max_rows or column > limits.max_columns:
        where = (_("表格声明的范围到 %(cell)s") if declared else _("表格在 %(cell)s 处有内容")) % {
            "cell": f"{get_column_letter(min(max(column, 1), 18278))}{row}"
        }
        raise FileError(
            _(
                "%(where)s，超出了导入的上限（最多 %(rows)s 行、%(cols)s 列），请删除多余的行列或拆分后分批导入"
            )
            % {"where": where, "rows": f"{limits.max_rows:,}", "cols": limits.max_columns}
        )


def _xlsx_rows(book: Any, sheet: Any, limits: SheetLimits) -> Iterator[list[Any]]:
    """The sheet's rows as lists of values, each real cell checked against the limits before use."""
    cells = 0
    expected = 1
    try:
        with book._archive.open(sheet._worksheet_path) as source:
            parser = WorkSheetParser(
                source,
                book.shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for index, row in parser.parse():
                last = row[-1]["column"] if row else 0
                _check_bounds(index, max((c["column"] for c in row), default=0), limits)
                cells += len(row)
                if cells > limits.max_cells:
                    raise FileError(
                        _("表格的单元格超过 %(n)s 个，请拆分后分批导入") % {"n": f"{limits.max_cells:,}"}
                    )
                while expected < index:
                    expected += 1
                    yield []
                values: list[Any] = [None] * last
                for cell in row:
                    values[cell["column"] - 1] = cell["value"]
                expected = index + 1
                yield values
    except FileError:
        raise
    except Exception as exc:
        raise FileError(_("无法读取 .xlsx 文件：%(e)s") % {"e": exc}) from exc
    finally:
        book.close()


# .csv -------------------------------------------------------------------------------------------


def _open_csv(stream: BinaryIO, limits: SheetLimits) -> Sheet:
    stream.seek(0)
    lines = 0
    while chunk := stream.read(1_048_576):
        lines += chunk.count(b"\n")
    stream.seek(0)
    return Sheet(_csv_rows(stream, limits), lines + 1)


def _csv_rows(stream: BinaryIO, limits: SheetLimits) -> Iterator[list[Any]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        for number, row in enumerate(reader, start=1):
            _check_bounds(number, len(row), limits)
            yield [_csv_value(v) for v in row]
    except UnicodeDecodeError:
        raise FileError(_("CSV 文件必须是 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）")) from None
    except csv.Error as exc:
        raise FileError(_("第%(r)s行无法按 CSV 读取：%(e)s") % {"r": reader.line_num, "e": exc}) from None
    finally:
        text.detach()


def _csv_value(value: str) -> str:
    """A cell this system wrote with the text mark before a formula sign reads back without it."""
    if value.startswith(CSV_TEXT_MARK) and value[1:2] and value[1] in FORMULA_TRIGGERS:
        return value[1:]
    return value


# Writing ----------------------------------------------------------------------------------------


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def write_rows(target: BinaryIO, fmt: str, header: list[str], rows: Iterable[list[Any]]) -> None:
    """Write a table; text that a spreadsheet would run as a formula is written as text."""
    if fmt == "csv":
        wrapper = io.TextIOWrapper(target, encoding="utf-8-sig", newline="")
        writer = csv.writer(wrapper)
        writer.writerow([_csv_cell(v) for v in header])
        for row in rows:
            writer.writerow(["" if v is None else _csv_cell(v) for v in row])
        wrapper.flush()
        wrapper.detach()
        return
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    header_cells = []
    for title in header:
        cell = _xlsx_cell(sheet, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_value(sheet, value) for value in row])
    book.save(target)


def _xlsx_value(sheet: Any, value: Any) -> Any:
    """A plain value where the sheet may take it as it is (faster), a styled cell otherwise."""
    if isinstance(value, datetime.date) or is_formula_like(value):
        return _xlsx_cell(sheet, value)
    return value


def _xlsx_cell(sheet: Any, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    elif is_formula_like(value):
        cell.data_type = "s"  # openpyxl would store "=…" as a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return cell


def csv_safe(value: Any) -> Any:
    """A value for a .csv cell: dates as YYYY-MM-DD, text that would run as a formula marked as text."""
    return _csv_cell(value)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if is_formula_like(value):
        return CSV_TEXT_MARK + value
    return value
