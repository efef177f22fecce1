import os
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

WORKER_STOP_SECONDS = 30
WORKER_RESTART_SECONDS = 5


class TaskWorker:
    """`emgov db_worker` as a child process: started with the server, restarted if it dies, stopped with it."""

    def __init__(self, write) -> None:
        self.write = write
        self.owner_pid = os.getpid()
        self.stopping = threading.Event()
        self.process: subprocess.Popen | None = None
        self._watch: threading.Thread | None = None

    def command(self) -> list[str]:
        return [sys.executable, "-m", "emgov.cli", "db_worker", "--no-reload", "--interval", "1", "-v", "0"]

    def start(self) -> None:
        # A session of its own: Ctrl+C in the terminal reaches the server, which then stops the worker.
        self.process = subprocess.Popen(self.command(), start_new_session=True)
        self.write(f"后台任务进程已启动（pid {self.process.pid}）")
        if self._watch is None:
            self._watch = threading.Thread(target=self._keep_alive, name="emgov-task-worker", daemon=True)
            self._watch.start()

    def _keep_alive(self) -> None:
        while not self.stopping.is_set():
            process = self.process
            code = process.wait() if process else 0
            if self.stopping.wait(WORKER_RESTART_SECONDS):
                return
            self.write(f"后台任务进程已退出（代码 {code}），正在重新启动")
            self._reap()
            self.start()

    def _reap(self) -> None:
        """Fail the jobs the exited worker left running (their files are deleted)."""
        from django.db import connection

        from emgov.core import exports, jobs

        try:
            failed = jobs.reap_dead_workers() + exports.reap_dead_workers()
        finally:
            connection.close()
        if failed:
            self.write(f"已将 {failed} 个因后台进程退出而中断的任务标记为失败")

    def stop(self) -> None:
        # gunicorn's forked workers leave through the same `finally` as the server: only the process
        # that started the worker stops it.
        if os.getpid() != self.owner_pid:
            return
        self.stopping.set()
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()  # the worker finishes the task in hand, then exits
        try:
            process.wait(timeout=WORKER_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Command(BaseCommand):
    help = "运行网页服务（gunicorn）和后台任务进程。Serve EMGov with gunicorn and run the task worker."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="地址:端口，默认 127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--no-task-worker",
            action="store_true",
            help="不启动后台任务进程（另行运行 emgov db_worker 时使用）",
        )

    def handle(self, *args, bind: str, workers: int, no_task_worker: bool, **options):
        from gunicorn.app.wsgiapp import WSGIApplication

        from emgov.core import jobs

        self.stdout.write(f"EMGov: http://{bind}/  (数据库 {settings.DATABASES['default']['NAME']})")
        argv = ["emgov.wsgi:application", "--bind", bind, "--workers", str(workers), "--access-logfile", "-"]

        class App(WSGIApplication):
            def load_config(self):
                self.cfg.set("bind", [bind])
                self.cfg.set("workers", workers)
                self.cfg.set("accesslog", "-")

        worker = None
        if not no_task_worker:
            interrupted = jobs.fail_interrupted()
            if interrupted:
                self.stdout.write(f"上次停止时有 {interrupted} 个导入任务未完成，已标记为失败")
            worker = TaskWorker(lambda text: self.stdout.write(text))
            worker.start()
        try:
            app = App("%(prog)s [OPTIONS] [APP_MODULE]")
            app.app_uri = argv[0]
            app.run()
        finally:
            if worker is not None:
                worker.stop()
