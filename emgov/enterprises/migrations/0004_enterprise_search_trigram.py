"""A trigram index over the enterprise's searched text (`Enterprise.search_indexed`), on PostgreSQL only.

A list's search box matches `UPPER(field) LIKE UPPER('%text%')` (Django's `icontains`); a trigram GIN
index over the same expressions finds those rows without reading every enterprise. `pg_trgm` is a trusted
extension (PostgreSQL 13+): the database's owner may create it. Where it cannot be created the index is
left out and searches read the table as before; nothing else depends on it.
"""

from django.db import DatabaseError, migrations, transaction

INDEX = "enterprise_search_trgm"
FIELDS = ("name", "name_initials", "credit_code", "legal_representative", "address")


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:  # no privilege to create it: searches read the table instead
            return
        columns = ", ".join(f'UPPER("{f}"::text) gin_trgm_ops' for f in FIELDS)
        cursor.execute(f'CREATE INDEX IF NOT EXISTS {INDEX} ON "enterprises_enterprise" USING gin ({columns})')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0003_enterprise_name_initials_backfill")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
