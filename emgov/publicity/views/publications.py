"""双公示 pages for staff: decisions to publish (待公示/逾期未公示), publication records, withdrawal, cf_ export."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from emgov.cases.models import PenaltyCase
from emgov.core import clock
from emgov.core.credit_export import parse_period
from emgov.core.interchange.files import FORMATS
from emgov.core.models import User
from emgov.core.pages.steps import add_errors, posted_version
from emgov.licensing.models import LicensingCase
from emgov.licensing.xk import applicant_name
from emgov.publicity import queries
from emgov.publicity.forms.publications import PublishForm, WithdrawForm
from emgov.publicity.models import Publication, PublicationKind
from emgov.publicity.procedures import PUBLICATION
from emgov.publicity.services.cf import cf_filename, export_warnings, published_penalties, write_cf
from emgov.publicity.services.periods import PeriodRules
from emgov.publicity.services.publications import (
    publication_in_force,
    publication_publish,
    publication_withdraw,
)

KINDS = {"penalty": PenaltyCase, "licensing": LicensingCase}
WITHDRAW = PUBLICATION.step("withdraw")
PAGE_SIZE = 50


def can_publish(user: User) -> bool:
    """Whether the user works the publications (publish, withdraw): the legal staff."""
    return user.is_authenticated and (user.sees_everything or user.role in PUBLICATION.roles)


def _decision(request: HttpRequest, kind: str, pk: int):
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model.objects.visible_to(request.user).live(), pk=pk)


def _kind_slug(case) -> str:
    return "penalty" if isinstance(case, PenaltyCase) else "licensing"


def _first_error(exc: ValidationError) -> str:
    return "；".join(exc.messages)


@require_GET
def pending(request: HttpRequest) -> HttpResponse:
    """待公示/逾期未公示: the decisions to publish, each with its due day, and the publish button."""
    overdue_only = request.GET.get("overdue") == "1"
    rows = queries.pending_decisions(request.user, overdue_only=overdue_only)
    today = clock.today()
    return render(
        request,
        "publicity/publications_pending.html",
        {
            "title": _("待公示/逾期未公示"),
            "rows": rows,
            "overdue_only": overdue_only,
            "overdue_count": sum(1 for r in rows if r.overdue),
            "can_publish": can_publish(request.user),
            "today": today,
            "month_start": today.replace(day=1),
            "formats": FORMATS,
            "export_warnings": export_warnings(PenaltyCase.objects.visible_to(request.user)),
        },
    )


@require_POST
def publish(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """公示 one decision; from the pending page (HTMX) the row is replaced by the result."""
    if not can_publish(request.user):
        raise Http404
    case = _decision(request, kind, pk)
    form = PublishForm(request.POST)
    error = ""
    publication = None
    if not form.is_valid():
        error = _("公示日期格式有误，应为 YYYY-MM-DD。")
    else:
        try:
            publication = publication_publish(
                actor=request.user, case=case, on=form.cleaned_data["published_on"]
            )
        except ValidationError as exc:
            error = _first_error(exc)
    if request.headers.get("HX-Request"):
        # htmx swaps only 2xx answers: the row itself says whether it worked.
        case.refresh_from_db()
        return render(
            request,
            "publicity/_pending_row.html",
            {
                "row": queries.pending_row(case, clock.today()),
                "publication": publication,
                "error": error,
                "can_publish": True,
                "today": clock.today(),
            },
        )
    if error:
        messages.error(request, _("公示：%(e)s") % {"e": error})
    else:
        messages.success(request, _("已公示：%(case)s。") % {"case": case})
    return redirect("publicity:publications-pending")


@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """撤销公示 (the step "withdraw" of the publication): the reason is required; the decision leaves
    the public pages until republished."""
    if not can_publish(request.user):
        raise Http404
    case = _decision(request, kind, pk)
    if not case.published_on:
        messages.error(request, _("撤销公示：该决定尚未公示。"))
        return redirect("publicity:publications-list")
    publication = publication_in_force(case)
    form = WithdrawForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                publication_withdraw(
                    actor=request.user,
                    case=case,
                    reason=form.cleaned_data["withdraw_reason"],
                    on=form.cleaned_data["withdrawn_on"],
                    expected_version=posted_version(request) if publication else None,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已撤销公示：%(case)s。") % {"case": case})
                return redirect("publicity:publications-list")
        status = 422
    return render(
        request,
        "publicity/publication_withdraw.html",
        {
            "title": _("撤销公示"),
            "case": case,
            "kind": kind,
            "form": form,
            "publication": publication,
            "refusal": PUBLICATION.refusal(publication, WITHDRAW) if publication else None,
        },
        status=status,
    )


@require_GET
def publication_list(request: HttpRequest) -> HttpResponse:
    """双公示记录: every publication, in force or withdrawn, with who and when."""
    qs = queries.publications(request.user).select_related("penalty_case", "licensing_case")
    kind = request.GET.get("kind", "")
    if kind:
        qs = qs.filter(kind=kind)
    if request.GET.get("withdrawn") == "1":
        qs = qs.filter(withdrawn_on__isnull=False)
    page = Paginator(qs.order_by("-published_on", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    periods, today = PeriodRules.load(), clock.today()
    return render(
        request,
        "publicity/publications.html",
        {
            "title": _("双公示记录"),
            "page": page,
            "kind": kind,
            "kinds": PublicationKind.values,
            "query": urlencode({"kind": kind}),
            "can_publish": can_publish(request.user),
            "rows": [_record_row(p, periods, today) for p in page],
        },
    )


def _record_row(publication: Publication, periods: PeriodRules, today) -> dict[str, Any]:
    """A publication with its party as published and, for a penalty, its 公示截止期."""
    case = publication.decision
    penalty = isinstance(case, PenaltyCase)
    period = periods.of(case) if penalty else None
    return {
        "publication": publication,
        "slug": _kind_slug(case),
        "case": case,
        "party": queries.public_party_name(case) if penalty else applicant_name(case),
        "ends_on": period.until if period else None,
        "ended": bool(period and not period.shown_on(today)),
        "can_withdraw": case.voided_at is None and PUBLICATION.refusal(publication, WITHDRAW) is None,
    }


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """The cf_ export of the penalty decisions published in a period, in the user's scope, without those
    past their 公示截止期; the deciding departments without a credit code are named on the pending page."""
    fmt = request.GET.get("fmt", "xlsx")
    try:
        start, end = parse_period(request.GET.get("start", ""), request.GET.get("end", ""))
        if fmt not in FORMATS:
            raise ValueError(_("导出格式只能是 xlsx 或 csv"))
    except ValueError as exc:
        messages.error(request, _("导出cf数据：%(e)s") % {"e": exc.args[0]})
        return redirect("publicity:publications-pending")
    cases = published_penalties(PenaltyCase.objects.visible_to(request.user), start, end)
    out = io.BytesIO()
    write_cf(cases, out, fmt)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=cf_filename(start, end, fmt))
