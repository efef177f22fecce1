"""Writing a checked file: one transaction, bulk statements, and the audit rows in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import audit
from emgov.core.interchange import bulk
from emgov.core.interchange.planning import CHUNK
from emgov.core.interchange.results import PlannedRow, RowError
from emgov.core.models import AuditAction, User

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
        bulk.insert(_audit_rows(ledger, creates, updates, actor=actor, via=via, at=now))
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


def _audit_rows(
    ledger: Ledger,
    creates: list[PlannedRow],
    updates: list[PlannedRow],
    *,
    actor: User | None,
    via: str,
    at: datetime,
) -> list[models.Model]:
    rows = []
    for p in creates:
        changes = {k: [None, v] for k, v in audit.snapshot(p.instance).items() if v not in (None, "")}
        changes.update({k: [None, [str(o) for o in v]] for k, v in p.m2m.items() if v})
        rows.append(
            audit.entry(p.instance, action=AuditAction.CREATE, actor=actor, via=via, at=at, changes=changes)
        )
    for p in updates:
        rows.append(
            audit.entry(p.instance, action=AuditAction.CHANGE, actor=actor, via=via, at=at, changes=p.changes)
        )
    return rows


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
        found = manager.filter(**{f"{attnames[0]}__in": wanted[start : start + CHUNK]})
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
