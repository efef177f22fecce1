"""A ledger's import pages: upload → check in the background → preview → confirm → write in the background.

The work itself is `emgov.core.jobs`; these views only show a job to the user who uploaded it.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emgov.core import jobs
from emgov.core.forms import ImportForm
from emgov.core.interchange import registry
from emgov.core.interchange.files import FileError, csv_safe
from emgov.core.models import ImportJob, ImportState, User
from emgov.core.models.regions import bureau_region

if TYPE_CHECKING:
    pass

RECENT_JOBS = 10


class ImportPages:
    """The import views of `LedgerPages`."""

    def can_import(self, user: User) -> bool:
        """Those who cover the whole bureau import any ledger; others import the ledgers of records
        placed by region, and each row is checked to lie in their regions (reference data is the bureau's)."""
        if not (self.ledger_id and self.can_edit(user)):
            return False
        if user.sees_everything:
            return True
        region = bureau_region()
        if region is not None and any(region.path.startswith(p) for p in user.region_paths()):
            return True
        return getattr(self.model, "scope", None) is not None

    def _require_import(self, request: HttpRequest) -> None:
        if not self.can_import(request.user):
            raise Http404

    def _job(self, request: HttpRequest, pk: int) -> ImportJob:
        """The user's own job of this ledger; anyone else's answers 404."""
        self._require_import(request)
        return get_object_or_404(ImportJob, pk=pk, user=request.user, ledger_id=self.ledger_id)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        self._require_edit(request)
        ledger = registry.get(self.ledger_id)
        allowed = self.can_import(request.user)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and allowed and form.is_valid():
            try:
                job = jobs.import_job_create(
                    actor=request.user, ledger_id=self.ledger_id, upload=form.cleaned_data["file"]
                )
            except FileError as exc:
                form.add_error("file", str(exc))
            else:
                return redirect(self.url("import-job", pk=job.pk))
        jobs.reap_dead_workers()
        recent = ImportJob.objects.filter(user=request.user, ledger_id=self.ledger_id)[:RECENT_JOBS]
        return render(
            request,
            "core/pages/import.html",
            {
                **self.base_context(request),
                "ledger": ledger,
                "form": form,
                "allowed": allowed,
                "recent": recent,
                "max_mb": settings.EMGOV_UPLOAD_MAX_BYTES // 1048576,
            },
        )

    def _job_context(self, request: HttpRequest, job: ImportJob) -> dict[str, Any]:
        jobs.reap_dead_workers()
        job.refresh_from_db()
        step, done, total = jobs.live_progress(job)
        if job.state == ImportState.WRITING and step == _("检查"):
            step = _("写入前复核")
        errors = jobs.error_texts(job)
        return {
            **self.base_context(request),
            "job": job,
            "step": step,
            "done": done,
            "total": total,
            "done_text": f"{done:,}",
            "total_text": f"{total:,}",
            "percent": min(100, done * 100 // total) if total else 0,
            "stalled": jobs.is_stalled(job),
            "errors": errors,
            "error_count": (job.summary or {}).get("error_count", len(errors)),
            "warnings": (job.summary or {}).get("warnings", []),
            "changes": (job.summary or {}).get("changes", []) if job.state == ImportState.CHECKED else [],
        }

    def import_job_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self._job(request, pk)
        return render(request, "core/pages/import_job.html", self._job_context(request, job))

    def import_status_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self._job(request, pk)
        return render(request, "core/pages/_import_status.html", self._job_context(request, job))

    def import_errors_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The error list as a spreadsheet, to work through beside the file."""
        job = self._job(request, pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"{Path(job.original_name).stem}_错误.csv"
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([_("行"), _("列"), _("原因")])
        writer.writerows([csv_safe(v) for v in cells] for cells in jobs.error_cells(job))
        return response

    def import_confirm_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return require_POST(self._import_confirm)(request, pk)

    def _import_confirm(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self._job(request, pk)
        if not jobs.import_job_confirm(job, actor=request.user):
            messages.error(request, _("该导入已不在待确认状态，不能再次确认。"))
        return redirect(self.url("import-job", pk=job.pk))

    def import_cancel_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return require_POST(self._import_cancel)(request, pk)

    def _import_cancel(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self._job(request, pk)
        if jobs.import_job_cancel(job, actor=request.user):
            messages.success(request, _("已取消导入，上传的文件已删除，没有写入任何数据。"))
        return redirect(self.url("import"))
