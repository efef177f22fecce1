"""Backups of the whole database: SQLite through its online backup API, PostgreSQL through pg_dump."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone


class BackupError(RuntimeError):
    pass


def _pg_env() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args() -> list[str]:
    db = settings.DATABASES["default"]
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def backup(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    if connection.vendor == "sqlite":
        target = folder / f"emgov-{stamp}.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as out:
            connection.connection.backup(out)
        return target
    if connection.vendor == "postgresql":
        if not shutil.which("pg_dump"):
            raise BackupError("找不到 pg_dump，请安装 PostgreSQL 客户端工具")
        target = folder / f"emgov-{stamp}.dump"
        done = subprocess.run(
            ["pg_dump", "--format=custom", "--file", str(target), *_pg_args()],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_dump 失败：{done.stderr.strip()}")
        return target
    raise BackupError(f"不支持的数据库：{connection.vendor}")


def restore(source: Path) -> None:
    if not source.is_file():
        raise BackupError(f"找不到备份文件 {source}")
    if connection.vendor == "sqlite":
        with sqlite3.connect(source) as backup_db:
            if backup_db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{source} 不是完好的 SQLite 备份")
            connection.ensure_connection()
            backup_db.backup(connection.connection)
        return
    if connection.vendor == "postgresql":
        connection.close()
        done = subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", *_pg_args(), str(source)],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_restore 失败：{done.stderr.strip()}")
        return
    raise BackupError(f"不支持的数据库：{connection.vendor}")
