"""A ledger's export pages: a short list is downloaded at once; a long one is written in the background
(`emgov.core.exports`) while its page shows the progress, then downloaded by the user who asked."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from emgov.core import exports
from emgov.core.interchange import registry
from emgov.core.models import ExportJob, ExportState


class ExportPages:
    """The export views of `LedgerPages`."""

    def export_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in ("xlsx", "csv") or not self.ledger_id:
            raise Http404
        qs, _state = self.filtered(request)
        if qs.count() > exports.INLINE_ROWS:
            job = exports.export_job_create(
                actor=request.user,
                ledger_id=self.ledger_id,
                title=self.title,
                fmt=fmt,
                query=request.GET.urlencode(),
            )
            return redirect(self.url("export-job", pk=job.pk))
        out = self.spool()
        registry.get(self.ledger_id).export(qs, out, fmt)
        out.seek(0)
        return FileResponse(out, as_attachment=True, filename=self._export_name(fmt))

    def _export_name(self, fmt: str) -> str:
        return f"{self.title}_{timezone.localtime():%Y%m%d}.{fmt}"

    def _export_job(self, request: HttpRequest, pk: int) -> ExportJob:
        """The user's own export of this ledger; anyone else's answers 404."""
        if not self.ledger_id:
            raise Http404
        exports.reap_dead_workers()
        return get_object_or_404(ExportJob, pk=pk, user=request.user, ledger_id=self.ledger_id)

    def _export_context(self, request: HttpRequest, job: ExportJob) -> dict[str, Any]:
        return {
            **self.base_context(request),
            "job": job,
            "done_text": f"{job.done:,}",
            "total_text": f"{job.total:,}",
        }

    def export_job_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self._export_job(request, pk)
        return render(request, "core/pages/export_job.html", self._export_context(request, job))

    def export_status_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self._export_job(request, pk)
        return render(request, "core/pages/_export_status.html", self._export_context(request, job))

    def export_download_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = self._export_job(request, pk)
        if job.state != ExportState.DONE or not job.stored_name:
            return redirect(self.url("export-job", pk=job.pk))
        path = exports.stored_path(job)
        if not path.exists():
            raise Http404
        return FileResponse(path.open("rb"), as_attachment=True, filename=self._export_name(job.fmt))
