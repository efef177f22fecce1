import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emgov.core.actors import system_actor
from emgov.core.interchange import registry
from emgov.core.interchange.files import FileError, file_format


class Command(BaseCommand):
    help = "导入台账文件（整份导入或全部不导入）。Import a ledger: emgov import LEDGER FILE [--dry-run]"

    def add_arguments(self, parser):
        parser.add_argument("ledger", help="台账代号，例如 regions、enterprises、inspections")
        parser.add_argument("file", help=".xlsx 或 .csv 文件")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")

    def handle(self, *args, ledger: str, file: str, dry_run: bool, verbosity: int = 1, **options):
        try:
            found = registry.get(ledger)
            fmt = file_format(file)
        except (registry.UnknownLedger, FileError) as exc:
            raise CommandError(exc.args[0]) from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"找不到文件 {file}")

        def progress(step: str, done: int, total: int) -> None:
            if verbosity > 1:
                self.stderr.write(f"{step} {min(done, total)}/{total}")

        with path.open("rb") as stream:
            result = found.load(
                stream, fmt, actor=system_actor(), via=f"导入 {path.name}", dry_run=dry_run, progress=progress
            )
        for warning in result.warnings:
            self.stderr.write(f"提示：{warning}")
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            self.stderr.write(result.summary())
            sys.exit(1)
        self.stdout.write(result.summary())
