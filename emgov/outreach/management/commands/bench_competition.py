"""`emgov bench_competition` (`make bench-competition`): N participants answer at once against `emgov serve`.

In a throw-away SQLite database: a reviewed bank and an open competition, then the server started as
`emgov serve` would run it, then N simulated participants (asyncio + httpx), each entering with its
own phone and answering every question with a pause between answers. Prints the answers' latency
(median, p95, max) and the errors; a benchmark, not a test."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emgov.outreach.loadtest import LoadResult, run_load


class Command(BaseCommand):
    help = "知识竞赛答题压力测试（临时数据库，不影响现有数据）"

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=500)
        parser.add_argument("--questions", type=int, default=10)
        parser.add_argument("--think", type=float, nargs=2, default=(3.0, 8.0), metavar=("MIN", "MAX"))
        parser.add_argument("--workers", type=int, default=2, help="gunicorn 工作进程数（默认 2）")
        parser.add_argument("--port", type=int, default=8765)

    def handle(self, *args, participants, questions, think, workers, port, **options):
        folder = Path(tempfile.mkdtemp(prefix="emgov-bench-competition-"))
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "EMGOV_VAR_DIR": str(folder),
            "EMGOV_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        emgov = [sys.executable, "-m", "emgov.cli"]
        subprocess.run([*emgov, "migrate", "-v", "0"], env=env, check=True)
        subprocess.run([*emgov, "shell", "-c", SETUP % {"q": questions}], env=env, check=True)
        server = subprocess.Popen(
            [*emgov, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--no-task-worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(server, port)
            result = asyncio.run(
                run_load(
                    f"http://127.0.0.1:{port}", participants=participants, questions=questions, think=think
                )
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
            shutil.rmtree(folder, ignore_errors=True)
        self.stdout.write(report(result, participants, questions, think, workers))
        if result.errors:
            raise CommandError(f"{len(result.errors)} 个错误")


def wait_for(server: subprocess.Popen, port: int, seconds: int = 60) -> None:
    """Until the server answers on its port (gunicorn takes a few seconds on a busy machine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError("服务未能启动")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    raise CommandError("服务在 60 秒内未能启动")


def report(r: LoadResult, participants: int, questions: int, think, workers: int) -> str:
    return (
        f"{participants} 名参赛者同时答题（每人 {questions} 题，两题间隔 {think[0]:g}–{think[1]:g} 秒），"
        f"emgov serve {workers} 个工作进程，SQLite\n"
        f"答题请求 {len(r.answer_ms)} 次，用时 {r.seconds:.1f} 秒（{len(r.answer_ms) / r.seconds:.0f} 次/秒）；"
        f"中位数 {r.percentile(50):.0f} ms，p95 {r.percentile(95):.0f} ms，p99 {r.percentile(99):.0f} ms，"
        f"最大 {max(r.answer_ms, default=0):.0f} ms；报名请求 p95 {r.percentile(95, r.entry_ms):.0f} ms；"
        f"错误 {len(r.errors)} 个{('：' + '；'.join(r.errors[:5])) if r.errors else ''}"
    )


SETUP = """
import datetime
from django.utils import timezone
from emgov.core import clock, services
from emgov.demo.base import build_base
from emgov.outreach.models import Competition, OutreachActivity, Question, QuestionBank
build_base(actor=None)
bank = services.record_create(QuestionBank(name="压力测试题库"), actor=None)
for n in range(1, 41):
    services.record_create(Question(bank=bank, code=f"B{n:03d}", kind="单选题", text=f"第{n}题",
        options=["甲", "乙", "丙", "丁"], answer="A", explanation="解析", legal_reference="安全生产法",
        status="已审核"), actor=None)
activity = services.record_create(OutreachActivity(number="BENCH-1", kind="知识竞赛", name="压力测试",
    start_date=clock.today(), participants=0), actor=None)
now = timezone.now()
services.record_create(Competition(activity=activity, slug="bench", title="压力测试竞赛", bank=bank,
    opens_at=now - datetime.timedelta(hours=1), closes_at=now + datetime.timedelta(days=1),
    questions_per_attempt=%(q)s, seconds_per_attempt=3600, attempts_per_day=1,
    requests_per_ip_minute=1000000), actor=None)
"""
