"""The phone's side of the work on site: the visit sent from the phone's queue (once, by its key), the
data kept on the phone for work without a network (the area's enterprises, the officers, the checklist,
the clause catalogue), the service worker and the web app manifest, the 现场检查记录 of a visit, and the
re-inspection (复查) with its 整改复查意见书."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from emgov.core.documents import document_response
from emgov.core.models import Officer
from emgov.core.pages.steps import add_errors
from emgov.enforcement import catalogue, rules
from emgov.enforcement.forms.fieldwork import ReinspectionForm
from emgov.enforcement.forms.visits import PhoneVisitForm
from emgov.enforcement.models import ChecklistItem, Reinspection, Visit
from emgov.enforcement.services.reinspections import reinspection_record, reviewable_hazards
from emgov.enforcement.services.site_documents import inspection_record_document, reinspection_document
from emgov.enforcement.services.visits import visit_record
from emgov.enforcement.views.visits import VISIT_PAGES, _require_field_staff
from emgov.enterprises.models import Enterprise

STATIC = Path(__file__).resolve().parent.parent / "static" / "enforcement"
# Enough for a town's enterprises on the phone, without sending a whole district.
OFFLINE_ENTERPRISES = 5000


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for errors in exc.message_dict.values() for m in errors]
    return list(exc.messages)


@require_POST
def visit_sync_view(request: HttpRequest) -> JsonResponse:
    """A visit kept on the phone, sent when the network returns: stored once by its key; a visit that can no
    longer be stored (the enterprise changed, a certificate expired …) comes back with the reasons."""
    _require_field_staff(request.user)
    key = (request.POST.get("client_key") or "").strip()
    if not key:
        return JsonResponse(
            {"state": "conflict", "reasons": [_("缺少上传标识，无法确认是否已上传")]}, status=400
        )
    stored = Visit.objects.filter(client_key=key).first()
    if stored is not None:
        return _uploaded(stored, created=False)
    form = PhoneVisitForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        reasons = [
            f"{e['label']}：{e['message']}" if e["label"] else str(e["message"]) for e in form.error_summary()
        ]
        return JsonResponse({"state": "conflict", "reasons": reasons}, status=409)
    try:
        visit = visit_record(
            actor=request.user, uploads=request.FILES.getlist("files"), **form.visit_fields()
        )
    except ValidationError as exc:
        return JsonResponse({"state": "conflict", "reasons": _messages(exc)}, status=409)
    except IntegrityError:
        # The same visit sent twice at once: the other request stored it.
        return _uploaded(Visit.objects.get(client_key=key), created=False)
    return _uploaded(visit, created=True)


def _uploaded(visit: Visit, *, created: bool) -> JsonResponse:
    url = reverse("enforcement:visits-detail", kwargs={"pk": visit.pk})
    body = {"state": "uploaded", "number": visit.number, "url": url, "created": created}
    return JsonResponse(body, status=201 if created else 200)


@never_cache
def offline_data_view(request: HttpRequest) -> JsonResponse:
    """What the phone keeps for work without a network: the enterprises of the officer's area (with their
    versions, to tell a change made meanwhile), the officers and their certificates, the checklist and the
    clause catalogue."""
    _require_field_staff(request.user)
    enterprises = (
        Enterprise.objects.visible_to(request.user)
        .live()
        .select_related("town")
        .order_by("name", "pk")[:OFFLINE_ENTERPRISES]
    )
    own = request.user.department_id
    officers = Officer.objects.order_by("certificate_number")
    officers = officers.filter(department_id=own) if own else officers
    return JsonResponse(
        {
            "enterprises": [
                {
                    "pk": e.pk,
                    "name": e.name,
                    "town": str(e.town),
                    "credit_code": e.credit_code,
                    "initials": e.name_initials,
                    "version": e.version,
                }
                for e in enterprises
            ],
            "officers": [
                {
                    "pk": o.pk,
                    "name": o.name,
                    "certificate": o.certificate_number,
                    "valid_until": o.valid_until.isoformat() if o.valid_until else None,
                    "status": o.status,
                }
                for o in officers
            ],
            "checklist": list(
                ChecklistItem.objects.filter(active=True)
                .order_by("position", "article")
                .values("pk", "article", "text")
            ),
            "clauses": catalogue.options(),
        }
    )


def service_worker_view(request: HttpRequest) -> HttpResponse:
    """The service worker, served under /enforcement/ so that its scope covers the pages it keeps."""
    response = HttpResponse((STATIC / "visit-sw.js").read_bytes(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = reverse("enforcement:visit-record").rsplit("visits/", 1)[0]
    response["Cache-Control"] = "no-cache"
    return response


def manifest_view(request: HttpRequest) -> JsonResponse:
    record = reverse("enforcement:visit-record")
    icon = "/static/enforcement/icon-192.png"
    body = {
        "name": _("现场检查"),
        "short_name": _("现场检查"),
        "start_url": record,
        "scope": record.rsplit("visits/", 1)[0],
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d4ed8",
        "lang": "zh-CN",
        "icons": [{"src": icon, "sizes": "192x192", "type": "image/png"}],
    }
    return JsonResponse(
        body, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


def record_document_view(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    visit = VISIT_PAGES.get_object(request, pk)
    return document_response(inspection_record_document(visit), f"现场检查记录_{visit.number}", fmt)


def reinspection_view(request: HttpRequest, pk: int) -> HttpResponse:
    """复查 on a visit: the officers, and a conclusion with photos per hazard waiting for its review."""
    _require_field_staff(request.user)
    visit = VISIT_PAGES.get_object(request, pk)
    hazards = list(reviewable_hazards(visit))
    officers = Officer.objects.order_by("certificate_number")
    if request.user.department_id:
        officers = officers.filter(department_id=request.user.department_id)
    kwargs: dict[str, Any] = {"hazards": hazards, "officers": officers}
    form = ReinspectionForm(request.POST or None, request.FILES or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            reinspection = reinspection_record(
                actor=request.user,
                visit=visit,
                date=form.cleaned_data["date"],
                officers=form.cleaned_data["officers"],
                opinion=form.cleaned_data["opinion"],
                findings=form.findings(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("复查%(n)s已记录。") % {"n": reinspection.number})
            return redirect("enforcement:visits-detail", pk=visit.pk)
    day = getattr(form, "cleaned_data", {}).get("date") or form.initial["date"]
    problems = {o.pk: rules.certificate_problem(o, day) for o in officers}
    officer_rows = [
        {"box": box, "problem": problems.get(int(str(box.data["value"])), "")} for box in form["officers"]
    ]
    context = {"title": _("整改复查"), "visit": visit, "form": form, "officer_rows": officer_rows}
    return render(request, "enforcement/reinspection.html", context, status=422 if form.errors else 200)


def reinspection_document_view(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    reinspection = get_object_or_404(Reinspection.objects.visible_to(request.user).live(), pk=pk)
    return document_response(
        reinspection_document(reinspection), f"整改复查意见书_{reinspection.number}", fmt
    )


def urls() -> list:
    return [
        path("sw.js", service_worker_view, name="visit-sw"),
        path("manifest.webmanifest", manifest_view, name="visit-manifest"),
        path("visits/record/sync/", visit_sync_view, name="visit-sync"),
        path("visits/record/offline.json", offline_data_view, name="visit-offline-data"),
        path("visits/<int:pk>/record.<str:fmt>", record_document_view, name="visits-record-document"),
        path("visits/<int:pk>/reinspect/", reinspection_view, name="visits-reinspect"),
        path(
            "reinspections/<int:pk>/document.<str:fmt>",
            reinspection_document_view,
            name="reinspections-document",
        ),
    ]
