# Attachments move from the legal app into core, so that every app can attach files. The table
# (legal_attachment) and its rows stay: this migration only adds the model to core's state, and
# legal 0003 removes it from legal's.

import django.db.models.deletion
import emgov.core.models.attachments
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0004_department_credit_code'),
        # The table was created by the legal app; later changes to it must run after that.
        ('legal', '0002_back_office_deadlines_appearance_attachments'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Attachment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('file', models.FileField(max_length=200, upload_to=emgov.core.models.attachments.attachment_path, verbose_name='文件')),
                        ('original_name', models.CharField(max_length=255, verbose_name='文件名')),
                        ('size', models.PositiveBigIntegerField(verbose_name='大小（字节）')),
                        ('mime_type', models.CharField(max_length=100, verbose_name='文件类型')),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                        ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='上传人')),
                    ],
                    options={
                        'verbose_name': '附件',
                        'verbose_name_plural': '附件',
                        'db_table': 'legal_attachment',
                        'ordering': ['uploaded_at', 'pk'],
                        'indexes': [models.Index(fields=['content_type', 'object_id'], name='legal_attachment_target')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
