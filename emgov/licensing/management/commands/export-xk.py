from emgov.core.credit_export import PeriodExportCommand
from emgov.licensing.models import LicensingCase
from emgov.licensing.queries import published_decisions
from emgov.licensing.xk import export_warnings, write_xk, xk_filename


class Command(PeriodExportCommand):
    help = (
        "按 XK_ 标准导出期间内已公示的行政许可决定（.xlsx 或 .csv）。"
        "Export the licensing decisions published in a period: "
        "emgov export-xk --from DATE --to DATE [--format xlsx|csv] [-o FILE]"
    )
    what = "行政许可决定"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The earlier form, `export-xk --from D --to D FILE`, still names the output file.
        parser.add_argument("file", nargs="?", help="（旧用法）输出文件，同 -o")

    def records(self, start, end):
        return published_decisions(LicensingCase.objects.all(), start, end)

    def write(self, records, target, fmt):
        write_xk(records, target, fmt)

    def filename(self, start, end, fmt):
        return xk_filename(start, end, fmt)

    def handle(self, *args, file: str | None = None, output: str | None = None, **options):
        for warning in export_warnings():
            self.stderr.write(f"注意：{warning}")
        super().handle(*args, output=output or file, **options)
