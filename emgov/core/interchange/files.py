"""Reading and writing ledger files: .xlsx (first sheet, header in row 1) and .csv (UTF-8, BOM or not)."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from python_calamine import CalamineWorkbook

FORMATS = ("xlsx", "csv")


class FileError(ValueError):
    """The file as a whole cannot be read."""


def file_format(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise FileError(_("只支持 .xlsx 和 .csv 文件，收到的是“%(name)s”") % {"name": Path(name).name})
    return suffix


def read_rows(stream: BinaryIO, fmt: str) -> Iterator[list[Any]]:
    """All rows of the file, the header first; cells as the spreadsheet holds them."""
    data = stream.read()
    if fmt == "xlsx":
        if not data.startswith(b"PK"):
            raise FileError(_("文件不是有效的 .xlsx 表格"))
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            sheet = book.get_sheet_by_index(0)
            rows = sheet.to_python(skip_empty_area=False)
        except Exception as exc:  # calamine raises its own error types
            raise FileError(_("无法读取 .xlsx 文件：%(e)s") % {"e": exc}) from exc
        yield from rows
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileError(_("CSV 文件必须是 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）")) from None
    yield from csv.reader(io.StringIO(text))


def write_rows(target: BinaryIO, fmt: str, header: list[str], rows: Iterable[list[Any]]) -> None:
    if fmt == "csv":
        wrapper = io.TextIOWrapper(target, encoding="utf-8-sig", newline="")
        writer = csv.writer(wrapper)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else _csv_cell(v) for v in row])
        wrapper.flush()
        wrapper.detach()
        return
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    header_cells = []
    from openpyxl.cell import WriteOnlyCell

    for title in header:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    book.save(target)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
