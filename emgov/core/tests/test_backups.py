import io
import json
import stat
import tarfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from emgov.core.backups import DATABASE, MANIFEST
from emgov.core.models import Department

# A backup of the other kind of database than the one the tests run on.
OTHER_VENDOR = "sqlite" if connection.vendor == "postgresql" else "postgresql"


@pytest.fixture
def var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = settings.VAR_DIR / "media"
    (settings.MEDIA_ROOT / "attachments" / "2023").mkdir(parents=True)
    (settings.MEDIA_ROOT / "attachments" / "2023" / "现场照片.jpg").write_bytes(b"\xff\xd8photo")
    (settings.VAR_DIR / "imports").mkdir(parents=True)
    (settings.VAR_DIR / "imports" / "1-abc.csv").write_text("统一社会信用代码\n")
    return settings.VAR_DIR


def make_backup(tmp_path):
    out = tmp_path / "backups"
    call_command("backup", "--output", str(out))
    (archive,) = out.iterdir()
    return archive


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_the_data_and_the_files(tmp_path, var):
    from emgov.demo.base import ensure_base

    ensure_base()
    archive = make_backup(tmp_path)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile(MANIFEST))
    assert {"media/attachments/2023/现场照片.jpg", "imports/1-abc.csv", DATABASE[connection.vendor]} <= names
    assert manifest["format"] == "emgov-backup" and manifest["format_version"] == 1
    assert "0001_initial" in manifest["migrations"]["core"]

    Department.objects.filter(short_name="卫健").update(name="改错了的名字")
    photo = settings.MEDIA_ROOT / "attachments" / "2023" / "现场照片.jpg"
    photo.unlink()
    (settings.MEDIA_ROOT / "后来的.txt").write_text("x")
    call_command("restore", str(archive), "--yes")
    assert Department.objects.get(short_name="卫健").name == "佛山市南海区卫生健康局"
    assert photo.read_bytes() == b"\xff\xd8photo"
    assert not (settings.MEDIA_ROOT / "后来的.txt").exists()


def rewritten(archive, tmp_path, change) -> str:
    """The backup with its manifest changed by `change`."""
    target = tmp_path / "changed.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name == MANIFEST:
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            out.addfile(member, io.BytesIO(data) if data is not None else None)
    return str(target)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.update(format_version=99), "备份文件格式版本为 99"),
        (lambda m: m["migrations"]["core"].append("9999_from_the_future"), "备份来自更新版本的系统"),
        (lambda m: m.update(database=OTHER_VENDOR), f"备份来自 {OTHER_VENDOR} 数据库"),
        (lambda m: m.update(format="something-else"), "不是 EMGov 备份文件"),
    ],
)
def test_an_incompatible_backup_is_refused_before_anything_is_replaced(tmp_path, var, change, message):
    from emgov.demo.base import ensure_base

    ensure_base()
    archive = make_backup(tmp_path)
    Department.objects.filter(short_name="卫健").update(name="现在的名字")
    with pytest.raises(CommandError, match=message):
        call_command("restore", rewritten(archive, tmp_path, change), "--yes")
    assert Department.objects.get(short_name="卫健").name == "现在的名字"
    assert (settings.MEDIA_ROOT / "attachments" / "2023" / "现场照片.jpg").exists()


@pytest.mark.django_db
def test_a_file_that_is_not_an_emgov_backup_is_refused(tmp_path, var):
    plain = tmp_path / "emgov.sqlite3"
    plain.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(CommandError, match="不是 EMGov 备份文件"):
        call_command("restore", str(plain), "--yes")
    assert (settings.MEDIA_ROOT / "attachments" / "2023" / "现场照片.jpg").exists()


@pytest.mark.django_db
def test_restore_needs_confirmation(tmp_path):
    with pytest.raises(CommandError, match="加上 --yes"):
        call_command("restore", str(tmp_path / "x.tar.gz"))
    with pytest.raises(CommandError, match="找不到备份文件"):
        call_command("restore", str(tmp_path / "x.tar.gz"), "--yes")
