"""执法证: the exam results ledger, and the certificate register whose steps (暂扣、注销、恢复) follow
`legal.procedures.CERTIFICATE` on the officers of `core.Officer`."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.models import Officer
from emgov.core.pages import LedgerPages, RelatedFilter, ValuesFilter
from emgov.core.permissions import LEGAL_STAFF
from emgov.legal import queries
from emgov.legal.forms.officers import ExamForm
from emgov.legal.models import ExamResult
from emgov.legal.procedures import CERTIFICATE


class ExamPages(LedgerPages):
    name = "exams"
    namespace = "legal"
    model = ExamResult
    title = gettext_lazy("执法证考试")
    ledger_id = "exams"
    form_class = ExamForm
    list_display = (
        "officer",
        "year",
        ("officer__certificate_number", gettext_lazy("执法证号")),
        ("officer__department", gettext_lazy("所属部门")),
        "score",
        "passed",
    )
    search_fields = ("officer__name", "officer__certificate_number")
    filter_fields = (
        ValuesFilter("year", newest_first=True),
        "passed",
        RelatedFilter("officer__department", name="department"),
    )
    select_related = ("officer__department",)
    default_ordering = ("-year", "officer__certificate_number")
    edit_roles = LEGAL_STAFF

    def urls(self) -> list:
        return [path("exams/summary/", self.summary_view, name="exams-summary"), *super().urls()]

    def summary_view(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "legal/exams_summary.html",
            {
                **self.base_context(request),
                "title": _("执法证考试通过率"),
                "rows": queries.exam_pass_rates(request.user),
            },
        )


OFFICER_STATES = ("有效", "即将到期", "已过期", "暂扣", "注销")


class CertificatePages(LedgerPages):
    """执法证管理: every certificate with its validity as of today, and its steps. The officers
    themselves are kept in core's ledger (core:officers-list); here there is no create, edit or import."""

    name = "officers"
    namespace = "legal"
    model = Officer
    title = gettext_lazy("执法证管理")
    select_related = ("department",)
    edit_roles = LEGAL_STAFF
    procedure = CERTIFICATE
    detail_template = "legal/officer_detail.html"

    def urls(self) -> list:
        n = self.name
        return [
            path(f"{n}/", self.list_view, name=f"{n}-list"),
            path(f"{n}/<int:pk>/", self.detail_view, name=f"{n}-detail"),
            path(f"{n}/<int:pk>/steps/<str:step>/", self.step_view, name=f"{n}-step"),
        ]

    def list_view(self, request: HttpRequest) -> HttpResponse:
        today = clock.today()
        officers = self.queryset(request.user)
        department = request.GET.get("department", "")
        if department:
            officers = officers.filter(department__short_name=department)
        query = request.GET.get("q", "").strip()
        if query:
            officers = officers.filter(
                models.Q(name__icontains=query) | models.Q(certificate_number__icontains=query)
            )
        rows = [
            (o, queries.certificate_state(o, today))
            for o in officers.order_by("department__short_name", "certificate_number")
        ]
        state = request.GET.get("state", "")
        if state:
            # The register shows each state in the interface's language; the address names it in Chinese.
            rows = [(o, s) for o, s in rows if s == _(state)]
        return render(
            request,
            "legal/officers.html",
            {
                **self.base_context(request),
                "rows": rows,
                "states": [(key, _(key)) for key in OFFICER_STATES],
                "state": state,
                "q": query,
                "today": today,
                "soon": queries.CERTIFICATE_SOON_DAYS,
            },
        )

    def detail_extra(self, request: HttpRequest, obj: Officer) -> dict[str, Any]:
        return {
            "state": queries.certificate_state(obj, clock.today()),
            "exams": ExamResult.objects.visible_to(request.user).live().filter(officer=obj).order_by("-year"),
        }
