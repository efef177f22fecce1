from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "运行网页服务（gunicorn）。Serve EMGov with gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="地址:端口，默认 127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, bind: str, workers: int, **options):
        from gunicorn.app.wsgiapp import WSGIApplication

        self.stdout.write(f"EMGov: http://{bind}/  (数据库 {settings.DATABASES['default']['NAME']})")
        argv = ["emgov.wsgi:application", "--bind", bind, "--workers", str(workers), "--access-logfile", "-"]

        class App(WSGIApplication):
            def load_config(self):
                self.cfg.set("bind", [bind])
                self.cfg.set("workers", workers)
                self.cfg.set("accesslog", "-")

        app = App("%(prog)s [OPTIONS] [APP_MODULE]")
        app.app_uri = argv[0]
        app.run()
