"""Whether the worker running a background job is still alive: its process, and its heartbeat.

A worker that claims a job records its host and process id; while it runs the job a thread touches a
heartbeat file every few seconds (a file, because during a write transaction the job's own row cannot
be seen by other connections). A job whose process is gone on this host, or whose heartbeat is older
than `HEARTBEAT_STALE`, was left by a worker that was killed or crashed: `reap` fails it.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import socket
import threading
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

HEARTBEAT_INTERVAL = 5  # seconds between two beats of a running job
HEARTBEAT_STALE = 40  # seconds without a beat after which the worker is taken to be gone


def work_dir(kind: str) -> Path:
    """The folder under VAR_DIR where background work of one kind keeps its files (imports, exports)."""
    folder = Path(settings.VAR_DIR) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def host() -> str:
    return socket.gethostname()[:100]


def claim_fields() -> dict[str, Any]:
    """The fields a worker sets on a job it starts."""
    return {"worker_host": host(), "worker_pid": os.getpid(), "heartbeat_at": timezone.now()}


class Heartbeat:
    """While the `with` block runs, touch `path` every `HEARTBEAT_INTERVAL` seconds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{path.name}", daemon=True)

    def _run(self) -> None:
        while True:
            with contextlib.suppress(OSError):
                self.path.touch()
            if self._stop.wait(HEARTBEAT_INTERVAL):
                return

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.path.unlink(missing_ok=True)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def last_beat(job: Any, beat_file: Path) -> datetime.datetime:
    times = [t for t in (job.heartbeat_at, job.updated_at) if t is not None]
    try:
        stamp = beat_file.stat().st_mtime
    except OSError:
        pass
    else:
        times.append(datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC))
    return max(times)


def gone_reason(job: Any, beat_file: Path) -> str:
    """Why the job's worker is taken to be gone ("" while it is alive), in Chinese."""
    if job.worker_pid and job.worker_host == host() and not process_alive(job.worker_pid):
        return f"后台处理进程（进程号 {job.worker_pid}）已停止运行"
    silent = (timezone.now() - last_beat(job, beat_file)).total_seconds()
    if silent > HEARTBEAT_STALE:
        return f"后台处理进程已 {int(silent)} 秒没有响应"
    return ""
