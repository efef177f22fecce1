from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emgov.core.interchange import registry
from emgov.core.interchange.files import FileError, file_format


class Command(BaseCommand):
    help = "导出台账为 .xlsx 或 .csv。Export a ledger: emgov export LEDGER FILE"

    def add_arguments(self, parser):
        parser.add_argument("ledger", help="台账代号，例如 regions、enterprises、inspections")
        parser.add_argument("file", help="输出文件，.xlsx 或 .csv")

    def handle(self, *args, ledger: str, file: str, **options):
        try:
            found = registry.get(ledger)
            fmt = file_format(file)
        except (registry.UnknownLedger, FileError) as exc:
            raise CommandError(exc.args[0]) from None
        target = Path(file)
        with target.open("wb") as out:
            found.export(found.export_queryset(), out, fmt)
        self.stdout.write(f"已导出“{found.title}”到 {target}")
