"""导入任务: one ledger file on its way through check, confirmation and write, run in the background."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportState(models.TextChoices):
    CHECK_QUEUED = "check_queued", _("等待检查")
    CHECKING = "checking", _("正在检查")
    CHECKED = "checked", _("检查通过，待确认导入")
    INVALID = "invalid", _("发现错误，未写入")
    WRITE_QUEUED = "write_queued", _("等待导入")
    WRITING = "writing", _("正在导入")
    DONE = "done", _("已导入")
    CANCELLED = "cancelled", _("已取消")
    FAILED = "failed", _("处理失败")


QUEUED_STATES = (ImportState.CHECK_QUEUED, ImportState.WRITE_QUEUED)
RUNNING_STATES = (ImportState.CHECKING, ImportState.WRITING)
FINISHED_STATES = (ImportState.INVALID, ImportState.DONE, ImportState.CANCELLED, ImportState.FAILED)


class ImportJob(models.Model):
    """One upload of a ledger file by one user; only that user may see, confirm or cancel it."""

    ledger_id = models.CharField(_("台账"), max_length=50)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        on_delete=models.CASCADE,
        related_name="import_jobs",
    )
    stored_name = models.CharField(_("存储文件"), max_length=100, blank=True)
    original_name = models.CharField(_("文件名"), max_length=255)
    fmt = models.CharField(_("格式"), max_length=4)
    size = models.PositiveBigIntegerField(_("文件大小（字节）"), default=0)
    state = models.CharField(
        _("状态"), max_length=12, choices=ImportState.choices, default=ImportState.CHECK_QUEUED
    )
    step = models.CharField(_("步骤"), max_length=20, blank=True)
    done = models.PositiveIntegerField(_("已处理行数"), default=0)
    total = models.PositiveIntegerField(_("总行数"), default=0)
    summary = models.JSONField(_("结果摘要"), default=dict, blank=True)
    errors = models.JSONField(_("错误"), default=list, blank=True)
    message = models.CharField(_("说明"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("最近更新"), default=timezone.now)
    started_at = models.DateTimeField(_("开始处理"), null=True, blank=True)
    finished_at = models.DateTimeField(_("处理完成"), null=True, blank=True)
    # The worker running the job: where it runs, its process and when it last said it was alive.
    worker_host = models.CharField(_("后台进程主机"), max_length=100, blank=True)
    worker_pid = models.PositiveIntegerField(_("后台进程号"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("最近心跳"), null=True, blank=True)

    class Meta:
        verbose_name = _("导入任务")
        verbose_name_plural = _("导入任务")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "ledger_id", "created_at"], name="import_job_user_ledger")]

    def __str__(self) -> str:
        return f"{self.original_name}（{self.get_state_display()}）"

    @property
    def is_queued(self) -> bool:
        return self.state in QUEUED_STATES

    @property
    def is_running(self) -> bool:
        return self.state in RUNNING_STATES

    @property
    def is_active(self) -> bool:
        """Still moving without the user: the status page keeps polling."""
        return self.is_queued or self.is_running

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0


class ExportState(models.TextChoices):
    QUEUED = "queued", _("等待导出")
    RUNNING = "running", _("正在导出")
    DONE = "done", _("已导出")
    FAILED = "failed", _("导出失败")


class ExportJob(models.Model):
    """One export of a ledger's list (as filtered) by one user, written in the background."""

    ledger_id = models.CharField(_("台账"), max_length=50)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导出人"),
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    title = models.CharField(_("名称"), max_length=100)
    fmt = models.CharField(_("格式"), max_length=4)
    query = models.CharField(_("筛选条件"), max_length=2000, blank=True)
    state = models.CharField(
        _("状态"), max_length=10, choices=ExportState.choices, default=ExportState.QUEUED
    )
    done = models.PositiveIntegerField(_("已导出行数"), default=0)
    total = models.PositiveIntegerField(_("总行数"), default=0)
    stored_name = models.CharField(_("存储文件"), max_length=100, blank=True)
    message = models.CharField(_("说明"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("最近更新"), default=timezone.now)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    worker_host = models.CharField(_("后台进程主机"), max_length=100, blank=True)
    worker_pid = models.PositiveIntegerField(_("后台进程号"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("最近心跳"), null=True, blank=True)

    class Meta:
        verbose_name = _("导出任务")
        verbose_name_plural = _("导出任务")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title}（{self.get_state_display()}）"

    @property
    def is_active(self) -> bool:
        return self.state in (ExportState.QUEUED, ExportState.RUNNING)

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0
