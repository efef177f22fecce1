"""Create and change records with many-to-many fields: one transaction, one audit entry, one version."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from emgov.core import audit, services
from emgov.core.models import AuditAction, User


@transaction.atomic
def record_create_with_m2m(
    instance: models.Model,
    m2m: dict[str, Iterable[models.Model]],
    *,
    actor: User | None,
    via: str = services.VIA_WEB,
) -> models.Model:
    """`services.record_create`, then the many-to-many fields, in the same transaction and audit entry."""
    obj = services.record_create(instance, actor=actor, via=via)
    added: dict[str, list[Any]] = {}
    for name, targets in m2m.items():
        targets = list(targets)
        getattr(obj, name).set(targets)
        if targets:
            added[name] = [None, [str(t) for t in targets]]
    if added:
        entry = audit.history(obj).filter(action=AuditAction.CREATE).order_by("-id").first()
        entry.changes = {**entry.changes, **added}
        entry.save(update_fields=["changes"])
    return obj


@transaction.atomic
def record_update_with_m2m(
    instance: models.Model,
    *,
    actor: User | None,
    changes: dict[str, Any],
    m2m: dict[str, Iterable[models.Model]],
    expected_version: int | None,
    via: str = services.VIA_WEB,
) -> models.Model:
    """`services.record_update`, then the many-to-many fields; a change of those alone is versioned and
    audited like any other change, and with plain fields it joins their audit entry."""
    version_before = instance.version
    current = services.record_update(
        instance, actor=actor, changes=changes, expected_version=expected_version, via=via
    )
    changed: dict[str, list[Any]] = {}
    for name, targets in m2m.items():
        targets = list(targets)
        before = list(getattr(current, name).all())
        if {o.pk for o in before} != {o.pk for o in targets}:
            getattr(current, name).set(targets)
            changed[name] = [[str(o) for o in before], [str(o) for o in targets]]
    if not changed:
        return current
    model = type(current)
    if current.version == version_before:
        bumped = model._default_manager.filter(pk=current.pk, version=current.version).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
        if bumped != 1:
            raise services.stale_error()
        current.refresh_from_db(fields=["version", "updated_at"])
        audit.record(current, action=AuditAction.CHANGE, actor=actor, via=via, changes=changed)
    else:
        entry = audit.history(current).filter(action=AuditAction.CHANGE).order_by("-id").first()
        entry.changes = {**entry.changes, **changed}
        entry.save(update_fields=["changes"])
    return current
