from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from emgov.core.backups import BackupError, backup


class Command(BaseCommand):
    help = "备份整个数据库。Back up the whole database."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="备份文件存放的文件夹，默认 var/backups")

    def handle(self, *args, output: str | None, **options):
        folder = Path(output) if output else Path(settings.VAR_DIR) / "backups"
        try:
            target = backup(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"已备份到 {target}")
