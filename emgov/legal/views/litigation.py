from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.models import User
from emgov.core.pages import LedgerPages, PresenceFilter, YearFilter
from emgov.core.permissions import LEGAL_STAFF
from emgov.core.workdays import coverage_warnings
from emgov.legal import queries, rules
from emgov.legal.forms.litigation import LitigationForm
from emgov.legal.models import LitigationCase, LitigationKind
from emgov.legal.procedures import LITIGATION
from emgov.legal.views.common import days_note, year_param


class LitigationPages(LedgerPages):
    name = "litigation"
    namespace = "legal"
    model = LitigationCase
    title = gettext_lazy("行政诉讼与复议")
    ledger_id = "litigation"
    form_class = LitigationForm
    list_display = (
        "number",
        "kind",
        "received_on",
        "cause",
        "counterparty",
        "defence_due_on",
        "head_required",
        "head_appeared",
        "result",
    )
    search_fields = ("number", "cause", "counterparty", "result", "appeared_name")
    filter_fields = (
        "kind",
        "head_required",
        "head_appeared",
        YearFilter("received_on"),
        PresenceFilter(
            "defence_filed_on",
            label=gettext_lazy("答辩（答复）"),
            yes=gettext_lazy("已提交"),
            no=gettext_lazy("未提交"),
            name="defence_filed",
        ),
    )
    default_ordering = ("-received_on", "-number")
    edit_roles = LEGAL_STAFF
    derived_fields = ("defence_due_on",)
    procedure = LITIGATION

    def prepare(self, instance: LitigationCase) -> None:
        rules.derive_litigation(instance)

    def check(self, instance: LitigationCase, m2m: dict[str, list[Any]]) -> None:
        rules.check_appearance(instance)

    def urls(self) -> list:
        return [path("litigation/summary/", self.summary_view, name="litigation-summary"), *super().urls()]

    def related_sections(self, obj: LitigationCase, user: User) -> list[dict[str, Any]]:
        today = clock.today()
        noun = _("答复期限") if obj.kind == LitigationKind.RECONSIDERATION else _("答辩期限")
        items = [
            {
                "text": f"{noun}：{days_note(obj.defence_due_on, today)}"
                + (_("，已于%(d)s提交") % {"d": obj.defence_filed_on} if obj.defence_filed_on else ""),
                "url": None,
            },
            {"text": _("开庭日期：%(d)s") % {"d": "、".join(obj.hearing_dates) or "—"}, "url": None},
            *(
                {"text": warning, "url": None}
                for warning in coverage_warnings(obj.served_on, obj.defence_due_on)
            ),
        ]
        return [
            {"title": _("期限与出庭"), "items": items, "more": False},
            *super().related_sections(obj, user),
        ]

    def summary_view(self, request: HttpRequest) -> HttpResponse:
        year = year_param(request)
        return render(
            request,
            "legal/litigation_summary.html",
            {
                **self.base_context(request),
                "title": _("行政诉讼与复议统计"),
                "year": year,
                "summary": queries.appearance_summary(request.user, year),
            },
        )
