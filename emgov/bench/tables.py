"""Rows written straight into a model's table: every concrete column, its default where not given.

The data set is millions of rows; it is written without validation or audit (the benchmark writes its
own audit rows), COPY on PostgreSQL, executemany on SQLite, with explicit primary keys.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

NOW = datetime.datetime(2023, 12, 4, 9, 0, tzinfo=datetime.UTC)
BATCH = 5000


class Table:
    """The columns of one model's table and their values when a row does not name them."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields]
        self.defaults: dict[str, Any] = {}
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = NOW
            elif f.has_default():
                self.defaults[f.attname] = f.get_default()
            elif f.null:
                self.defaults[f.attname] = None
            else:
                self.defaults[f.attname] = "" if isinstance(f, models.CharField | models.TextField) else None
        # Columns whose Python value the database adapter does not take as is.
        self.prepared = [
            f
            for f in self.fields
            if isinstance(f, models.JSONField | models.DateTimeField | models.DecimalField)
        ]
        self.rows: list[tuple] = []

    def add(self, **values: Any) -> None:
        row = {**self.defaults, **values}
        self.rows.append(tuple(row[f.attname] for f in self.fields))
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            insert(self, self.rows)
            self.rows = []


def _prepare(table: Table, rows: list[tuple]) -> Iterable[tuple]:
    if not table.prepared:
        return rows
    positions = [(table.fields.index(f), f) for f in table.prepared]
    out = []
    for row in rows:
        values = list(row)
        for i, f in positions:
            if values[i] is None:
                continue
            if isinstance(f, models.JSONField):
                values[i] = json.dumps(values[i], ensure_ascii=False)
            else:
                values[i] = f.get_db_prep_save(values[i], connection)
        out.append(tuple(values))
    return out


def insert(table: Table, rows: list[tuple]) -> None:
    name = connection.ops.quote_name(table.model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in table.fields)
    prepared = _prepare(table, rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(table.fields))
            cursor.executemany(f"INSERT INTO {name} ({columns}) VALUES ({marks})", list(prepared))


def sequences_reset(model_list: list[type[models.Model]]) -> None:
    """After rows with explicit keys: the next key the database hands out follows the largest."""
    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze(*of: type[models.Model]) -> None:
    """After a bulk load, these models' tables (every table by default) as autovacuum would leave them:
    fresh planner statistics, and on PostgreSQL the visibility map too, without which an index-only scan
    reads the table's rows (autovacuum vacuums a table after enough inserts). The plans are read here.
    VACUUM cannot run inside a transaction (a test's): there, the statistics alone."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    command = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
    with connection.cursor() as cursor:
        for table in [connection.ops.quote_name(m._meta.db_table) for m in of] or [""]:
            cursor.execute(f"{command} {table}".strip())
