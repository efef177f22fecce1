"""Checking a file: every row is read, its references resolved and its rules run before anything is written.

References are read in chunks of values, once per file; existing records once per key chunk, with what
they point to; a row's rules are the model's full_clean() (without the queries that re-check references
already read) and the ledger's check_row(), then the ledger's check_file() across rows. A field's own
check of a value that repeats down the file (a date, a choice, a department) runs once per chunk, with
the same outcome for every row that holds it.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models.base import ModelState
from django.db.models.expressions import DatabaseDefault
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.signals import post_init, pre_init
from django.utils.translation import gettext as _

from emgov.core import audit
from emgov.core.interchange.columns import (
    BoolColumn,
    CellError,
    ChoiceColumn,
    Column,
    DateColumn,
    DecimalColumn,
    IntColumn,
    RefColumn,
    RefListColumn,
    cell_text,
    split_list,
)
from emgov.core.interchange.results import MAX_ERRORS, ImportResult, PlannedRow, RowError
from emgov.core.interchange.seen import SeenKeys

if TYPE_CHECKING:
    from emgov.core.interchange.ledger import Ledger, Progress
    from emgov.core.models import User

CHUNK = 900
STREAM_ROWS = 5_000  # rows checked (and written) at a time when a file is streamed
# References read for one chunk of a streamed file and kept for the next ones, up to this many texts
# per file: beyond it, a chunk reads its own again (memory stays bounded whatever the file names).
REFS_KEPT = 50_000
AMBIGUOUS: Any = object()
_MISSING: Any = object()
# Values whose check by a field depends on nothing but their type and value: checked once per chunk.
_REPEATABLE = (str, int, bool, datetime.date, type(None))


class ImportContext:
    """Resolves references: to records in the database, or to rows of the same file."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._refs: dict[int, dict[str, Any]] = {}
        self._looked: dict[int, set[str]] = {}  # the texts looked up, found or not
        self.file_rows: dict[str, models.Model] = {}
        self.file_keys: dict[str, int] = {}
        # The targets each existing record's list columns hold now: field → record pk → targets.
        self.current: dict[str, dict[Any, list[models.Model]]] = {}

    def pools(self) -> dict[type[models.Model], dict[Any, models.Model]]:
        """The records preloaded for the file's references, by model and primary key."""
        pools: dict[type[models.Model], dict[Any, models.Model]] = defaultdict(dict)
        for found in self._refs.values():
            for obj in found.values():
                if obj is not AMBIGUOUS:
                    pools[type(obj)][obj.pk] = obj
        return pools

    def next_chunk(self) -> ImportContext:
        """The context of a streamed file's next chunk: the references read so far are kept, up to
        `REFS_KEPT` texts. A streamed ledger's rows name no row of their own file, and an import writes
        nothing but its own ledger's records, so what a text names cannot change while the file is read."""
        following = ImportContext(self.ledger)
        if sum(len(looked) for looked in self._looked.values()) <= REFS_KEPT:
            following._refs, following._looked = self._refs, self._looked
        return following

    def preload(self, column: RefColumn, texts: set[str]) -> None:
        """Fetch the records `texts` name, a chunk of values per query, trying each lookup in turn; a text
        looked up for an earlier chunk is not looked up again."""
        found = self._refs.setdefault(id(column), {})
        looked = self._looked.setdefault(id(column), set())
        wanted = [t for t in texts if t and t not in looked]
        looked.update(wanted)
        for lookup in column.lookups:
            missing = [t for t in wanted if t not in found]
            for start in range(0, len(missing), CHUNK):
                chunk = missing[start : start + CHUNK]
                # Unordered: a model's default order would make the database scan it in that order.
                for obj in column.base_queryset().filter(**{f"{lookup}__in": chunk}).order_by():
                    text = str(getattr(obj, lookup))
                    other = found.setdefault(text, obj)
                    if other is not obj and other is not AMBIGUOUS and other.pk != obj.pk:
                        found[text] = AMBIGUOUS

    def resolve(self, column: RefColumn, text: str) -> Any:
        if column.model is self.ledger.model and text in self.file_keys:
            if text not in self.file_rows:
                raise CellError(_("“%(v)s”所在的第%(r)s行有错误") % {"v": text, "r": self.file_keys[text]})
            return self.file_rows[text]
        found = self._refs.get(id(column), {}).get(text)
        if found is AMBIGUOUS:
            raise CellError(
                _("“%(v)s”对应多个%(noun)s，%(hint)s")
                % {"v": text, "noun": column.noun, "hint": column.ambiguous_hint}
            )
        if found is not None and getattr(found, "voided_at", None) is not None:
            raise CellError(_("%(noun)s“%(v)s”已作废") % {"noun": column.noun, "v": text})
        return found


def plan(
    ledger: Ledger,
    rows: list[list[Any]],
    result: ImportResult,
    progress: Progress | None,
    actor: User | None = None,
) -> list[PlannedRow]:
    """Check every row of `rows` (the header first) at once; what is wrong goes to `result.errors`.

    With an `actor` who does not see everything, each row must stay inside the actor's regions, both
    the record as it is and as the row would leave it (a town's staff import their town's rows)."""
    if not rows:
        result.errors.append(RowError(0, _("文件"), _("文件是空的，第1行应为表头")))
        return []
    positions = _read_header(ledger, rows[0], result)
    if result.errors:
        return []
    body = [(n, row) for n, row in enumerate(rows[1:], start=2) if any(cell_text(v) for v in row)]
    result.total = len(body)
    ctx = ImportContext(ledger)
    _preload(body, positions, ctx)
    body = _order_for_self_reference(ledger, body, positions, result, ctx)
    existing = _existing(ledger, body, positions, ctx)
    state = PlanState(positions=positions, ctx=ctx, existing=existing, result=result, actor=actor)
    planned_rows: list[PlannedRow] = []
    for done, (n, row) in enumerate(body, start=1):
        planned = _plan_row(ledger, n, row, state)
        if planned is not None:
            planned_rows.append(planned)
        if progress and done % 1000 == 0:
            progress(_("检查"), done, len(body))
    for n, field_name, message in ledger.check_file(planned_rows):
        state.report(n, ledger.header_for(field_name), message)
    return planned_rows


def plan_chunks(
    ledger: Ledger,
    rows: Iterable[list[Any]],
    result: ImportResult,
    on_chunk: Callable[[int], None] | None = None,
    actor: User | None = None,
) -> Iterator[list[PlannedRow]]:
    """Check a streamed file `STREAM_ROWS` rows at a time: yields the plan of each chunk.

    Only for ledgers whose rows name no row of the same file and that check no rule across rows
    (`Ledger.streams`): what is kept between chunks is each row's key, for duplicates."""
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        result.errors.append(RowError(0, _("文件"), _("文件是空的，第1行应为表头")))
        return
    positions = _read_header(ledger, header, result)
    if result.errors:
        return
    state = PlanState(positions=positions, ctx=ImportContext(ledger), existing={}, result=result, actor=actor)
    number = 1
    while batch := list(islice(rows, STREAM_ROWS)):
        body = []
        for row in batch:
            number += 1
            if any(cell_text(v) for v in row):
                body.append((number, row))
        del batch
        if body:
            result.total += len(body)
            state.ctx = state.ctx.next_chunk()
            state.cleaner = FieldChecks()
            state.cells = CellReads(state.ctx)
            _preload(body, positions, state.ctx)
            state.existing = _existing(ledger, body, positions, state.ctx)
            texts = [_compact(tuple(cell_text(_cell(row, i)) for i in state.key_indexes)) for _n, row in body]
            state.seen_texts.load(texts)
            planned = [p for p in (_plan_row(ledger, n, row, state) for n, row in body) if p is not None]
            # Keys read differently from their text (a number, a reference) stay in memory: they are
            # the few ledgers keyed so, whose files are small.
            state.seen_texts.flush()
            yield planned
        if on_chunk:
            on_chunk(number)
    state.seen_texts.close()


def _preload(body: list[tuple[int, list[Any]]], positions: dict[int, Column], ctx: ImportContext) -> None:
    for index, column in positions.items():
        if isinstance(column, RefColumn):
            texts: set[str] = set()
            for _n, row in body:
                texts.update(_split_ref(column, _cell(row, index)))
            ctx.preload(column, texts)


def _read_header(ledger: Ledger, cells: list[Any], result: ImportResult) -> dict[int, Column]:
    by_header = {c.header: c for c in ledger.columns}
    shown = ledger.shown_headers  # written by the export for reading, ignored here
    positions: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for index, title in enumerate(cell_text(h) for h in cells):
        if not title or title in shown:
            continue
        if title not in by_header:
            warning = _("已忽略未知列“%(h)s”") % {"h": title}
            if warning not in result.warnings:
                result.warnings.append(warning)
        elif title in seen:
            result.errors.append(
                RowError(
                    1, title, _("列重复（第%(a)s列和第%(b)s列）") % {"a": seen[title] + 1, "b": index + 1}
                )
            )
        else:
            seen[title] = index
            positions[index] = by_header[title]
    for column in ledger.columns:
        if column.required and column.header not in seen:
            result.errors.append(RowError(1, column.header, _("缺少必填列")))
    return positions


def _order_for_self_reference(ledger: Ledger, body, positions, result, ctx):
    """Rows that name a row of the same file as their parent come after it."""
    column = ledger.self_reference()
    if column is None:
        return body
    key_index = next(i for i, c in positions.items() if c.key)
    ref_index = next((i for i, c in positions.items() if c is column), None)
    if ref_index is None:
        return body
    by_key: dict[str, tuple[int, list[Any]]] = {}
    for n, row in body:
        by_key.setdefault(cell_text(_cell(row, key_index)), (n, row))
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
        parent = cell_text(_cell(row, ref_index))
        if parent in by_key:
            visit(parent, (*chain, key))
        state[key] = "done"
        ordered.append((n, row))

    for key in by_key:
        visit(key, ())
    duplicates = [(n, row) for n, row in body if by_key[cell_text(_cell(row, key_index))][0] != n]
    return ordered + duplicates


def _existing(ledger: Ledger, body, positions, ctx) -> dict[tuple, models.Model]:
    """The records the file's keys name, with what their audit snapshot shows fetched alongside."""
    first = ledger.key_columns[0]
    index = next(i for i, c in positions.items() if c is first)
    values: set[Any] = set()
    for text in {cell_text(_cell(row, index)) for _n, row in body}:
        try:
            value = first.parse(text, ctx) if text else None
        except CellError:
            continue
        values.add(value.pk if isinstance(value, models.Model) else value)
    values.discard(None)
    found: dict[tuple, models.Model] = {}
    wanted = list(values)
    for start in range(0, len(wanted), CHUNK):
        for obj in ledger.model._default_manager.filter(
            **{f"{first.field}__in": wanted[start : start + CHUNK]}
        ).order_by():
            found[_instance_key(ledger, obj)] = obj
    _attach_related(ledger, list(found.values()), ctx)
    return found


def _attach_related(ledger: Ledger, records: list[models.Model], ctx: ImportContext) -> None:
    """Load what existing records point to once per target, not once per record.

    Foreign keys get their objects cached on the record (the audit trail shows them by label, and a key
    read from the database with its record is not checked again, row by row);
    the list columns' current targets, in the order they were written, go to `ctx.current`.
    """
    if not records:
        return
    pools = ctx.pools()
    for f in ledger.model._meta.concrete_fields:
        if not f.many_to_one:
            continue
        pool = _fill_pool(pools, f.related_model, {getattr(r, f.attname) for r in records})
        for record in records:
            target = getattr(record, f.attname)
            if target is not None:
                f.set_cached_value(record, pool[target])
    for column in ledger.columns:
        if not isinstance(column, RefListColumn):
            continue
        relation = ledger.model._meta.get_field(column.field)
        through = relation.remote_field.through
        source = f"{relation.m2m_field_name()}_id"
        target = f"{relation.m2m_reverse_field_name()}_id"
        pairs: list[tuple[Any, Any]] = []
        pks = [r.pk for r in records]
        for start in range(0, len(pks), CHUNK):
            links = through._default_manager.filter(**{f"{source}__in": pks[start : start + CHUNK]})
            pairs.extend(links.order_by("pk").values_list(source, target))
        pool = _fill_pool(pools, relation.related_model, {t for _s, t in pairs})
        current: dict[Any, list[models.Model]] = {pk: [] for pk in pks}
        for source_pk, target_pk in pairs:
            current[source_pk].append(pool[target_pk])
        ctx.current[column.field] = current


def _instance_key(ledger: Ledger, obj: models.Model) -> tuple:
    return tuple(getattr(obj, obj._meta.get_field(c.field).attname) for c in ledger.key_columns)


def _plan_row(ledger: Ledger, n: int, row: list[Any], state: PlanState) -> PlannedRow | None:
    values: dict[str, Any] = {}
    m2m: dict[str, list[Any]] = {}
    errors_before = len(state.result.errors)
    raw_key = tuple(cell_text(_cell(row, i)) for i in state.key_indexes)
    text_key = _compact(raw_key)
    if text_key in state.seen_texts:
        state.report(n, ledger.key_columns[0].header, _duplicate(state.seen_texts[text_key]))
        return None
    state.seen_texts[text_key] = n
    for index, column in state.positions.items():
        raw = _cell(row, index)
        try:
            if column.is_empty(raw):
                if column.required:
                    raise CellError(_("必填"))
                value = column.empty_value()
            else:
                value = state.cells.parse(column, raw)
        except CellError as exc:
            state.report(n, column.header, str(exc))
            continue
        (m2m if isinstance(column, RefListColumn) else values)[column.field] = value
    if len(state.result.errors) > errors_before:
        return None
    key = tuple(_key_atom(values[c.field]) for c in ledger.key_columns)
    # Keys read as they are written are known by their text; the others (references, numbers) here.
    earlier = state.seen_keys.get(key)
    if earlier is None and key != raw_key:
        earlier = state.seen_texts.get(_compact(key)) if all(isinstance(k, str) for k in key) else None
    if earlier is not None:
        state.report(n, ledger.key_columns[0].header, _duplicate(earlier))
        return None
    if key != raw_key:
        state.seen_keys[key] = n
    current = state.existing.get(key)
    if current is not None and not state.may_write(current):
        state.report(n, ledger.key_columns[0].header, _("该记录不在您负责的区划内，不能通过导入修改"))
        return None
    if current is not None:
        instance = current
        before = state.snapshot(instance)
        m2m_before = {name: state.ctx.current[name][instance.pk] for name in m2m}
    else:
        instance = state.new_record()
        before, m2m_before = {}, {}
    for name, value in values.items():
        cache_name = state.relation_caches.get(name)
        if cache_name is not None and instance._state.fields_cache.get(cache_name, _MISSING) is value:
            continue  # already points to this very record
        setattr(instance, name, value)
    try:
        ledger.prepare(instance, m2m)
        state.cleaner.full_clean(instance, exclude=_resolved_relations(instance, state.foreign_keys))
        ledger.check_row(instance, m2m)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
        for field_name, messages in errors.items():
            state.report(n, ledger.header_for(field_name), messages[0])
        return None
    if not state.may_write(instance):
        state.report(n, ledger.key_columns[0].header, _("该行记录不在您负责的区划内，不能导入"))
        return None
    if state.self_ref is not None:
        state.ctx.file_rows[raw_key[0]] = instance
    planned = PlannedRow(n, instance, current is None, before, m2m, m2m_before)
    if current is not None:
        planned.changes = audit.diff(before, state.snapshot(instance))
        for name, targets in m2m.items():
            if sorted(o.pk for o in targets) != sorted(o.pk for o in m2m_before[name]):
                planned.changes[name] = [[str(o) for o in m2m_before[name]], [str(o) for o in targets]]
        if planned.changes and getattr(instance, "voided_at", None) is not None:
            state.report(n, ledger.key_columns[0].header, _("该记录已作废，不能修改"))
            return None
    return planned


def _compact(key: tuple) -> Any:
    """A key as kept for a whole file: one text alone rather than a tuple of one."""
    return key[0] if len(key) == 1 else key


def _duplicate(first_row: int) -> str:
    return _("与第%(r)s行重复") % {"r": first_row}


@dataclass
class PlanState:
    """What planning one file keeps from row to row."""

    positions: dict[int, Column]
    ctx: ImportContext
    existing: dict[tuple, models.Model]
    result: ImportResult
    seen_texts: SeenKeys = field(default_factory=SeenKeys)
    seen_keys: SeenKeys = field(default_factory=SeenKeys)
    reported: set[tuple[int, str]] = field(default_factory=set)
    actor: User | None = None

    def __post_init__(self) -> None:
        ledger = self.ctx.ledger
        index = {c: i for i, c in self.positions.items()}
        self.key_indexes = [index[c] for c in ledger.key_columns]
        self.self_ref = ledger.self_reference()
        self.reported.update((e.row, e.column) for e in self.result.errors)
        self.cleaner = FieldChecks()
        self.cells = CellReads(self.ctx)
        self.snapshot = audit.Snapshots(ledger.model)
        self.new_record = NewRecords(ledger.model)
        self.foreign_keys = [f for f in ledger.model._meta.concrete_fields if f.many_to_one]
        self.relation_caches = {f.name: f.cache_name for f in self.foreign_keys}

    def may_write(self, instance: models.Model) -> bool:
        """Whether the importing user may write this record: commands (no actor) and those who see
        everything may; others only where the record is placed in their regions."""
        if self.actor is None or self.actor.sees_everything:
            return True
        return getattr(instance, "scope", None) is not None and instance.in_scope_of(self.actor)

    def report(self, row: int, header: str, message: str) -> None:
        """One reason per cell: the first found."""
        if len(self.result.errors) >= MAX_ERRORS:
            self.result.more_errors += 1
        elif (row, header) not in self.reported:
            self.reported.add((row, header))
            self.result.errors.append(RowError(row, header, message))


def _fill_pool(
    pools: dict[type[models.Model], dict[Any, models.Model]], model: type[models.Model], pks: set[Any]
) -> dict[Any, models.Model]:
    """The pool of `model` records, with those of `pks` it lacks read from the database."""
    pool = pools[model]
    missing = [pk for pk in pks if pk is not None and pk not in pool]
    for start in range(0, len(missing), CHUNK):
        pool.update(model._base_manager.in_bulk(missing[start : start + CHUNK]))
    return pool


def _cell(row: list[Any], index: int) -> Any:
    return row[index] if index < len(row) else None


class CellReads:
    """A column's reading of a cell, once per distinct cell of a chunk: a date, a choice or a reference
    that repeats down the file is read (or refused, with the same words) once. A reference to a row of
    the same file is read each time: what it names changes as the file's rows are checked."""

    def __init__(self, ctx: ImportContext) -> None:
        self.ctx = ctx
        self._outcomes: dict[tuple[Column, type, Any], Any] = {}
        self._repeatable: dict[Column, bool] = {}

    def parse(self, column: Column, raw: Any) -> Any:
        repeatable = self._repeatable.get(column)
        if repeatable is None:
            repeatable = self._repeatable[column] = _reads_alike(column, self.ctx.ledger.model)
        kind = type(raw)
        if not repeatable or kind not in _CELL_TYPES:
            return column.parse(raw, self.ctx)
        outcome = self._outcomes.get((column, kind, raw), _MISSING)
        if outcome is _MISSING:
            try:
                outcome = column.parse(raw, self.ctx)
            except CellError as exc:
                outcome = _Refused(str(exc))
            self._outcomes[column, kind, raw] = outcome
        if type(outcome) is _Refused:
            raise CellError(outcome.message)
        return list(outcome) if type(outcome) is list else outcome


class _Refused:
    def __init__(self, message: str) -> None:
        self.message = message


_CELL_TYPES = (str, int, float, bool, datetime.date, datetime.datetime)
_READ_ALIKE = (DateColumn, BoolColumn, ChoiceColumn, IntColumn, DecimalColumn)


def _reads_alike(column: Column, model: type[models.Model]) -> bool:
    """Whether the column reads the same cell the same way wherever it is in a chunk."""
    if isinstance(column, RefColumn):
        return column.model is not model
    return type(column) in _READ_ALIKE or isinstance(column, ChoiceColumn)


class FieldChecks:
    """Model.full_clean() without its uniqueness and constraint checks (the file and the database check
    those), for the many records of one chunk: a field's check of a value it has seen before (a date, a
    choice, a department) is not run again, its outcome (the value cleaned, or the error) is reused."""

    def __init__(self) -> None:
        self._outcomes: dict[tuple[models.Field, type, Any], Any] = {}
        self._fields: dict[type[models.Model], list[models.Field]] = {}

    def full_clean(self, instance: models.Model, *, exclude: list[str]) -> None:
        errors: dict[str, Any] = {}
        field_errors: dict[str, Any] = {}
        fields = self._fields.get(type(instance))
        if fields is None:
            fields = self._fields[type(instance)] = [f for f in instance._meta.fields if not f.generated]
        for f in fields:
            if f.name in exclude:
                continue
            raw = getattr(instance, f.attname)
            if f.blank and raw in f.empty_values:
                continue
            if isinstance(raw, DatabaseDefault):
                continue
            kind = type(raw)
            if kind in _REPEATABLE:
                outcome = self._outcomes.get((f, kind, raw), _MISSING)
                if outcome is _MISSING:
                    outcome = self._outcomes[f, kind, raw] = _field_clean(f, raw, instance)
            else:
                outcome = _field_clean(f, raw, instance)
            if isinstance(outcome, ValidationError):
                field_errors[f.name] = outcome.error_list
            else:
                setattr(instance, f.attname, outcome)
        if field_errors:
            errors = ValidationError(field_errors).update_error_dict(errors)
        try:
            instance.clean()
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        if errors:
            raise ValidationError(errors, code="row_invalid")


class NewRecords:
    """Blank records of one model, as model() makes them, copied from a first one rather than built field
    by field: the defaults that are made afresh for each record (a callable's, a list's) still are."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        blank = model()
        self.values = {k: v for k, v in blank.__dict__.items() if k != "_state"}
        fields = model._meta.concrete_fields
        self.fresh = [
            f
            for f in fields
            if (f.has_default() and callable(f.default)) or type(self.values.get(f.attname)) not in _IMMUTABLE
        ]
        self.copies = not (
            pre_init.has_listeners(model)
            or post_init.has_listeners(model)
            or any(_assigned_through_descriptor(model, f) for f in fields)
        )

    def __call__(self) -> models.Model:
        if not self.copies:
            return self.model()
        obj = self.model.__new__(self.model)
        obj._state = ModelState()
        values = obj.__dict__
        values.update(self.values)
        for f in self.fresh:
            values[f.attname] = f.get_default()
        return obj


_IMMUTABLE = (str, int, bool, float, type(None), datetime.date, datetime.datetime, datetime.time, Decimal)


def _assigned_through_descriptor(model: type[models.Model], f: models.Field) -> bool:
    """Whether setting the field's attribute on a blank record does more than store the value."""
    attribute = getattr(model, f.attname, None)
    return hasattr(type(attribute), "__set__") and not isinstance(attribute, ForeignKeyDeferredAttribute)


def _field_clean(f: models.Field, raw: Any, instance: models.Model) -> Any:
    try:
        return f.clean(raw, instance)
    except ValidationError as e:
        return e


def _resolved_relations(instance: models.Model, foreign_keys: list[models.Field]) -> list[str]:
    """Foreign keys holding a record that was read from the database: no need to query it again."""
    names = []
    for f in foreign_keys:
        if f.is_cached(instance):
            target = f.get_cached_value(instance)
            if target is not None and target.pk is not None and target.pk == getattr(instance, f.attname):
                names.append(f.name)
    return names


def _key_atom(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) and value.pk else value


def _split_ref(column: RefColumn, raw: Any) -> list[str]:
    return split_list(raw) if isinstance(column, RefListColumn) else [cell_text(raw)]
