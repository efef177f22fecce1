"""The ledger engine: a file is checked whole, then written whole in one transaction, or not at all.

A `Ledger` declares the columns of one ledger of spec/interchange.md and the hooks of its rules;
`planning` checks a file against them, `writing` writes what was checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence, Sized
from typing import Any, BinaryIO

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, models
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.interchange import planning, streaming, writing
from emgov.core.interchange.columns import Column, RefColumn, RefListColumn, Shown
from emgov.core.interchange.files import FileError, open_sheet, write_rows
from emgov.core.interchange.planning import ImportContext
from emgov.core.interchange.results import ImportResult, PlannedRow, RowError, group_errors
from emgov.core.models import User

__all__ = ["ImportContext", "ImportResult", "Ledger", "PlannedRow", "Progress", "RowError", "group_errors"]

Progress = Callable[[str, int, int], None]


class Ledger:
    """One ledger of spec/interchange.md: its columns and how its rows become records."""

    id: str = ""
    title: str = ""
    model: type[models.Model]
    columns: Sequence[Column] = ()
    # Columns of the record itself written on export for a reader, after all the others (a state).
    shown: Sequence[tuple[str, str]] = ()

    # Hooks ---------------------------------------------------------------------------------------

    def prepare(self, instance: models.Model, m2m: dict[str, list[Any]]) -> None:
        """Derive fields that are not columns (a path, a denormalised region) before validation."""

    def check_row(self, instance: models.Model, m2m: dict[str, list[Any]]) -> None:
        """Rules that look at other records; raise ValidationError keyed by field name."""

    def check_file(self, plan: list[PlannedRow]) -> Iterable[tuple[int, str, str]]:
        """Rules between rows of one file: yield (row, field name, message) for each row that breaks one."""
        return ()

    def after_write(self, created: list[PlannedRow], updated: list[PlannedRow]) -> None:
        """Keep records outside the file consistent with what was written, in the same transaction."""

    def export_queryset(self) -> models.QuerySet:
        qs = self.model._default_manager.all()
        if hasattr(self.model, "voided_at"):
            qs = qs.filter(voided_at__isnull=True)
        return qs

    # Derived -------------------------------------------------------------------------------------

    @property
    def key_columns(self) -> list[Column]:
        return [c for c in self.columns if c.key]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def export_columns(self) -> list[Column | Shown]:
        """The columns of an export: the ones that import, each followed by what it shows, then `shown`."""
        out: list[Column | Shown] = []
        for column in self.columns:
            out += [column, *column.shown]
        return out + [Shown(header, path) for header, path in self.shown]

    @property
    def shown_headers(self) -> set[str]:
        return {c.header for c in self.export_columns() if isinstance(c, Shown)}

    def header_for(self, field_name: str) -> str:
        for column in self.columns:
            if column.field == field_name:
                return column.header
        if field_name == NON_FIELD_ERRORS:
            return self.key_columns[0].header
        try:
            return str(self.model._meta.get_field(field_name).verbose_name)
        except Exception:
            return field_name

    def self_reference(self) -> RefColumn | None:
        for column in self.columns:
            if (
                isinstance(column, RefColumn)
                and not isinstance(column, RefListColumn)
                and column.model is self.model
            ):
                return column
        return None

    # Export --------------------------------------------------------------------------------------

    def rows(self, queryset: models.QuerySet) -> Iterable[list[Any]]:
        columns = self.export_columns()
        singles = {
            c.field for c in self.columns if isinstance(c, RefColumn) and not isinstance(c, RefListColumn)
        }
        many = {c.field for c in self.columns if isinstance(c, RefListColumn)}
        for column in columns:
            if isinstance(column, Shown):
                single, prefetch = column.relations(self.model)
                singles.update([single] if single else [])
                many.update([prefetch] if prefetch else [])
        qs = queryset.select_related(*singles).prefetch_related(*many).order_by("pk")
        for obj in qs.iterator(chunk_size=2000):
            yield [column.export(obj) for column in columns]

    def export(
        self, queryset: models.QuerySet, target: BinaryIO, fmt: str, progress: Progress | None = None
    ) -> None:
        rows = self.rows(queryset)
        if progress is not None:
            rows = _counted(rows, progress, queryset.count())
        write_rows(target, fmt, [c.header for c in self.export_columns()], rows)

    def template(self, target: BinaryIO, fmt: str) -> None:
        write_rows(target, fmt, self.headers, [])

    # Import --------------------------------------------------------------------------------------

    @property
    def streams(self) -> bool:
        """Whether a file is checked and written a chunk at a time (no row names a row of the same file,
        no rule runs across the rows); otherwise the whole file is planned at once."""
        return self.self_reference() is None and type(self).check_file is Ledger.check_file

    def load(
        self,
        stream: BinaryIO,
        fmt: str,
        *,
        actor: User | None,
        via: str,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        try:
            sheet = open_sheet(stream, fmt)
        except FileError as exc:
            return _file_refused(self.id, dry_run, exc)
        return self.load_rows(
            sheet, actor=actor, via=via, dry_run=dry_run, progress=progress, estimated=sheet.estimated_rows
        )

    def load_rows(
        self,
        rows: Iterable[list[Any]],
        *,
        actor: User | None,
        via: str,
        dry_run: bool = False,
        progress: Progress | None = None,
        estimated: int | None = None,
    ) -> ImportResult:
        """Import a table, the header first, then the rows, as a sheet holds them (a list or a stream)."""
        with clock.held():  # every row is checked against the same today
            result = self._load_rows(
                rows, actor=actor, via=via, dry_run=dry_run, progress=progress, estimated=estimated
            )
        if result.ok and not dry_run:
            writing.refresh_statistics(self, result.created)
        return result

    def _load_rows(
        self,
        rows: Iterable[list[Any]],
        *,
        actor: User | None,
        via: str,
        dry_run: bool,
        progress: Progress | None,
        estimated: int | None,
    ) -> ImportResult:
        if estimated is None and isinstance(rows, Sized):
            estimated = len(rows)
        if self.streams:
            return streaming.load(
                self, rows, actor=actor, via=via, dry_run=dry_run, progress=progress, estimated=estimated or 0
            )
        result = ImportResult(ledger=self.id, dry_run=dry_run)
        try:
            table = rows if isinstance(rows, list) else list(rows)
        except FileError as exc:
            return _file_refused(self.id, dry_run, exc)
        plan = planning.plan(self, table, result, progress, actor=actor)
        del table
        if result.errors:
            result.errors.sort(key=lambda e: e.row)
            return result
        streaming.count(self, plan, result)
        if not dry_run:
            try:
                writing.write(self, plan, actor=actor, via=via, progress=progress)
            except writing.Conflict as conflict:
                result.errors.extend(conflict.errors)
            except IntegrityError:
                result.errors.append(RowError(0, _("文件"), streaming.CONCURRENT))
            if result.errors:
                result.created = result.updated = result.unchanged = 0
        return result


def _counted(rows: Iterable[list[Any]], progress: Progress, total: int) -> Iterable[list[Any]]:
    for done, row in enumerate(rows, start=1):
        if done % 500 == 0:
            progress(_("导出"), done, total)
        yield row
    progress(_("导出"), total, total)


def _file_refused(ledger_id: str, dry_run: bool, exc: FileError) -> ImportResult:
    result = ImportResult(ledger=ledger_id, dry_run=dry_run)
    result.errors.append(RowError(0, _("文件"), str(exc)))
    return result
