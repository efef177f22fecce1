"""Backups of the whole system: the database and the uploaded files, in one archive readable by its owner alone.

An archive (`emgov-YYYYmmdd-HHMMSS.tar.gz`, mode 0600) holds `manifest.json` (what it is, its format
version, the database it came from and the migrations applied to it), the database (SQLite through
its online backup API, PostgreSQL through pg_dump) and the files under MEDIA_ROOT (photos,
attachments, signatures) and `var/imports`. `restore` reads the manifest first and refuses, before
replacing anything, a file that is not an EMGov backup or comes from a version this code cannot take.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = "emgov-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


class BackupError(RuntimeError):
    pass


def file_folders() -> dict[str, Path]:
    """The uploaded files a backup carries, by their folder in the archive."""
    return {"media": Path(settings.MEDIA_ROOT), "imports": Path(settings.VAR_DIR) / "imports"}


# Backup -----------------------------------------------------------------------------------------


def backup(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = folder / f"emgov-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(dir=folder) as work:
        dump = Path(work) / DATABASE.get(connection.vendor, "database")
        _dump_database(dump)
        manifest = _manifest()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out, tarfile.open(fileobj=out, mode="w:gz") as archive:
                _add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
                archive.add(dump, arcname=dump.name)
                for name, path in file_folders().items():
                    if path.is_dir():
                        archive.add(path, arcname=name, filter=_regular_files)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    return target


def _manifest() -> dict[str, Any]:
    applied = MigrationLoader(connection, ignore_no_migrations=True).applied_migrations
    migrations: dict[str, list[str]] = {}
    for app, name in sorted(applied):
        migrations.setdefault(app, []).append(name)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": migrations,
    }


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def _regular_files(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
    return info if info.isfile() or info.isdir() else None


def _dump_database(target: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as out:
            connection.connection.backup(out)
        return
    if connection.vendor == "postgresql":
        if not shutil.which("pg_dump"):
            raise BackupError("找不到 pg_dump，请安装 PostgreSQL 客户端工具")
        _run(["pg_dump", "--format=custom", "--file", str(target), *_pg_args()], "pg_dump")
        return
    raise BackupError(f"不支持的数据库：{connection.vendor}")


# Restore ----------------------------------------------------------------------------------------


def read_manifest(source: Path) -> dict[str, Any]:
    """The backup's manifest once it is known to be an EMGov backup this code can restore."""
    not_ours = BackupError(f"{source} 不是 EMGov 备份文件（应为 emgov backup 生成的 .tar.gz 文件）")
    try:
        with tarfile.open(source, mode="r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            manifest = json.loads(member.read(1_048_576)) if member else None
    except (tarfile.TarError, KeyError, OSError, EOFError, ValueError):
        raise not_ours from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise not_ours
    check_compatible(manifest)
    return manifest


def check_compatible(manifest: dict[str, Any]) -> None:
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            f"备份文件格式版本为 {version}，本系统只能恢复第 {FORMAT_VERSION} 版及以前的备份，请升级系统后再恢复"
        )
    if manifest.get("database") != connection.vendor:
        raise BackupError(
            f"备份来自 {manifest.get('database')} 数据库，当前使用的是 {connection.vendor}，不能直接恢复"
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = sorted(
        f"{app}.{name}"
        for app, names in (manifest.get("migrations") or {}).items()
        for name in names
        if (app, name) not in known
    )
    if newer:
        shown = "、".join(newer[:5]) + ("等" if len(newer) > 5 else "")
        raise BackupError(f"备份来自更新版本的系统（含本系统没有的数据库变更 {shown}），请升级系统后再恢复")


def restore(source: Path) -> dict[str, Any]:
    """Replace the database and the uploaded files with the backup's; returns its manifest."""
    if not source.is_file():
        raise BackupError(f"找不到备份文件 {source}")
    manifest = read_manifest(source)
    work = Path(tempfile.mkdtemp(dir=Path(settings.VAR_DIR)))
    try:
        with tarfile.open(source, mode="r:gz") as archive:
            archive.extractall(work, filter="data")
        dump = work / DATABASE.get(connection.vendor, "database")
        if not dump.is_file():
            raise BackupError(f"{source} 中缺少数据库文件，备份不完整")
        _check_database(dump, source)
        _load_database(dump)
        for name, target in file_folders().items():
            _replace_folder(work / name, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return manifest


def _check_database(dump: Path, source: Path) -> None:
    if connection.vendor == "sqlite":
        with sqlite3.connect(dump) as backup_db:
            if backup_db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{source} 中的数据库已损坏")


def _load_database(dump: Path) -> None:
    if connection.vendor == "sqlite":
        with sqlite3.connect(dump) as backup_db:
            connection.ensure_connection()
            backup_db.backup(connection.connection)
        return
    connection.close()
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", *_pg_args(), str(dump)], "pg_restore")


def _replace_folder(unpacked: Path, target: Path) -> None:
    """The folder as the backup holds it: the current one kept aside until the new one is in place."""
    if not unpacked.is_dir():
        unpacked.mkdir()
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = target.with_name(f"{target.name}.before-restore")
    shutil.rmtree(aside, ignore_errors=True)
    if target.exists():
        target.rename(aside)
    shutil.move(str(unpacked), str(target))
    shutil.rmtree(aside, ignore_errors=True)


# PostgreSQL -------------------------------------------------------------------------------------


def _pg_env() -> dict[str, str]:
    db = settings.DATABASES[DEFAULT_DB_ALIAS]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args() -> list[str]:
    db = settings.DATABASES[DEFAULT_DB_ALIAS]
    args = ["--dbname", str(db["NAME"])]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    return args


def _run(command: list[str], name: str) -> None:
    done = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{name} 失败：{done.stderr.strip()}")
