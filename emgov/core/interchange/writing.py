"""Writing a checked file: one transaction, bulk statements, and the audit rows in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import audit
from emgov.core.interchange import bulk
from emgov.core.interchange.planning import CHUNK
from emgov.core.interchange.results import PlannedRow, RowError
from emgov.core.models import AuditAction, AuditEntry, User

if TYPE_CHECKING:
    from emgov.core.interchange.ledger import Ledger, Progress

WRITE_STEP = 10_000


class Conflict(Exception):
    """Raised inside the write transaction to undo it: the rows cannot be written as they were checked."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(errors)
        self.errors = errors


def write(
    ledger: Ledger, plan: list[PlannedRow], *, actor: User | None, via: str, progress: Progress | None
) -> None:
    """Write the planned rows: new records, changed fields and lists, one audit row per record written.

    Raises Conflict (and writes nothing) when a record was changed by someone else since the check.
    """
    creates = [p for p in plan if p.is_new]
    updates = [p for p in plan if not p.is_new and p.changes]
    now = timezone.now()

    def report(done: int) -> None:
        if progress:
            progress(_("写入"), done, len(creates) + len(updates))

    with transaction.atomic():
        _check_versions(ledger, updates)
        _insert(ledger, creates, updates, report)
        _update(ledger, updates, now, lambda done: report(len(creates) + done))
        _write_m2m(ledger, creates, updates)
        _write_audit(ledger, creates, updates, actor=actor, via=via, at=now)
        ledger.after_write(creates, updates)


def _insert(
    ledger: Ledger, creates: list[PlannedRow], updates: list[PlannedRow], report: Callable[[int], None]
) -> None:
    if ledger.self_reference() is None:
        for start in range(0, len(creates), WRITE_STEP):
            bulk.insert([p.instance for p in creates[start : start + WRITE_STEP]])
            report(min(start + WRITE_STEP, len(creates)))
        _fetch_pks(ledger, [p.instance for p in creates])
        return
    # Rows may name rows created before them as their parent: one at a time, in the planned order.
    for p in creates:
        p.instance.save(force_insert=True)
    for p in updates:
        # A parent created above had no key when the change was planned.
        p.instance._prepare_related_fields_for_save(operation_name="save")
        p.changes = {
            **audit.diff(p.before, audit.snapshot(p.instance)),
            **{k: v for k, v in p.changes.items() if k in p.m2m},
        }
    report(len(creates))


def _update(ledger: Ledger, updates: list[PlannedRow], now: datetime, report: Callable[[int], None]) -> None:
    plain = sorted({name for p in updates for name in p.changes if name not in p.m2m})
    for p in updates:
        p.instance.version += 1
        p.instance.updated_at = now
    for start in range(0, len(updates), WRITE_STEP):
        bulk.update(
            [p.instance for p in updates[start : start + WRITE_STEP]], [*plain, "version", "updated_at"]
        )
        report(min(start + WRITE_STEP, len(updates)))


AUDIT_COLUMNS = [
    "content_type",
    "object_id",
    "object_repr",
    "action",
    "actor",
    "via",
    "at",
    "changes",
    "reason",
]


def _write_audit(
    ledger: Ledger,
    creates: list[PlannedRow],
    updates: list[PlannedRow],
    *,
    actor: User | None,
    via: str,
    at: datetime,
) -> None:
    """One audit row per record written, as audit.entry() makes it, inserted as rows of values."""
    if not creates and not updates:
        return
    connection = connections[router.db_for_write(AuditEntry)]
    meta = AuditEntry._meta
    changes_field = meta.get_field("changes")
    content_type = ContentType.objects.get_for_model(ledger.model).pk
    actor_id = actor.pk if actor is not None and actor.pk else None
    at_value = meta.get_field("at").get_db_prep_save(at, connection=connection)
    via = via[:100]
    snapshot = audit.Snapshots(ledger.model)

    def row(p: PlannedRow, action: str, changes: dict[str, Any]) -> tuple[Any, ...]:
        instance = p.instance
        return (
            content_type,
            str(instance.pk),
            str(instance)[:200],
            action,
            actor_id,
            via,
            at_value,
            changes_field.get_db_prep_save(changes, connection=connection),
            "",
        )

    labels: dict[int, tuple[models.Model, str]] = {}

    def label(obj: models.Model) -> str:
        found = labels.get(id(obj))
        if found is None or found[0] is not obj:
            found = labels[id(obj)] = (obj, str(obj))
        return found[1]

    rows = []
    for p in creates:
        changes = {k: [None, v] for k, v in snapshot(p.instance).items() if v not in (None, "")}
        changes.update({k: [None, [label(o) for o in v]] for k, v in p.m2m.items() if v})
        rows.append(row(p, AuditAction.CREATE.value, changes))
    for p in updates:
        rows.append(row(p, AuditAction.CHANGE.value, p.changes))
    bulk.insert_values(AuditEntry, [meta.get_field(name).attname for name in AUDIT_COLUMNS], rows)


ANALYZE_AFTER = 5_000  # records created by one import beyond which SQLite's statistics are refreshed


def refresh_statistics(ledger: Ledger, created: int) -> None:
    """After a large import into SQLite, refresh the planner's statistics of the tables it filled.

    SQLite keeps the row counts of its last ANALYZE: a table grown tenfold since looks small, and a
    lookup of many keys (the next import's) scans it instead of its index. PostgreSQL analyzes by itself.
    """
    connection = connections[router.db_for_write(ledger.model)]
    if connection.vendor != "sqlite" or created < ANALYZE_AFTER:
        return
    meta = ledger.model._meta
    tables = [meta.db_table] + [f.remote_field.through._meta.db_table for f in meta.local_many_to_many]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _check_versions(ledger: Ledger, updates: list[PlannedRow]) -> None:
    """Refuse the file when a record it changes was changed by someone else since it was checked."""
    planned = {p.instance.pk: p for p in updates}
    pks = list(planned)
    stale = []
    for start in range(0, len(pks), CHUNK):
        rows = ledger.model._default_manager.select_for_update().filter(pk__in=pks[start : start + CHUNK])
        for pk, version in rows.values_list("pk", "version"):
            if version != planned[pk].instance.version:
                stale.append(planned[pk])
    if stale:
        header = ledger.key_columns[0].header
        message = _("该记录在检查之后已被其他人修改，未写入任何数据，请重新导入")
        raise Conflict(sorted((RowError(p.row, header, message) for p in stale), key=lambda e: e.row))


def _fetch_pks(ledger: Ledger, instances: list[models.Model]) -> None:
    """Give records inserted without their keys the primary keys the database assigned, by their key."""
    if not instances:
        return
    attnames = [ledger.model._meta.get_field(c.field).attname for c in ledger.key_columns]
    by_key = {tuple(getattr(obj, a) for a in attnames): obj for obj in instances}
    alias = router.db_for_write(ledger.model)
    wanted = list({getattr(obj, attnames[0]) for obj in instances})
    manager = ledger.model._default_manager.db_manager(alias)
    for start in range(0, len(wanted), CHUNK):
        found = manager.filter(**{f"{attnames[0]}__in": wanted[start : start + CHUNK]}).order_by()
        for pk, *key in found.values_list("pk", *attnames):
            obj = by_key.get(tuple(key))
            if obj is not None:
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = alias
    missing = [obj for obj in instances if obj.pk is None]
    if missing:
        raise RuntimeError(f"{ledger.id}: {len(missing)} inserted rows not found again by their key")


def _write_m2m(ledger: Ledger, creates: list[PlannedRow], updates: list[PlannedRow]) -> None:
    names = {name for p in creates + updates for name in p.m2m}
    for name in names:
        relation = ledger.model._meta.get_field(name)
        through = relation.remote_field.through
        source = relation.m2m_field_name()
        target = relation.m2m_reverse_field_name()
        touched = [p for p in updates if name in p.changes]
        for start in range(0, len(touched), CHUNK):
            chunk = [p.instance.pk for p in touched[start : start + CHUNK]]
            through.objects.filter(**{f"{source}__in": chunk}).delete()
        links = [(p.instance.pk, t.pk) for p in creates + touched for t in p.m2m.get(name, [])]
        bulk.insert_values(through, [f"{source}_id", f"{target}_id"], links)
