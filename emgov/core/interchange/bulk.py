"""Writing many rows at once, faster than Model.save() or bulk_create for the sizes of a large import.

Django's bulk_create compiles a placeholder per value and a statement per batch; for the hundreds of
thousands of records, links and audit rows of a large import, handing the driver one prepared
statement with all the values is several times faster. The values are still prepared by the model's
own fields (pre_save, then get_db_prep_save), as save() would, a column at a time: a value that
repeats down a column (a date, a department, a choice) is prepared once, and text that a text field
stores as it is is not prepared at all. On PostgreSQL the rows are streamed with COPY; elsewhere one
INSERT or UPDATE is executed for every row (executemany).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper

from emgov.core.models.places import followed_models, replace_dependents

BATCH = 5000
# Values whose prepared form depends on nothing but their type and value: prepared once per column.
_REPEATABLE = (str, int, bool, datetime.date, type(None))
_TEXT_METHODS = {
    cls: (cls.to_python, cls.get_prep_value, models.Field.get_db_prep_value, models.Field.get_db_prep_save)
    for cls in (models.CharField, models.TextField)
}
_MISSING = object()


def insert(objs: Sequence[models.Model]) -> None:
    """INSERT new records of one model without their primary keys; the database assigns those.

    The objects are not given their keys back (SQLite cannot return them from executemany): callers
    that need them read them by a unique field.
    """
    if not objs:
        return
    model = type(objs[0])
    meta = model._meta
    if meta.parents:
        raise TypeError(f"{model.__name__}: bulk insert does not support multi-table inheritance")
    connection = connections[router.db_for_write(model)]
    fields = [f for f in meta.concrete_fields if not f.primary_key and not getattr(f, "generated", False)]
    _prepare_related(objs, "insert", fields)
    columns = [_column(f, objs, connection, add=True) for f in fields]
    _insert(connection, meta.db_table, fields, list(zip(*columns, strict=True)))


def insert_values(model: type[models.Model], attnames: list[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """INSERT rows of values that need no preparation (keys, numbers, text) into the columns `attnames`."""
    if rows:
        connection = connections[router.db_for_write(model)]
        _insert(connection, model._meta.db_table, [model._meta.get_field(a) for a in attnames], rows)


def update(objs: Sequence[models.Model], field_names: list[str]) -> None:
    """UPDATE the fields `field_names` of saved records: on PostgreSQL from a COPY into a temporary table,
    elsewhere one prepared statement executed per record. A record keeping its place (PlaceField) has it
    written too, and records whose place follows these are re-placed, as save() does."""
    if not objs:
        return
    model = type(objs[0])
    place = getattr(model, "place_field", None)
    _update(objs, [*field_names, place] if place and place not in field_names else field_names)
    if model in followed_models():
        replace_dependents(model, [obj.pk for obj in objs])


def _update(objs: Sequence[models.Model], field_names: list[str]) -> None:
    model = type(objs[0])
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [meta.get_field(name) for name in field_names]
    _prepare_related(objs, "update", fields)
    columns = [_column(f, objs, connection, add=False) for f in fields]
    columns.append([meta.pk.get_db_prep_save(obj.pk, connection=connection) for obj in objs])
    rows = list(zip(*columns, strict=True))
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    columns = [quote(f.column) for f in fields]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            staging = quote(f"bulk_update_{meta.db_table}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {staging} AS SELECT {', '.join(columns)}, {pk} FROM {table} WITH NO DATA"
            )
            with cursor.cursor.copy(f"COPY {staging} ({', '.join(columns)}, {pk}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            assignments = ", ".join(f"{c} = s.{c}" for c in columns)
            cursor.execute(f"UPDATE {table} AS t SET {assignments} FROM {staging} AS s WHERE t.{pk} = s.{pk}")
            cursor.execute(f"DROP TABLE {staging}")
            return
        sql = "UPDATE {} SET {} WHERE {} = %s".format(table, ", ".join(f"{c} = %s" for c in columns), pk)
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _prepare_related(objs: Sequence[models.Model], operation: str, fields: list[models.Field]) -> None:
    """What Model._prepare_related_fields_for_save does before a save, a foreign key at a time: refuse a
    record pointing to an unsaved one, and take the key of a record assigned before it was saved."""
    meta = type(objs[0])._meta
    if any(hasattr(f, "fk_field") for f in meta.private_fields):
        for obj in objs:
            obj._prepare_related_fields_for_save(operation_name=operation, fields=fields)
        return
    for field in fields:
        if not field.is_relation:
            continue
        name, attname = field.cache_name, field.attname
        target_attname = field.target_field.attname
        for obj in objs:
            target = obj._state.fields_cache.get(name, _MISSING)
            if target is _MISSING or not target:
                continue
            if not target._is_pk_set():
                obj._prepare_related_fields_for_save(operation_name=operation, fields=fields)
            elif getattr(obj, attname) in field.empty_values:
                setattr(obj, field.name, target)
            if getattr(target, target_attname) != getattr(obj, attname):
                field.delete_cached_value(obj)


def _column(
    field: models.Field, objs: Sequence[models.Model], connection: BaseDatabaseWrapper, *, add: bool
) -> list[Any]:
    """The values of one field of `objs`, as the database takes them (pre_save, then get_db_prep_save)."""
    attname = field.attname
    if type(field).pre_save is models.Field.pre_save:
        values = [getattr(obj, attname) for obj in objs]
    else:
        values = [field.pre_save(obj, add) for obj in objs]
    text = _stores_text_as_is(field)
    prepared: dict[tuple[type, Any], Any] = {}
    out = []
    for value in values:
        kind = type(value)
        if kind is str and text:
            out.append(value)
        elif kind in _REPEATABLE:
            found = prepared.get((kind, value), _MISSING)
            if found is _MISSING:
                found = prepared[kind, value] = field.get_db_prep_save(value, connection=connection)
            out.append(found)
        else:
            out.append(field.get_db_prep_save(value, connection=connection))
    return out


def _stores_text_as_is(field: models.Field) -> bool:
    """Whether a str is written unchanged: a char or text field that prepares values as Django's own do."""
    cls = type(field)
    for base, methods in _TEXT_METHODS.items():
        if isinstance(field, base):
            own = (cls.to_python, cls.get_prep_value, cls.get_db_prep_value, cls.get_db_prep_save)
            return own == methods
    return False


def _insert(
    connection: BaseDatabaseWrapper, table: str, fields: list[models.Field], rows: Sequence[tuple[Any, ...]]
) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {quote(table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
