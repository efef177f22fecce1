"""The ledger engine: a file is checked whole, then written whole in one transaction, or not at all.

A `Ledger` declares the columns of one ledger of spec/interchange.md and the hooks of its rules;
`planning` checks a file against them, `writing` writes what was checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, BinaryIO

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, models
from django.utils.translation import gettext as _

from emgov.core.interchange import planning, writing
from emgov.core.interchange.columns import Column, RefColumn, RefListColumn
from emgov.core.interchange.files import FileError, read_rows, write_rows
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
        singles = [
            c.field for c in self.columns if isinstance(c, RefColumn) and not isinstance(c, RefListColumn)
        ]
        many = [c.field for c in self.columns if isinstance(c, RefListColumn)]
        qs = queryset.select_related(*singles).prefetch_related(*many).order_by("pk")
        for obj in qs.iterator(chunk_size=2000):
            yield [column.export(obj) for column in self.columns]

    def export(self, queryset: models.QuerySet, target: BinaryIO, fmt: str) -> None:
        write_rows(target, fmt, self.headers, self.rows(queryset))

    def template(self, target: BinaryIO, fmt: str) -> None:
        write_rows(target, fmt, self.headers, [])

    # Import --------------------------------------------------------------------------------------

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
            rows = list(read_rows(stream, fmt))
        except FileError as exc:
            result = ImportResult(ledger=self.id, dry_run=dry_run)
            result.errors.append(RowError(0, _("文件"), str(exc)))
            return result
        return self.load_rows(rows, actor=actor, via=via, dry_run=dry_run, progress=progress)

    def load_rows(
        self,
        rows: list[list[Any]],
        *,
        actor: User | None,
        via: str,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Import a table already in memory: the header first, then the rows, as a sheet holds them."""
        result = ImportResult(ledger=self.id, dry_run=dry_run)
        plan = planning.plan(self, rows, result, progress, actor=actor)
        if result.errors:
            result.errors.sort(key=lambda e: e.row)
            return result
        result.created = sum(1 for p in plan if p.is_new)
        result.updated = sum(1 for p in plan if not p.is_new and p.changes)
        result.unchanged = len(plan) - result.created - result.updated
        if not dry_run:
            try:
                writing.write(self, plan, actor=actor, via=via, progress=progress)
            except writing.Conflict as conflict:
                result.errors.extend(conflict.errors)
            except IntegrityError:
                result.errors.append(
                    RowError(0, _("文件"), _("写入时与其他人同时录入的数据冲突，未写入任何数据，请重新导入"))
                )
            if result.errors:
                result.created = result.updated = result.unchanged = 0
        return result
