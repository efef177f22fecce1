from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.pages import LedgerPages, YearFilter
from emgov.core.permissions import LEGAL_STAFF
from emgov.legal import queries
from emgov.legal.forms.study import StudySessionForm
from emgov.legal.models import StudySession
from emgov.legal.services.study import check_attendance
from emgov.legal.views.common import year_param


class StudySessionPages(LedgerPages):
    name = "study-sessions"
    namespace = "legal"
    model = StudySession
    title = gettext_lazy("学法活动")
    ledger_id = "study-sessions"
    form_class = StudySessionForm
    list_display = ("date", "number", "kind", "topic", "speaker", "attendance")
    search_fields = ("number", "topic", "speaker")
    filter_fields = ("kind", YearFilter("date"))
    default_ordering = ("-date", "-pk")
    edit_roles = LEGAL_STAFF

    def check(self, instance: StudySession, m2m: dict[str, list[models.Model]]) -> None:
        check_attendance(instance.attendance, m2m.get("attendees"))

    def urls(self) -> list:
        return [
            path("study-sessions/summary/", self.summary_view, name="study-sessions-summary"),
            *super().urls(),
        ]

    def summary_view(self, request: HttpRequest) -> HttpResponse:
        year = year_param(request)
        groups = queries.study_by_kind(request.user, year)
        context: dict[str, Any] = {
            **self.base_context(request),
            "title": _("学法活动年度情况"),
            "year": year,
            "groups": groups,
            "total": sum(g["count"] for g in groups),
        }
        return render(request, "legal/study_summary.html", context)
