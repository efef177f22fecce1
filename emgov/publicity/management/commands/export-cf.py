from emgov.cases.models import PenaltyCase
from emgov.core.credit_export import PeriodExportCommand
from emgov.publicity.services.cf import cf_filename, published_penalties, write_cf


class Command(PeriodExportCommand):
    help = (
        "按信用中国 cf_ 标准导出期间内已公示的行政处罚决定（.xlsx 或 .csv）。"
        "Export the penalty decisions published in a period: "
        "emgov export-cf --from DATE --to DATE [--format xlsx|csv] [-o FILE]"
    )
    what = "行政处罚决定"

    def records(self, start, end):
        return published_penalties(PenaltyCase.objects.all(), start, end)

    def write(self, records, target, fmt):
        write_cf(records, target, fmt)

    def filename(self, start, end, fmt):
        return cf_filename(start, end, fmt)
