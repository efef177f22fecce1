import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from emgov.core import clock
from emgov.core.models import Region
from emgov.demo.base import DEMO_PASSWORD, DEMO_USERS, build_base
from emgov.demo.build import build_demo
from emgov.demo.targets import AS_OF
from emgov.reports import tallies, tally_sums


class Command(BaseCommand):
    help = "载入佛山市南海区2023年演示数据。Load the Nanhai 2023 demo data."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="先清空数据库再载入")
        parser.add_argument("--if-empty", action="store_true", help="数据库已有数据时什么也不做")

    def handle(self, *args, reset: bool, if_empty: bool, **options):
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("数据库尚未建好或不是最新结构。请先运行 emgov migrate，再运行 emgov demo。")
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        if Region.objects.exists():
            if if_empty:
                self.stdout.write("数据库已有数据，跳过演示数据。")
                self.print_logins()
                return
            raise CommandError(
                "数据库已有数据。要重新载入演示数据，请使用 emgov demo --reset（会清空数据库）。"
            )
        started = time.perf_counter()
        self.stdout.write("正在载入南海区2023年演示数据：")
        with transaction.atomic():
            build_base(actor=None)
            build_demo(progress=self.stdout.write)
            clock.business_date_set(AS_OF, note="南海区2023年演示数据")
        with connection.cursor() as cursor:  # planner statistics for the freshly loaded tables
            cursor.execute("ANALYZE")
        tallies.refresh()  # the dashboard's inspection tallies, before its first request
        tally_sums.sum_marked()
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"已载入南海区演示数据，用时 {seconds:.0f} 秒。"))
        self.stdout.write(
            f"系统按业务日期 {AS_OF:%Y-%m-%d} 运行（emgov business_date --calendar 可改回按日历日期）。"
        )
        self.print_logins()

    def print_logins(self):
        self.stdout.write(f"\n演示账号（密码均为 {DEMO_PASSWORD}）：")
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec.username:<10} {spec.note}")
