import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from emgov.core.models import Region
from emgov.reports.figures import Scope, compute


class Command(BaseCommand):
    help = "计算年度法治政府建设报告的各项数据。Compute the annual report's figures."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--region", required=True, help="区划代码，例如 440605")
        parser.add_argument("--as-of", dest="as_of", help="截止日期 YYYY-MM-DD，默认当年12月31日")
        parser.add_argument("--format", default="json", choices=["json"])

    def handle(self, *args, year: int, region: str, as_of: str | None, format: str, **options):
        try:
            end = datetime.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError(f"截止日期“{as_of}”格式应为 YYYY-MM-DD") from None
        try:
            scope = Scope.of(year=year, region_code=region, as_of=end)
        except Region.DoesNotExist:
            raise CommandError(f"没有区划代码为“{region}”的区划") from None
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        payload = {
            "year": year,
            "region": region,
            "as_of": scope.as_of.isoformat(),
            "figures": compute(scope),
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
