"""Ledger columns: how a spreadsheet cell becomes a field value and back."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from emgov.core.interchange.planning import ImportContext

LIST_SEPARATORS = re.compile(r"[；;、,，]")
TRUE_WORDS = {"是", "y", "yes", "1", "true"}
FALSE_WORDS = {"否", "n", "no", "0", "false", ""}
DATE_PATTERNS = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
]


class CellError(ValueError):
    """A cell that cannot be read; the message names the reason in Chinese."""


def cell_text(raw: Any) -> str:
    """A cell as the text a user sees: sheet numbers without a trailing .0, to 15 digits as Excel shows."""
    if type(raw) is str:
        return raw.strip()
    if raw is None:
        return ""
    if isinstance(raw, float):
        if raw.is_integer():
            return str(int(raw))
        return format(raw, ".15g")
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat() if raw.time() == datetime.time() else raw.isoformat(sep=" ")
    return str(raw).strip()


def parse_date(raw: Any) -> datetime.date | None:
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    text = cell_text(raw)
    if not text:
        return None
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{1,2}-\d{1,2} 00:00(:00)?$", text) else text
    for pattern in DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise CellError(_("日期“%(v)s”不存在") % {"v": text}) from None
    raise CellError(_("“%(v)s”不是日期，应写作 2023-01-31、2023/1/31 或 2023年1月31日") % {"v": text})


def parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = cell_text(raw).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError(_("“%(v)s”应填写“是”或“否”") % {"v": cell_text(raw)})


def split_list(raw: Any) -> list[str]:
    return [item.strip() for item in LIST_SEPARATORS.split(cell_text(raw)) if item.strip()]


class Shown:
    """A column written on export beside the ones that import, for a person to read (a name beside a
    key, a state); the import ignores it. `path` goes from the ledger's record, as in a query
    (`visit__enterprise__name`); a list of records reads as their values joined by ；."""

    def __init__(self, header: str, path: str) -> None:
        self.header = header
        self.path = path

    def export(self, obj: models.Model) -> Any:
        return _walk(obj, self.path.split("__"))

    def relations(self, model: type[models.Model]) -> tuple[str | None, str | None]:
        """(select_related path, prefetch_related path) that reading it needs."""
        parts, joined = self.path.split("__"), []
        for part in parts[:-1]:
            field = model._meta.get_field(part)
            if field.many_to_many or field.one_to_many:
                return ("__".join(joined) or None), "__".join([*joined, part])
            joined.append(part)
            model = field.related_model
        return ("__".join(joined) or None), None


def _walk(obj: Any, parts: list[str]) -> Any:
    for index, part in enumerate(parts):
        if obj is None:
            return ""
        if index == len(parts) - 1:
            value = getattr(obj, part)
            if obj._meta.get_field(part).choices and value not in (None, ""):
                return getattr(obj, f"get_{part}_display")()
            return "" if value is None else value
        obj = getattr(obj, part)
        if hasattr(obj, "all") and callable(obj.all):
            return "；".join(str(_walk(o, parts[index + 1 :])) for o in obj.all())
    return ""


class Column:
    """One column of a ledger: a Chinese header bound to a model field; `shown` adds, on export, columns
    read from the record it names (header, path from it), written right after it."""

    def __init__(
        self,
        header: str,
        field: str,
        *,
        required: bool = False,
        key: bool = False,
        shown: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.header = header
        self.field = field
        self.required = required or key
        self.key = key
        self.shown = [Shown(h, f"{field}__{path}") for h, path in shown]

    def is_empty(self, raw: Any) -> bool:
        return cell_text(raw) == ""

    def parse(self, raw: Any, ctx: ImportContext) -> Any:
        return cell_text(raw)

    def empty_value(self) -> Any:
        return ""

    def export(self, obj: models.Model) -> Any:
        value = getattr(obj, self.field)
        return "" if value is None else value

    def sample(self) -> str:
        return ""


class TextColumn(Column):
    pass


class DateColumn(Column):
    def parse(self, raw: Any, ctx: ImportContext) -> datetime.date | None:
        return parse_date(raw)

    def empty_value(self) -> None:
        return None


class BoolColumn(Column):
    def parse(self, raw: Any, ctx: ImportContext) -> bool:
        return parse_bool(raw)

    def empty_value(self) -> bool:
        return False

    def export(self, obj: models.Model) -> str:
        return "是" if getattr(obj, self.field) else "否"


class IntColumn(Column):
    def __init__(self, *args: Any, minimum: int | None = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.minimum = minimum

    def parse(self, raw: Any, ctx: ImportContext) -> int | None:
        text = cell_text(raw).replace(",", "")
        try:
            value = int(text)
        except ValueError:
            raise CellError(_("“%(v)s”不是整数") % {"v": text}) from None
        if self.minimum is not None and value < self.minimum:
            raise CellError(_("不能小于%(m)s") % {"m": self.minimum})
        return value

    def empty_value(self) -> None:
        return None


class DecimalColumn(Column):
    """A non-negative number with at most `places` decimals; money columns are in yuan (元)."""

    def __init__(self, *args: Any, places: int = 2, money: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.places = places
        self.money = money

    def parse(self, raw: Any, ctx: ImportContext) -> Decimal | None:
        text = cell_text(raw).replace(",", "")
        if self.money and ("万" in text):
            raise CellError(_("金额以元为单位，不接受“万元”：“%(v)s”") % {"v": text})
        text = text.removesuffix("元") if self.money else text
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise CellError(_("“%(v)s”不是数字") % {"v": text}) from None
        if not value.is_finite():
            raise CellError(_("“%(v)s”不是数字") % {"v": text})
        if value < 0:
            raise CellError(_("不能为负数"))
        step = Decimal(1).scaleb(-self.places)
        if value != value.quantize(step):
            raise CellError(_("最多%(p)s位小数") % {"p": self.places})
        return value.quantize(step)

    def empty_value(self) -> None:
        return None

    def export(self, obj: models.Model) -> Any:
        value = getattr(obj, self.field)
        if value is None:
            return ""
        return int(value) if value == value.to_integral_value() else float(value)


class ChoiceColumn(Column):
    def __init__(self, *args: Any, choices: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = list(choices)

    def parse(self, raw: Any, ctx: ImportContext) -> str:
        text = cell_text(raw)
        if text not in self.choices:
            raise CellError(_("“%(v)s”不是可选值（%(c)s）") % {"v": text, "c": " / ".join(self.choices)})
        return text


class ChoiceListColumn(ChoiceColumn):
    """Several values of a fixed list, kept as a list (JSON) field."""

    def parse(self, raw: Any, ctx: ImportContext) -> list[str]:
        items = split_list(raw)
        bad = [item for item in items if item not in self.choices]
        if bad:
            raise CellError(
                _("“%(v)s”不是可选值（%(c)s）") % {"v": "、".join(bad), "c": " / ".join(self.choices)}
            )
        return list(dict.fromkeys(items))

    def empty_value(self) -> list[str]:
        return []

    def export(self, obj: models.Model) -> str:
        return "；".join(getattr(obj, self.field) or [])


class RefColumn(Column):
    """A reference to another record, written in the sheet by one of its natural keys.

    `lookups` are the fields tried in order (a town by its name or its 区划代码); `export_as` is the
    field written on export. `queryset` narrows the records that may be referenced (only towns, say).
    A text that names more than one record is refused with `ambiguous_hint`; one that names a voided
    record is refused too.
    """

    def __init__(
        self,
        *args: Any,
        model: type[models.Model],
        lookups: tuple[str, ...],
        export_as: str | None = None,
        queryset: Callable[[], models.QuerySet] | None = None,
        noun: str = "",
        ambiguous_hint: Any = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.model = model
        self.lookups = lookups
        self.export_as = export_as or lookups[0]
        self.queryset = queryset
        self.noun = noun or str(model._meta.verbose_name)
        self.ambiguous_hint = ambiguous_hint or gettext_lazy("无法确定是哪一个")

    def base_queryset(self) -> models.QuerySet:
        return self.queryset() if self.queryset else self.model._default_manager.all()

    def parse(self, raw: Any, ctx: ImportContext) -> Any:
        text = cell_text(raw)
        found = ctx.resolve(self, text)
        if found is None:
            raise CellError(_("找不到%(noun)s“%(v)s”") % {"noun": self.noun, "v": text})
        return found

    def empty_value(self) -> None:
        return None

    def export(self, obj: models.Model) -> str:
        target = getattr(obj, self.field)
        return "" if target is None else str(getattr(target, self.export_as))


class RefListColumn(RefColumn):
    """Several references, stored in a many-to-many field."""

    many = True

    def parse(self, raw: Any, ctx: ImportContext) -> list[Any]:
        found = []
        for text in split_list(raw):
            target = ctx.resolve(self, text)
            if target is None:
                raise CellError(_("找不到%(noun)s“%(v)s”") % {"noun": self.noun, "v": text})
            found.append(target)
        return list(dict.fromkeys(found))

    def empty_value(self) -> list[Any]:
        return []

    def export(self, obj: models.Model) -> str:
        return "；".join(str(getattr(t, self.export_as)) for t in getattr(obj, self.field).all())
