from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from emgov.core.backups import BackupError, backup


class Command(BaseCommand):
    help = "备份数据库和上传的文件（照片、附件、导入文件），备份文件只有本用户可读。Back up the database and files."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="备份文件存放的文件夹，默认 var/backups")

    def handle(self, *args, output: str | None, **options):
        folder = Path(output) if output else Path(settings.VAR_DIR) / "backups"
        try:
            target = backup(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"已备份到 {target}（数据库和上传的文件，权限 0600）")
