import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def place_records(apps, schema_editor):
    """Each visit's region is its enterprise's town; a hazard's and an order's, their visit's."""
    Enterprise = apps.get_model("enterprises", "Enterprise")
    Visit = apps.get_model("enforcement", "Visit")
    Visit.objects.update(
        place=Subquery(Enterprise.objects.filter(pk=OuterRef("enterprise_id")).values("town_id")[:1])
    )
    for name in ("Hazard", "Order"):
        apps.get_model("enforcement", name).objects.update(
            place=Subquery(Visit.objects.filter(pk=OuterRef("visit_id")).values("place_id")[:1])
        )


def place_field(**kwargs):
    return models.ForeignKey(
        blank=True,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="core.region",
        verbose_name="所属区划",
        **kwargs,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_export_jobs"),
        ("enforcement", "0008_visit_location_signatures_reinspections"),
        ("enterprises", "0003_enterprise_name_initials_backfill"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(model_name="hazard", name="place", field=place_field()),
        migrations.AddField(model_name="order", name="place", field=place_field(db_index=False)),
        migrations.AddField(model_name="visit", name="place", field=place_field(db_index=False)),
        migrations.RunPython(place_records, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["place", "issued_on"], name="order_place_issued"),
        ),
        migrations.AddIndex(
            model_name="visit",
            index=models.Index(fields=["place", "date"], name="visit_place_date"),
        ),
    ]
