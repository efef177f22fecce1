"""The ledger engine: a file is checked whole, then written whole in one transaction, or not at all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import audit
from emgov.core.interchange.columns import CellError, Column, RefColumn, RefListColumn, cell_text
from emgov.core.interchange.files import FileError, read_rows, write_rows
from emgov.core.models import AuditAction, AuditEntry, User

CHUNK = 900
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return (
            f"第{self.row}行 {self.column}: {self.message}" if self.row else f"{self.column}: {self.message}"
        )


@dataclass
class ImportResult:
    ledger: str
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return _("共%(total)s行，发现%(n)s处错误，未写入任何数据。") % {
                "total": self.total,
                "n": len(self.errors),
            }
        verb = _("检查通过，可导入") if self.dry_run else _("已导入")
        return _("%(verb)s：共%(total)s行，新增%(c)s条，更新%(u)s条，无变化%(s)s条。") % {
            "verb": verb,
            "total": self.total,
            "c": self.created,
            "u": self.updated,
            "s": self.unchanged,
        }


@dataclass
class PlannedRow:
    row: int
    instance: models.Model
    is_new: bool
    before: dict[str, Any]
    m2m: dict[str, list[models.Model]]
    m2m_before: dict[str, list[int]]
    changes: dict[str, list[Any]] = field(default_factory=dict)


class ImportContext:
    """Resolves references: to records in the database, or to rows of the same file."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._refs: dict[int, dict[str, Any]] = {}
        self.file_rows: dict[str, models.Model] = {}
        self.file_keys: dict[str, int] = {}

    def preload(self, column: RefColumn, texts: set[str]) -> None:
        found: dict[str, Any] = {}
        wanted = [t for t in texts if t]
        for lookup in column.lookups:
            missing = [t for t in wanted if t not in found]
            for start in range(0, len(missing), CHUNK):
                chunk = missing[start : start + CHUNK]
                for obj in column.base_queryset().filter(**{f"{lookup}__in": chunk}):
                    found.setdefault(str(getattr(obj, lookup)), obj)
        self._refs[id(column)] = found

    def resolve(self, column: RefColumn, text: str) -> Any:
        if column.model is self.ledger.model and text in self.file_keys:
            if text not in self.file_rows:
                raise CellError(_("“%(v)s”所在的第%(r)s行有错误") % {"v": text, "r": self.file_keys[text]})
            return self.file_rows[text]
        return self._refs.get(id(column), {}).get(text)


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
        plan = self._plan(rows, result, progress)
        if result.errors:
            result.created = result.updated = 0
            return result
        result.created = sum(1 for p in plan if p.is_new)
        result.updated = sum(1 for p in plan if not p.is_new and (p.changes))
        result.unchanged = len(plan) - result.created - result.updated
        if not dry_run:
            self._write(plan, actor=actor, via=via, progress=progress)
        return result

    def _plan(
        self, rows: list[list[Any]], result: ImportResult, progress: Progress | None
    ) -> list[PlannedRow]:
        if not rows:
            result.errors.append(RowError(0, _("文件"), _("文件是空的，第1行应为表头")))
            return []
        header = [cell_text(h) for h in rows[0]]
        by_header = {c.header: c for c in self.columns}
        positions: dict[int, Column] = {}
        for index, title in enumerate(header):
            if not title:
                continue
            if title in by_header:
                positions[index] = by_header[title]
            else:
                result.warnings.append(_("已忽略未知列“%(h)s”") % {"h": title})
        present = {c.header for c in positions.values()}
        for column in self.columns:
            if column.required and column.header not in present:
                result.errors.append(RowError(1, column.header, _("缺少必填列")))
        if result.errors:
            return []
        body = [(n, row) for n, row in enumerate(rows[1:], start=2) if any(cell_text(v) for v in row)]
        result.total = len(body)
        ctx = ImportContext(self)
        for index, column in positions.items():
            if isinstance(column, RefColumn):
                texts: set[str] = set()
                for _n, row in body:
                    raw = row[index] if index < len(row) else None
                    texts.update(_split_ref(column, raw))
                ctx.preload(column, texts)
        body = self._order_for_self_reference(body, positions, result, ctx)
        existing = self._existing(body, positions, ctx)
        plan: list[PlannedRow] = []
        seen_keys: dict[tuple, int] = {}
        for done, (n, row) in enumerate(body, start=1):
            planned = self._plan_row(n, row, positions, ctx, existing, seen_keys, result)
            if planned is not None:
                plan.append(planned)
            if progress and done % 1000 == 0:
                progress(_("检查"), done, len(body))
        return plan

    def _order_for_self_reference(self, body, positions, result, ctx):
        column = self.self_reference()
        if column is None:
            return body
        key_index = next(i for i, c in positions.items() if c.key)
        ref_index = next((i for i, c in positions.items() if c is column), None)
        if ref_index is None:
            return body
        by_key: dict[str, tuple[int, list[Any]]] = {}
        for n, row in body:
            by_key.setdefault(cell_text(row[key_index]), (n, row))
        ctx.file_keys = {key: n for key, (n, _row) in by_key.items()}
        ordered, state = [], {}

        def visit(key: str, chain: tuple[str, ...]) -> None:
            if state.get(key) == "done":
                return
            if key in chain:
                result.errors.append(RowError(by_key[key][0], column.header, _("上级引用形成循环")))
                state[key] = "done"
                return
            n, row = by_key[key]
            parent = cell_text(row[ref_index]) if ref_index < len(row) else ""
            if parent in by_key:
                visit(parent, (*chain, key))
            state[key] = "done"
            ordered.append((n, row))

        for key in by_key:
            visit(key, ())
        duplicates = [(n, row) for n, row in body if by_key.get(cell_text(row[key_index]), (None,))[0] != n]
        return ordered + duplicates

    def _existing(self, body, positions, ctx) -> dict[tuple, models.Model]:
        keys = self.key_columns
        first = keys[0]
        index = next(i for i, c in positions.items() if c is first)
        texts = {cell_text(row[index]) for _n, row in body if index < len(row)}
        values: set[Any] = set()
        for text in texts:
            try:
                value = first.parse(text, ctx) if text else None
            except CellError:
                continue
            values.add(value.pk if isinstance(value, models.Model) else value)
        found: dict[tuple, models.Model] = {}
        lookup = f"{first.field}__in"
        manager = self.model._default_manager
        many = [c.field for c in self.columns if isinstance(c, RefListColumn)]
        values_list = list(values)
        for start in range(0, len(values_list), CHUNK):
            for obj in manager.filter(**{lookup: values_list[start : start + CHUNK]}).prefetch_related(*many):
                found[self._instance_key(obj)] = obj
        return found

    def _instance_key(self, obj: models.Model) -> tuple:
        return tuple(getattr(obj, obj._meta.get_field(c.field).attname) for c in self.key_columns)

    def _plan_row(self, n, row, positions, ctx, existing, seen_keys, result) -> PlannedRow | None:
        values: dict[str, Any] = {}
        m2m: dict[str, list[Any]] = {}
        errors_before = len(result.errors)
        for index, column in positions.items():
            raw = row[index] if index < len(row) else None
            try:
                if column.is_empty(raw):
                    if column.required:
                        raise CellError(_("必填"))
                    value = column.empty_value()
                else:
                    value = column.parse(raw, ctx)
            except CellError as exc:
                result.errors.append(RowError(n, column.header, str(exc)))
                continue
            (m2m if isinstance(column, RefListColumn) else values)[column.field] = value
        if len(result.errors) > errors_before:
            return None
        key = tuple(_key_atom(values[c.field]) for c in self.key_columns)
        if key in seen_keys:
            header = self.key_columns[0].header
            result.errors.append(RowError(n, header, _("与第%(r)s行重复") % {"r": seen_keys[key]}))
            return None
        seen_keys[key] = n
        current = existing.get(key)
        if current is not None:
            instance = current
            before = audit.snapshot(instance)
            m2m_before = {name: sorted(o.pk for o in getattr(instance, name).all()) for name in m2m}
        else:
            instance = self.model()
            before, m2m_before = {}, {}
        for name, value in values.items():
            setattr(instance, name, value)
        self_ref = self.self_reference()
        if self_ref is not None:
            ctx.file_rows[cell_text(row[next(i for i, c in positions.items() if c.key)])] = instance
        try:
            self.prepare(instance, m2m)
            instance.full_clean(validate_unique=False, validate_constraints=False)
            self.check_row(instance, m2m)
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                for message in messages:
                    result.errors.append(RowError(n, self.header_for(field_name), message))
            return None
        planned = PlannedRow(n, instance, current is None, before, m2m, m2m_before)
        if current is not None:
            planned.changes = audit.diff(before, audit.snapshot(instance))
            for name, targets in m2m.items():
                after = sorted(o.pk for o in targets)
                if after != m2m_before[name]:
                    planned.changes[name] = [
                        [str(o) for o in getattr(instance, name).all()],
                        [str(o) for o in targets],
                    ]
        return planned

    def _write(
        self, plan: list[PlannedRow], *, actor: User | None, via: str, progress: Progress | None
    ) -> None:
        creates = [p for p in plan if p.is_new]
        updates = [p for p in plan if not p.is_new and p.changes]
        now = timezone.now()
        manager = self.model._default_manager
        with transaction.atomic():
            if self.self_reference() is not None:
                for p in creates:
                    p.instance.save(force_insert=True)
            else:
                for start in range(0, len(creates), 2000):
                    manager.bulk_create([p.instance for p in creates[start : start + 2000]])
                    if progress:
                        progress(_("写入"), start + 2000, len(creates))
            plain = sorted({name for p in updates for name in p.changes if name not in p.m2m})
            if plain:
                changed = [p.instance for p in updates if set(p.changes) - set(p.m2m)]
                for obj in changed:
                    obj.version += 1
                    obj.updated_at = now
                fields = [self.model._meta.get_field(n).name for n in plain] + ["version", "updated_at"]
                manager.bulk_update(changed, fields, batch_size=1000)
            self._write_m2m(creates, updates)
            rows = [
                audit.entry(
                    p.instance,
                    action=AuditAction.CREATE,
                    actor=actor,
                    via=via,
                    at=now,
                    changes={
                        **{
                            k: [None, v] for k, v in audit.snapshot(p.instance).items() if v not in (None, "")
                        },
                        **{k: [None, [str(o) for o in v]] for k, v in p.m2m.items() if v},
                    },
                )
                for p in creates
            ] + [
                audit.entry(
                    p.instance, action=AuditAction.CHANGE, actor=actor, via=via, at=now, changes=p.changes
                )
                for p in updates
            ]
            AuditEntry.objects.bulk_create(rows, batch_size=2000)

    def _write_m2m(self, creates: list[PlannedRow], updates: list[PlannedRow]) -> None:
        names = {name for p in creates + updates for name in p.m2m}
        for name in names:
            relation = self.model._meta.get_field(name)
            through = relation.remote_field.through
            source = relation.m2m_field_name()
            target = relation.m2m_reverse_field_name()
            touched = [p for p in updates if name in p.changes]
            if touched:
                through.objects.filter(**{f"{source}__in": [p.instance.pk for p in touched]}).delete()
            links = [
                through(**{f"{source}_id": p.instance.pk, f"{target}_id": t.pk})
                for p in creates + touched
                for t in p.m2m.get(name, [])
            ]
            through.objects.bulk_create(links, batch_size=2000)


def _key_atom(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) and value.pk else value


def _split_ref(column: RefColumn, raw: Any) -> list[str]:
    from emgov.core.interchange.columns import split_list

    return split_list(raw) if isinstance(column, RefListColumn) else [cell_text(raw)]


def group_errors(errors: Iterable[RowError]) -> dict[int, list[RowError]]:
    grouped: dict[int, list[RowError]] = defaultdict(list)
    for error in errors:
        grouped[error.row].append(error)
    return grouped
