from emgov.cases.models import PenaltyCase
from emgov.core.credit_export import PeriodExportCommand, parse_period
from emgov.publicity.services.cf import (
    cf_filename,
    export_warnings,
    past_display_count,
    published_penalties,
    write_cf,
)


class Command(PeriodExportCommand):
    help = (
        "按信用中国 cf_ 标准导出期间内已公示、仍在公示期内的行政处罚决定（.xlsx 或 .csv）。"
        "Export the penalty decisions published in a period and not past their 公示截止期: "
        "emgov export-cf --from DATE --to DATE [--format xlsx|csv] [-o FILE]"
    )
    what = "行政处罚决定"

    def records(self, start, end):
        return published_penalties(PenaltyCase.objects.all(), start, end)

    def write(self, records, target, fmt):
        write_cf(records, target, fmt)

    def filename(self, start, end, fmt):
        return cf_filename(start, end, fmt)

    def handle(self, *args, start: str, end: str, **options):
        for warning in export_warnings(PenaltyCase.objects.all()):
            self.stderr.write(f"注意：{warning}")
        super().handle(*args, start=start, end=end, **options)
        first, last = parse_period(start, end)
        left_out = past_display_count(PenaltyCase.objects.all(), first, last)
        if left_out:
            self.stdout.write(f"另有 {left_out} 条已超过最长公示期（公示截止期已过），未导出")
