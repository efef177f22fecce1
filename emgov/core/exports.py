"""Ledger exports in the background: a list too long to write within a request is written by the worker,
with progress, and downloaded by the user who asked for it (`LedgerPages.export_view`)."""

from __future__ import annotations

import datetime
import logging
import os
import uuid
from pathlib import Path
from types import SimpleNamespace

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import workers
from emgov.core.interchange import registry
from emgov.core.models import ExportJob, ExportState, User

logger = logging.getLogger(__name__)

INLINE_ROWS = 2_000  # a list up to this many rows is written within the request
KEEP_HOURS = 24  # a written file is kept this long for its download


def export_dir() -> Path:
    return workers.work_dir("exports")


def stored_path(job: ExportJob) -> Path:
    return export_dir() / job.stored_name


def _beat_path(job_id: int) -> Path:
    return export_dir() / f"export-{job_id}.heartbeat"


def export_job_create(*, actor: User, ledger_id: str, title: str, fmt: str, query: str) -> ExportJob:
    """Queue the export of a list as the user filtered it (`query`, the list's query string)."""
    registry.get(ledger_id)
    with transaction.atomic():
        job = ExportJob.objects.create(
            ledger_id=ledger_id, user=actor, title=str(title)[:100], fmt=fmt, query=query[:2000]
        )
        from emgov.core.tasks import run_export_job

        job_id = job.pk
        transaction.on_commit(lambda: run_export_job.enqueue(job_id))
    return job


def export_job_run(job_id: int) -> str:
    """Write the file of one queued export; returns the state it ends in."""
    reap_dead_workers()
    now = timezone.now()
    claimed = ExportJob.objects.filter(pk=job_id, state=ExportState.QUEUED).update(
        state=ExportState.RUNNING, updated_at=now, **workers.claim_fields()
    )
    job = ExportJob.objects.filter(pk=job_id).first()
    if not claimed or job is None:
        return job.state if job else ""
    stored_name = f"{job.user_id}-{uuid.uuid4().hex}.{job.fmt}"
    target = export_dir() / stored_name
    try:
        with workers.Heartbeat(_beat_path(job.pk)):
            queryset = _queryset(job)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                registry.get(job.ledger_id).export(queryset, out, job.fmt, progress=_reporter(job.pk))
    except BaseException as exc:
        logger.exception("Export job %s failed", job.pk)
        target.unlink(missing_ok=True)
        _fail(job, _("导出时出现意外错误（%(e)s），请重试。") % {"e": type(exc).__name__})
        raise
    ExportJob.objects.filter(pk=job.pk, state=ExportState.RUNNING).update(
        state=ExportState.DONE, stored_name=stored_name, finished_at=timezone.now(), updated_at=timezone.now()
    )
    return ExportState.DONE


def _queryset(job: ExportJob):
    """The list as its user saw it: the ledger's pages filter it with the user's scope and the query."""
    from django.urls import get_resolver

    from emgov.core.pages.base import pages_for

    get_resolver().url_patterns  # noqa: B018 (loading the URLs registers every ledger's pages)
    pages = pages_for(registry.get(job.ledger_id).model)
    request = SimpleNamespace(user=job.user, GET=QueryDict(job.query))
    queryset, _state = pages.filtered(request)
    return queryset


def _reporter(job_id: int):
    def progress(step: str, done: int, total: int) -> None:
        now = timezone.now()
        ExportJob.objects.filter(pk=job_id).update(done=done, total=total, updated_at=now, heartbeat_at=now)

    return progress


def reap_dead_workers() -> int:
    """Fail the running exports whose worker is gone, and delete what they wrote; the number failed.
    Also delete the files of exports finished more than `KEEP_HOURS` ago."""
    failed = 0
    for job in ExportJob.objects.filter(state=ExportState.RUNNING):
        reason = workers.gone_reason(job, _beat_path(job.pk))
        if reason and _fail(job, _("%(why)s，导出被中断，请重新导出。") % {"why": reason}):
            failed += 1
    cutoff = timezone.now() - datetime.timedelta(hours=KEEP_HOURS)
    for job in ExportJob.objects.filter(state=ExportState.DONE, finished_at__lt=cutoff).exclude(
        stored_name=""
    ):
        stored_path(job).unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job.pk).update(stored_name="", message=_("文件已过期删除，请重新导出。"))
    return failed


def _fail(job: ExportJob, message: str) -> bool:
    now = timezone.now()
    moved = ExportJob.objects.filter(pk=job.pk, state__in=[ExportState.QUEUED, ExportState.RUNNING]).update(
        state=ExportState.FAILED, message=message[:500], finished_at=now, updated_at=now
    )
    _beat_path(job.pk).unlink(missing_ok=True)
    return bool(moved)
