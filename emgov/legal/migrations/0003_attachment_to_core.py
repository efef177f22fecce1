# Attachments now belong to core (core 0005 adds the model to core's state, on the same table,
# legal_attachment). Here the model leaves legal's state only: no table or row is touched. The content
# type follows, so that permissions and generic references name core.attachment.

from django.db import migrations


def _move_content_type(apps, schema_editor, source, target):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    types = ContentType.objects.using(schema_editor.connection.alias)
    if not types.filter(app_label=target, model='attachment').exists():
        types.filter(app_label=source, model='attachment').update(app_label=target)
    ContentType.objects.clear_cache()


def to_core(apps, schema_editor):
    _move_content_type(apps, schema_editor, 'legal', 'core')


def to_legal(apps, schema_editor):
    _move_content_type(apps, schema_editor, 'core', 'legal')


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0005_attachment_from_legal'),
        ('legal', '0002_back_office_deadlines_appearance_attachments'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Attachment')],
            database_operations=[],
        ),
        migrations.RunPython(to_core, to_legal),
    ]
