import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce


def place_cases(apps, schema_editor):
    """Every case's region as the scope finds it: its enterprise's town, else its visit's, else its own."""
    PenaltyCase = apps.get_model("cases", "PenaltyCase")
    Enterprise = apps.get_model("enterprises", "Enterprise")
    Visit = apps.get_model("enforcement", "Visit")
    PenaltyCase.objects.update(
        place=Coalesce(
            Subquery(Enterprise.objects.filter(pk=OuterRef("enterprise_id")).values("town_id")[:1]),
            Subquery(Visit.objects.filter(pk=OuterRef("visit_id")).values("enterprise__town_id")[:1]),
            F("region_id"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_notice_service_confiscation_challenges_head_approval"),
        ("core", "0011_export_jobs"),
        ("enforcement", "0008_visit_location_signatures_reinspections"),
        ("enterprises", "0003_enterprise_name_initials_backfill"),
    ]

    operations = [
        migrations.AddField(
            model_name="penaltycase",
            name="place",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.region",
                verbose_name="所属区划",
            ),
        ),
        migrations.RunPython(place_cases, migrations.RunPython.noop),
    ]
