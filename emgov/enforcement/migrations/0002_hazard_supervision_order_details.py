from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("enforcement", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="hazard",
            name="supervised_on",
            field=models.DateField(blank=True, null=True, verbose_name="挂牌督办日期"),
        ),
        migrations.AddField(
            model_name="hazard",
            name="supervising_body",
            field=models.CharField(blank=True, max_length=100, verbose_name="督办单位"),
        ),
        migrations.AddField(
            model_name="order",
            name="basis",
            field=models.CharField(blank=True, max_length=300, verbose_name="法律依据"),
        ),
        migrations.AddField(
            model_name="order",
            name="content",
            field=models.TextField(blank=True, verbose_name="决定内容"),
        ),
        migrations.AddField(
            model_name="order",
            name="extension_days",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="延长天数"),
        ),
        migrations.AddField(
            model_name="order",
            name="extension_reason",
            field=models.CharField(blank=True, max_length=300, verbose_name="延长理由"),
        ),
        migrations.AddField(
            model_name="order",
            name="hazards",
            field=models.ManyToManyField(
                blank=True, related_name="orders", to="enforcement.hazard", verbose_name="隐患"
            ),
        ),
        migrations.AddField(
            model_name="order",
            name="resumed_on",
            field=models.DateField(blank=True, null=True, verbose_name="恢复生产经营日期"),
        ),
    ]
