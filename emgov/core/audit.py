"""Audit rows, written by services in the same transaction as the change they describe."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from emgov.core.display import format_value
from emgov.core.models import AuditAction, AuditEntry, User


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).isoformat(timespec="seconds")
            if timezone.is_aware(value)
            else value.isoformat()
        )
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def audited_fields(instance: models.Model) -> list[models.Field]:
    exclude = set(getattr(instance, "audit_exclude", ()))
    return [
        f
        for f in instance._meta.concrete_fields
        if not f.primary_key and f.name not in exclude and not f.name.endswith("_ptr")
    ]


def snapshot(instance: models.Model) -> dict[str, Any]:
    """Field values as they will be shown in the audit trail (foreign keys by their label)."""
    values: dict[str, Any] = {}
    for field in audited_fields(instance):
        if field.is_relation:
            values[field.name] = (
                _json_value(getattr(instance, field.name)) if getattr(instance, field.attname) else None
            )
        else:
            values[field.name] = _json_value(getattr(instance, field.attname))
    return values


class Snapshots:
    """`snapshot` for many records of one model (an import): the fields are listed once, and the label of
    a record that many of them point to (a department, an enterprise) is read once."""

    def __init__(self, model: type[models.Model]) -> None:
        self.fields = [(f.name, f.attname, f.is_relation) for f in audited_fields(model)]
        self.labels: dict[int, tuple[models.Model, Any]] = {}

    def __call__(self, instance: models.Model) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, attname, relation in self.fields:
            if relation:
                if not getattr(instance, attname):
                    values[name] = None
                    continue
                target = getattr(instance, name)
                found = self.labels.get(id(target))
                if found is None or found[0] is not target:
                    found = self.labels[id(target)] = (target, _json_value(target))
                values[name] = found[1]
            else:
                value = getattr(instance, attname)
                values[name] = value if type(value) in _PLAIN else _json_value(value)
        return values


_PLAIN = (str, int, bool, type(None))


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def entry(
    instance: models.Model,
    *,
    action: str,
    actor: User | None,
    via: str,
    changes: dict[str, Any],
    reason: str = "",
    at: datetime.datetime | None = None,
) -> AuditEntry:
    return AuditEntry(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        action=action,
        actor=actor if actor is not None and actor.pk else None,
        via=via[:100],
        at=at or timezone.now(),
        changes=changes,
        reason=reason,
    )


def record(instance: models.Model, **kwargs: Any) -> AuditEntry:
    row = entry(instance, **kwargs)
    row.save()
    return row


def record_creations(instances: Iterable[models.Model], *, actor: User | None, via: str) -> None:
    now = timezone.now()
    rows = [
        entry(
            obj,
            action=AuditAction.CREATE,
            actor=actor,
            via=via,
            at=now,
            changes={k: [None, v] for k, v in snapshot(obj).items() if v not in (None, "")},
        )
        for obj in instances
    ]
    AuditEntry.objects.bulk_create(rows, batch_size=2000)


def history(instance: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    ).select_related("actor")


def labelled_changes(instance: models.Model, changes: dict[str, list[Any]]) -> list[tuple[str, Any, Any]]:
    """(verbose field name, old, new) triples for display."""
    meta = instance._meta
    model = type(instance)
    out = []
    for name, (old, new) in changes.items():
        try:
            field = meta.get_field(name)
        except Exception:  # a field removed since the entry was written
            out.append((name, old, new))
            continue
        if field.is_relation:  # stored as the related record's text already
            out.append((str(field.verbose_name), old, new))
            continue
        out.append(
            (str(field.verbose_name), format_value(model, field, old), format_value(model, field, new))
        )
    return out
