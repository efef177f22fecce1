import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from emgov.core.models import Department


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_the_data(tmp_path, capsys):
    from emgov.demo.base import ensure_base

    ensure_base()
    call_command("backup", "--output", str(tmp_path))
    files = list(tmp_path.iterdir())
    assert len(files) == 1
    Department.objects.filter(short_name="卫健").update(name="改错了的名字")
    call_command("restore", str(files[0]), "--yes")
    assert Department.objects.get(short_name="卫健").name == "佛山市南海区卫生健康局"


@pytest.mark.django_db
def test_restore_needs_confirmation(tmp_path):
    with pytest.raises(CommandError, match="加上 --yes"):
        call_command("restore", str(tmp_path / "x.sqlite3"))
    with pytest.raises(CommandError, match="找不到备份文件"):
        call_command("restore", str(tmp_path / "x.sqlite3"), "--yes")
