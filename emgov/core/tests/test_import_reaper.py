"""A job whose worker is gone (killed, crashed) is failed with the reason, and its files deleted, within a
minute: when the user's page polls it, when jobs are listed, and when a worker takes the next job."""

from __future__ import annotations

import datetime
import os
import subprocess

import pytest
from django.utils import timezone

from emgov.core import jobs, workers
from emgov.core.models import ImportJob, ImportState
from emgov.core.tests.test_import_jobs import BASE, csv_file, good_rows, upload


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def running_job(user, **worker) -> ImportJob:
    job = ImportJob.objects.create(
        ledger_id="enterprises",
        user=user,
        original_name="大文件.csv",
        stored_name=f"{user.pk}-stuck.csv",
        fmt="csv",
        state=ImportState.WRITING,
        step="写入",
        done=200,
        total=1000,
        **worker,
    )
    jobs.stored_path(job).write_text("stored upload")
    (jobs.upload_dir() / f"job-{job.pk}.progress.json").write_text("{}")
    (jobs.upload_dir() / f"job-{job.pk}.heartbeat").touch()
    return job


def files_of(job: ImportJob) -> list[str]:
    return sorted(p.name for p in jobs.upload_dir().iterdir() if p.name.startswith(("job-", job.stored_name)))


def test_a_job_whose_worker_process_was_killed_is_failed_when_its_page_polls(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    pid = dead_pid()
    job = running_job(
        nanhai.district_officer, worker_host=workers.host(), worker_pid=pid, heartbeat_at=timezone.now()
    )
    assert len(files_of(job)) == 3
    fragment = client.get(f"{BASE}{job.pk}/status/").content.decode()
    job.refresh_from_db()
    assert job.state == ImportState.FAILED
    assert f"进程号 {pid}" in job.message and "没有写入任何数据" in job.message
    assert "导入失败" in fragment and f"进程号 {pid}" in fragment
    assert 'hx-trigger="every 1s"' not in fragment
    assert files_of(job) == []


def test_a_job_whose_heartbeat_stopped_is_failed_when_jobs_are_listed(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    silent = timezone.now() - datetime.timedelta(seconds=workers.HEARTBEAT_STALE + 20)
    job = running_job(nanhai.district_officer, worker_host="another-host", worker_pid=1, heartbeat_at=silent)
    ImportJob.objects.filter(pk=job.pk).update(updated_at=silent)
    beat = jobs.upload_dir() / f"job-{job.pk}.heartbeat"
    stamp = silent.timestamp()
    os.utime(beat, (stamp, stamp))
    listing = client.get(BASE).content.decode()
    job.refresh_from_db()
    assert job.state == ImportState.FAILED and "秒没有响应" in job.message
    assert "处理失败" in listing
    assert files_of(job) == []


def test_a_live_worker_is_left_alone(nanhai):
    job = running_job(
        nanhai.district_officer,
        worker_host=workers.host(),
        worker_pid=os.getpid(),
        heartbeat_at=timezone.now(),
    )
    assert jobs.reap_dead_workers() == 0
    job.refresh_from_db()
    assert job.state == ImportState.WRITING and len(files_of(job)) == 3


def test_the_worker_reaps_before_it_takes_the_next_job(nanhai, django_capture_on_commit_callbacks):
    stuck = running_job(nanhai.district_officer, worker_host=workers.host(), worker_pid=dead_pid())
    client = nanhai.client_for(nanhai.district_officer)
    ImportJob.objects.filter(pk=stuck.pk).update(user=nanhai.admin)  # not seen by the uploader's pages
    job = upload(client, csv_file(good_rows(2)), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    stuck.refresh_from_db()
    assert job.state == ImportState.CHECKED
    assert stuck.state == ImportState.FAILED and not jobs.stored_path(stuck).exists()


def test_a_finished_job_records_no_worker_left_behind(nanhai, django_capture_on_commit_callbacks):
    client = nanhai.client_for(nanhai.district_officer)
    job = upload(client, csv_file(good_rows(2)), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.worker_host == workers.host() and job.heartbeat_at is not None
    assert not (jobs.upload_dir() / f"job-{job.pk}.heartbeat").exists()
