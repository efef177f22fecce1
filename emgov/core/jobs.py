"""Ledger imports in the background: upload → check (a dry run) → confirm → write, with progress.

The web request only stores the file and queues a task (after commit); the worker (`emgov db_worker`,
started by `emgov serve`) runs the ledger engine and reports progress into the `ImportJob` row. During
the write, which is one transaction, progress rows are not visible to other connections until commit,
so the worker also mirrors them into a small file beside the upload that the status page reads.
"""

from __future__ import annotations

import codecs
import datetime
import json
import logging
import os
import time
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import workers
from emgov.core.interchange import registry
from emgov.core.interchange.files import FileError, check_archive, file_format
from emgov.core.interchange.ledger import ImportResult, RowError
from emgov.core.interchange.limits import SheetLimits
from emgov.core.models import ImportJob, ImportState, User
from emgov.core.models.jobs import RUNNING_STATES

logger = logging.getLogger(__name__)

MAX_STORED_ERRORS = 1000
PROGRESS_INTERVAL = 0.5  # seconds between two progress writes
STALLED_AFTER = 600  # seconds without progress before the page says the worker may have stopped
CSV_SNIFF_BYTES = 64 * 1024
UNCONFIRMED_HOURS = 48  # a checked upload not confirmed within this time is cancelled and deleted


# Files ------------------------------------------------------------------------------------------


def upload_dir() -> Path:
    return workers.work_dir("imports")


def stored_path(job: ImportJob) -> Path:
    return upload_dir() / job.stored_name


def _progress_path(job_id: int) -> Path:
    return upload_dir() / f"job-{job_id}.progress.json"


def _beat_path(job_id: int) -> Path:
    return upload_dir() / f"job-{job_id}.heartbeat"


def check_upload(upload: UploadedFile) -> str:
    """The file's format when it may be imported; FileError with the reason in Chinese otherwise."""
    fmt = file_format(upload.name or "")
    limit = settings.EMGOV_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise FileError(
            _("文件大小为 %(size).1f MB，超过了 %(mb)s MB 的上限，请拆分后分批导入")
            % {"size": upload.size / 1048576, "mb": limit // 1048576}
        )
    if not upload.size:
        raise FileError(_("文件是空的"))
    upload.seek(0)
    if fmt == "xlsx":
        _check_xlsx(upload)
    else:
        _check_csv(upload)
    upload.seek(0)
    return fmt


def _check_xlsx(upload: UploadedFile) -> None:
    if upload.read(4) != b"PK\x03\x04":
        raise FileError(_("文件不是有效的 .xlsx 表格（可能是改了扩展名的其他文件，或旧版 .xls 文件）"))
    upload.seek(0)
    try:
        check_archive(upload, SheetLimits.current())
    except FileError as exc:
        if str(exc) == _("文件不是有效的 .xlsx 表格"):
            raise FileError(
                _("文件不是有效的 .xlsx 表格（可能是改了扩展名的其他文件，或旧版 .xls 文件）")
            ) from None
        raise


def _check_csv(upload: UploadedFile) -> None:
    head = upload.read(CSV_SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04"):
        raise FileError(_("这是一个 Excel 表格，不是 CSV 文件：请把扩展名改为 .xlsx 后上传"))
    if b"\x00" in head:
        raise FileError(_("文件含有二进制内容，不是文本格式的 CSV 表格"))
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        raise FileError(_("CSV 文件必须是 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）")) from None


# Services ---------------------------------------------------------------------------------------


def import_job_create(*, actor: User, ledger_id: str, upload: UploadedFile) -> ImportJob:
    """Store a checked upload for `actor` alone and queue its dry run; FileError if it is refused."""
    registry.get(ledger_id)
    fmt = check_upload(upload)
    expire_unconfirmed()
    stored_name = f"{actor.pk}-{uuid.uuid4().hex}.{fmt}"
    target = upload_dir() / stored_name
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    try:
        with transaction.atomic():
            job = ImportJob.objects.create(
                ledger_id=ledger_id,
                user=actor,
                stored_name=stored_name,
                original_name=Path(upload.name or "").name[:255],
                fmt=fmt,
                size=upload.size,
                state=ImportState.CHECK_QUEUED,
            )
            _enqueue_on_commit(job)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return job


def import_job_confirm(job: ImportJob, *, actor: User) -> bool:
    """Queue the write of a checked file; False when the job is no longer waiting for confirmation."""
    if job.user_id != actor.pk:
        return False
    with transaction.atomic():
        moved = ImportJob.objects.filter(pk=job.pk, state=ImportState.CHECKED).update(
            state=ImportState.WRITE_QUEUED, step="", done=0, updated_at=timezone.now()
        )
        if moved:
            _enqueue_on_commit(job)
    return bool(moved)


def import_job_cancel(job: ImportJob, *, actor: User) -> bool:
    if job.user_id != actor.pk:
        return False
    moved = ImportJob.objects.filter(pk=job.pk, state=ImportState.CHECKED).update(
        state=ImportState.CANCELLED, finished_at=timezone.now(), updated_at=timezone.now()
    )
    if moved:
        stored_path(job).unlink(missing_ok=True)
    return bool(moved)


def expire_unconfirmed() -> int:
    """Cancel checked uploads nobody confirmed in time, and delete their files."""
    cutoff = timezone.now() - datetime.timedelta(hours=UNCONFIRMED_HOURS)
    stale = list(ImportJob.objects.filter(state=ImportState.CHECKED, finished_at__lt=cutoff))
    for job in stale:
        if ImportJob.objects.filter(pk=job.pk, state=ImportState.CHECKED).update(
            state=ImportState.CANCELLED,
            message=_("超过%(h)s小时未确认，已自动取消") % {"h": UNCONFIRMED_HOURS},
            updated_at=timezone.now(),
        ):
            stored_path(job).unlink(missing_ok=True)
    return len(stale)


def _enqueue_on_commit(job: ImportJob) -> None:
    from emgov.core.tasks import run_import_job

    job_id = job.pk
    transaction.on_commit(lambda: run_import_job.enqueue(job_id))


# The worker's side ------------------------------------------------------------------------------


class ProgressReporter:
    """The `progress` callback of `Ledger.load`: writes (step, done, total) to the job, at most twice a second."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self._last = 0.0

    def __call__(self, step: str, done: int, total: int) -> None:
        done = min(done, total) if total else done
        now = time.monotonic()
        if now - self._last < PROGRESS_INTERVAL and done < total:
            return
        self._last = now
        ImportJob.objects.filter(pk=self.job_id).update(
            step=step[:20], done=done, total=total, updated_at=timezone.now(), heartbeat_at=timezone.now()
        )
        if connection.in_atomic_block:
            _write_progress_file(self.job_id, step, done, total)


def _write_progress_file(job_id: int, step: str, done: int, total: int) -> None:
    target = _progress_path(job_id)
    partial = target.with_suffix(".tmp")
    partial.write_text(json.dumps({"step": step, "done": done, "total": total}), encoding="utf-8")
    partial.replace(target)


def live_progress(job: ImportJob) -> tuple[str, int, int]:
    """(step, done, total) as the worker last reported it, also from inside its write transaction."""
    if job.state == ImportState.WRITING:
        try:
            data = json.loads(_progress_path(job.pk).read_text(encoding="utf-8"))
            return str(data["step"]), int(data["done"]), int(data["total"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
    return job.step, job.done, job.total


def is_stalled(job: ImportJob) -> bool:
    return job.is_active and (timezone.now() - job.updated_at).total_seconds() > STALLED_AFTER


def fail_interrupted() -> int:
    """Mark the jobs a stopped worker left running as failed; call only when no worker is running."""
    running = list(ImportJob.objects.filter(state__in=RUNNING_STATES))
    for job in running:
        _fail(job, _("服务停止时任务被中断，没有写入任何数据。请重新上传。"))
    return len(running)


def reap_dead_workers() -> int:
    """Fail the running jobs whose worker is gone (killed, crashed) and delete their files; the number failed.

    Run whenever jobs are listed or polled, when a worker takes a job, and when `emgov serve` sees its
    worker exit: a job left by a dead worker is failed within `workers.HEARTBEAT_STALE` seconds."""
    failed = 0
    for job in ImportJob.objects.filter(state__in=RUNNING_STATES):
        reason = workers.gone_reason(job, _beat_path(job.pk))
        if reason and _fail(job, _("%(why)s，任务被中断，没有写入任何数据。请重新上传。") % {"why": reason}):
            failed += 1
    return failed


def _fail(job: ImportJob, message: str) -> bool:
    now = timezone.now()
    moved = ImportJob.objects.filter(pk=job.pk, state=job.state).update(
        state=ImportState.FAILED, message=message[:500], finished_at=now, updated_at=now
    )
    if moved:
        _remove_files(job)
    return bool(moved)


def _remove_files(job: ImportJob) -> None:
    for path in (_progress_path(job.pk), _progress_path(job.pk).with_suffix(".tmp"), _beat_path(job.pk)):
        path.unlink(missing_ok=True)
    if job.stored_name:
        stored_path(job).unlink(missing_ok=True)


_NEXT = {
    ImportState.CHECK_QUEUED: ImportState.CHECKING,
    ImportState.WRITE_QUEUED: ImportState.WRITING,
}


def import_job_run(job_id: int) -> str:
    """Run the queued step of one job (the check, or the write); returns the state it ends in."""
    reap_dead_workers()
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.state not in _NEXT:
        return job.state if job else ""
    running = _NEXT[ImportState(job.state)]
    now = timezone.now()
    claimed = ImportJob.objects.filter(pk=job.pk, state=job.state).update(
        state=running,
        step=_("读取文件"),
        done=0,
        total=0,
        started_at=now,
        updated_at=now,
        **workers.claim_fields(),
    )
    if not claimed:
        return ImportJob.objects.get(pk=job.pk).state
    job.refresh_from_db()
    dry_run = running == ImportState.CHECKING
    try:
        with workers.Heartbeat(_beat_path(job.pk)):
            result = _load(job, dry_run=dry_run)
    except BaseException as exc:
        logger.exception("Import job %s failed", job.pk)
        _finish(
            job,
            ImportState.FAILED,
            message=_("后台处理时出现意外错误（%(e)s），没有写入任何数据。") % {"e": type(exc).__name__},
        )
        raise
    if not result.ok:
        _finish(job, ImportState.INVALID, result=result)
    elif dry_run:
        _finish(job, ImportState.CHECKED, result=result, keep_file=True)
    else:
        _finish(job, ImportState.DONE, result=result)
    return job.state


def _load(job: ImportJob, *, dry_run: bool) -> ImportResult:
    ledger = registry.get(job.ledger_id)
    path = stored_path(job)
    if not job.stored_name or not path.exists():
        result = ImportResult(ledger=job.ledger_id, dry_run=dry_run)
        result.errors.append(RowError(0, _("文件"), _("上传的文件已不存在，请重新上传")))
        return result
    with path.open("rb") as stream:
        return ledger.load(
            stream,
            job.fmt,
            actor=job.user,
            via=f"导入 {job.original_name}"[:100],
            dry_run=dry_run,
            progress=ProgressReporter(job.pk),
        )


def _finish(
    job: ImportJob,
    state: str,
    *,
    result: ImportResult | None = None,
    message: str = "",
    keep_file: bool = False,
) -> None:
    job.state = state
    job.message = message[:500]
    job.finished_at = job.updated_at = timezone.now()
    if result is not None:
        job.summary = _summary(result)
        job.errors = [[e.row, e.column, e.message] for e in result.errors[:MAX_STORED_ERRORS]]
        job.total = result.total
        job.done = result.total if result.ok else job.done
        job.step = _("检查") if result.dry_run else _("写入")
    job.save()
    _progress_path(job.pk).unlink(missing_ok=True)
    if not keep_file and job.stored_name:
        stored_path(job).unlink(missing_ok=True)


def error_cells(job: ImportJob) -> list[tuple[int | str, str, str]]:
    """The stored errors as (行, 列, 原因); a row of 0 (the file as a whole) shows empty."""
    cells = []
    for error in job.errors or []:
        if isinstance(error, list) and len(error) == 3:
            row, column, message = error
            cells.append((row or "", str(column), str(message)))
        else:  # stored as one text before errors were kept by cell
            cells.append(("", "", str(error)))
    return cells


def error_texts(job: ImportJob) -> list[str]:
    return [str(RowError(int(r or 0), c, m)) if c else m for r, c, m in error_cells(job)]


def _summary(result: ImportResult) -> dict[str, Any]:
    return {
        "total": result.total,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "error_count": result.error_count,
        "changes": result.changes,
        "warnings": list(result.warnings),
        "dry_run": result.dry_run,
        "text": result.summary(),
    }
