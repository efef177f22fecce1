from django.db import migrations
from pypinyin import Style, lazy_pinyin


def initials(name):
    letters = lazy_pinyin(name or "", style=Style.FIRST_LETTER, errors=lambda s: list(s))
    return "".join(ch.lower() for ch in letters if ch.isascii() and ch.isalnum())[:100]


def backfill(apps, schema_editor):
    Enterprise = apps.get_model("enterprises", "Enterprise")
    batch = []
    for enterprise in Enterprise.objects.only("pk", "name").iterator(chunk_size=2000):
        enterprise.name_initials = initials(enterprise.name)
        batch.append(enterprise)
        if len(batch) >= 2000:
            Enterprise.objects.bulk_update(batch, ["name_initials"])
            batch = []
    if batch:
        Enterprise.objects.bulk_update(batch, ["name_initials"])


class Migration(migrations.Migration):

    dependencies = [
        ("enterprises", "0002_enterprise_name_initials"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
