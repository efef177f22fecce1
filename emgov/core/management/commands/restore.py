from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emgov.core.backups import BackupError, restore


class Command(BaseCommand):
    help = "用备份文件恢复数据库和上传的文件（会覆盖现有数据）。Restore the database and uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("file", help="emgov backup 生成的备份文件")
        parser.add_argument("--yes", action="store_true", help="确认覆盖现有数据")

    def handle(self, *args, file: str, yes: bool, **options):
        if not yes:
            raise CommandError("恢复会用备份覆盖现有的全部数据。确认无误后请加上 --yes 再运行。")
        try:
            manifest = restore(Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"已从 {file}（{manifest.get('created_at', '')[:19]} 的备份）恢复数据库和上传的文件"
        )
        self.stdout.write("如备份来自较早的版本，请接着运行 emgov migrate 升级数据库结构。")
