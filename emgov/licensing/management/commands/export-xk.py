from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emgov.core.credit_export import parse_period
from emgov.core.interchange.files import FileError, file_format
from emgov.licensing.models import LicensingCase
from emgov.licensing.queries import published_decisions
from emgov.licensing.xk import write_xk


class Command(BaseCommand):
    help = (
        "按 XK_ 标准导出期间内已公示的行政许可决定（.xlsx 或 .csv）。"
        "Export the licensing decisions published in a period: emgov export-xk --from DATE --to DATE FILE"
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="公示日期自，YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="公示日期至，YYYY-MM-DD")
        parser.add_argument("file", help="输出文件，.xlsx 或 .csv")

    def handle(self, *args, start: str, end: str, file: str, **options):
        try:
            first, last = parse_period(start, end)
            fmt = file_format(file)
        except (ValueError, FileError) as exc:
            raise CommandError(exc.args[0]) from None
        cases = published_decisions(LicensingCase.objects.all(), first, last)
        target = Path(file)
        with target.open("wb") as out:
            write_xk(cases, out, fmt)
        self.stdout.write(f"已导出{first}至{last}公示的行政许可决定 {cases.count()} 条到 {target}")
