"""Writing many rows at once, faster than Model.save() or bulk_create for the sizes of a large import.

Django's bulk_create compiles a placeholder per value and a statement per batch; for the hundreds of
thousands of records, links and audit rows of a large import, handing the driver one prepared
statement with all the values is several times faster. The values are still prepared by the model's
own fields (pre_save, then get_db_prep_save), as save() would. On PostgreSQL the rows are streamed
with COPY; elsewhere one INSERT or UPDATE is executed for every row (executemany).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper

BATCH = 5000


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
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="insert")
        rows.append(tuple(f.get_db_prep_save(f.pre_save(obj, True), connection=connection) for f in fields))
    _insert(connection, meta.db_table, fields, rows)


def insert_values(model: type[models.Model], attnames: list[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """INSERT rows of values that need no preparation (keys, numbers, text) into the columns `attnames`."""
    if rows:
        connection = connections[router.db_for_write(model)]
        _insert(connection, model._meta.db_table, [model._meta.get_field(a) for a in attnames], rows)


def update(objs: Sequence[models.Model], field_names: list[str]) -> None:
    """UPDATE the fields `field_names` of saved records: on PostgreSQL from a COPY into a temporary table,
    elsewhere one prepared statement executed per record."""
    if not objs:
        return
    model = type(objs[0])
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [meta.get_field(name) for name in field_names]
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="update", fields=fields)
        rows.append(
            (
                *(f.get_db_prep_save(f.pre_save(obj, False), connection=connection) for f in fields),
                meta.pk.get_db_prep_save(obj.pk, connection=connection),
            )
        )
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
