"""Reading an uploaded attendance list or question bank: named columns, every bad row named, nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core.interchange.files import FileError, file_format, read_rows

MAX_ROWS = 20_000


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def sheet_rows(
    stream: BinaryIO, filename: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number as the spreadsheet shows it, {column: text}) for every non-empty row."""
    try:
        rows = read_rows(stream, file_format(filename))
        header = [cell(c) for c in next(rows, [])]
    except (FileError, ValueError) as exc:
        raise ValidationError(_("无法读取文件：%(e)s") % {"e": exc}, code="unreadable") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise ValidationError(
            _("表头缺少列：%(cols)s（应包括 %(all)s）")
            % {"cols": "、".join(missing), "all": "、".join(required + optional)},
            code="header",
        )
    wanted = {name: header.index(name) for name in required + optional if name in header}
    for number, row in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            raise ValidationError(
                _("一次最多导入%(n)s行，请拆分文件") % {"n": MAX_ROWS}, code="too_many_rows"
            )
        values = {name: cell(row[i]) if i < len(row) else "" for name, i in wanted.items()}
        if any(values.values()):
            yield number, values


def row_errors(number: int, exc: ValidationError) -> list[str]:
    """The messages of a refused row, each naming the row and the field."""
    if hasattr(exc, "error_dict"):
        return [f"第{number}行 {field}：{m}" for field, msgs in exc.message_dict.items() for m in msgs]
    return [f"第{number}行：{m}" for m in exc.messages]
