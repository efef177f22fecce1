from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
import emgov.core.models.base


class Migration(migrations.Migration):

    dependencies = [
        ('enforcement', '0002_hazard_supervision_order_details'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ChecklistItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='版本')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='修改时间')),
                ('article', models.CharField(help_text='例如：第三条第（一）项', max_length=30, unique=True, verbose_name='条款')),
                ('part', models.CharField(choices=[('通用', '通用'), ('行业', '行业'), ('专项', '专项')], max_length=2, verbose_name='类别')),
                ('industry', models.CharField(blank=True, max_length=30, verbose_name='行业或专项')),
                ('text', models.TextField(verbose_name='检查内容')),
                ('major', models.BooleanField(default=True, help_text='不符合时登记为重大事故隐患', verbose_name='重大事故隐患判定条款')),
                ('position', models.PositiveIntegerField(default=0, verbose_name='排序')),
                ('active', models.BooleanField(default=True, verbose_name='启用')),
            ],
            options={
                'verbose_name': '检查项',
                'verbose_name_plural': '检查项目录',
                'ordering': ['position', 'article'],
            },
            bases=(emgov.core.models.base.ScopedMixin, models.Model),
        ),
        migrations.CreateModel(
            name='VisitDraft',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('data', models.JSONField(default=dict, verbose_name='已填内容')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='修改时间')),
                ('discarded_at', models.DateTimeField(blank=True, null=True, verbose_name='放弃时间')),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='填写人')),
                ('visit', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='draft', to='enforcement.visit', verbose_name='提交后的检查记录')),
            ],
            options={
                'verbose_name': '检查记录草稿',
                'verbose_name_plural': '检查记录草稿',
                'ordering': ['-updated_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ChecklistAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='版本')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='修改时间')),
                ('voided_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='作废时间')),
                ('void_reason', models.CharField(blank=True, editable=False, max_length=500, verbose_name='作废原因')),
                ('answer', models.CharField(choices=[('符合', '符合'), ('不符合', '不符合'), ('不适用', '不适用')], max_length=3, verbose_name='检查结论')),
                ('note', models.CharField(blank=True, max_length=500, verbose_name='说明')),
                ('visit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='checklist_answers', to='enforcement.visit', verbose_name='检查记录')),
                ('voided_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='作废人')),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='answers', to='enforcement.checklistitem', verbose_name='检查项')),
            ],
            options={
                'verbose_name': '检查项结论',
                'verbose_name_plural': '检查项结论',
                'ordering': ['visit', 'item__position', 'item__article'],
                'constraints': [models.UniqueConstraint(fields=('visit', 'item'), name='checklist_answer_once')],
            },
            bases=(emgov.core.models.base.ScopedMixin, models.Model),
        ),
    ]
