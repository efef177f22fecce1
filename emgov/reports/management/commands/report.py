import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emgov.core.models import Region
from emgov.reports.figures import Scope, compute

FORMATS = ["json", "html", "docx", "pdf"]


class Command(BaseCommand):
    help = "计算年度法治政府建设报告的各项数据，或生成报告全文。Compute the annual report's figures or write the report."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--region", required=True, help="区划代码，例如 440605")
        parser.add_argument("--as-of", dest="as_of", help="截止日期 YYYY-MM-DD，默认当年12月31日")
        parser.add_argument("--format", default="json", choices=FORMATS)
        parser.add_argument("-o", "--output", help="输出文件；json 和 html 默认输出到屏幕")

    def handle(self, *args, year: int, region: str, as_of: str | None, format: str, output=None, **options):
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
        if format in ("docx", "pdf") and not output:
            raise CommandError(f"生成 {format} 文件时请用 -o 指定输出文件")
        content = self.render(scope, format)
        if output:
            path = Path(output)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            self.stderr.write(f"已写入 {path}")
        else:
            self.stdout.write(content)

    def render(self, scope: Scope, format: str) -> str | bytes:
        if format == "json":
            payload = {
                "year": scope.year,
                "region": scope.region.code,
                "as_of": scope.as_of.isoformat(),
                "figures": compute(scope),
            }
            return json.dumps(payload, ensure_ascii=False, indent=2)
        from emgov.reports.annual import build_report
        from emgov.reports.annual_document import annual_document

        report = build_report(scope, compare=True)
        if report.problems:
            found = "；".join(f"{p.label}（{p.key}）：{p.message}" for p in report.problems)
            raise CommandError(f"报告未导出：文稿与记录不符，请修改文稿后再导出。{found}")
        doc = annual_document(report)
        if format == "html":
            return doc.to_html()
        return doc.to_bytes() if format == "docx" else doc.to_pdf()
