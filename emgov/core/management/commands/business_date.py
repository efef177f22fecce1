import datetime

from django.core.management.base import BaseCommand, CommandError

from emgov.core import clock


class Command(BaseCommand):
    help = "查看或设置业务日期（系统按哪一天运行）。Show or set the business date."

    def add_arguments(self, parser):
        parser.add_argument("date", nargs="?", help="业务日期，格式 YYYY-MM-DD")
        parser.add_argument("--calendar", action="store_true", help="取消业务日期，按日历日期运行")
        parser.add_argument("--note", default="", help="说明")

    def handle(self, *args, date: str | None, calendar: bool, note: str, **options):
        if calendar:
            clock.business_date_set(None)
        elif date:
            try:
                on = datetime.date.fromisoformat(date)
            except ValueError as exc:
                raise CommandError(f"日期“{date}”无法识别，请写成 YYYY-MM-DD，例如 2023-12-04。") from exc
            clock.business_date_set(on, note)
        if calendar or date:
            self.stdout.write(
                "运行中的网页服务重启后按新的业务日期运行（共用缓存 EMGOV_CACHE_URL 时立即生效）。"
            )
        current = clock.business_date()
        if current:
            self.stdout.write(f"系统按业务日期 {current:%Y-%m-%d} 运行。")
        else:
            self.stdout.write(f"系统按日历日期运行（今天是 {clock.today():%Y-%m-%d}）。")
