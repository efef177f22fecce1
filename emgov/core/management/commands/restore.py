from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emgov.core.backups import BackupError, restore


class Command(BaseCommand):
    help = "用备份文件恢复整个数据库（会覆盖现有数据）。Restore the whole database from a backup."

    def add_arguments(self, parser):
        parser.add_argument("file", help="emgov backup 生成的备份文件")
        parser.add_argument("--yes", action="store_true", help="确认覆盖现有数据")

    def handle(self, *args, file: str, yes: bool, **options):
        if not yes:
            raise CommandError("恢复会用备份覆盖现有的全部数据。确认无误后请加上 --yes 再运行。")
        try:
            restore(Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"已从 {file} 恢复数据库")
