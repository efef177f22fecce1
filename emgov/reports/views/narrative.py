"""The narrative's edit page: the text with its numbers in it, figures inserted by their Chinese names,
formats picked by example; every save checked against the version the writer started from."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from emgov.reports import services
from emgov.reports.editor import figure_choices, text_lines
from emgov.reports.forms import NarrativeForm
from emgov.reports.views import _hints, _links, can_edit, scope_of, scope_query


def _stale(form: NarrativeForm, scope, error: ValidationError) -> NarrativeForm:
    """The writer's form again, their text kept, now against the version that is stored, with the
    refusal at its top: a second save is a deliberate replacement of the other writer's text."""
    stored = services.narrative_stored(scope.year, scope.region)
    data = form.data.copy()
    data["version"] = stored.version if stored else ""
    again = NarrativeForm(data)
    again.is_valid()
    again.add_error(None, error.messages[0])
    return again


def _save(request: HttpRequest, form: NarrativeForm, scope) -> NarrativeForm | None:
    """Save the form's text; None when saved, else the form with the errors to show."""
    try:
        services.narrative_save(
            actor=request.user,
            year=scope.year,
            region=scope.region,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            expected_version=form.cleaned_data["version"],
        )
    except ValidationError as exc:
        if getattr(exc, "code", None) == "stale":
            return _stale(form, scope, exc)
        for field, errors in getattr(exc, "error_dict", {None: exc.error_list}).items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error.message % (error.params or {}))
        return form
    return None


@login_required
@require_http_methods(["GET", "POST"])
def annual_edit(request: HttpRequest) -> HttpResponse:
    if not can_edit(request.user):
        raise PermissionDenied
    scope = scope_of(request)
    title, body, stored = services.narrative_for(scope.year, scope.region)
    initial = {"title": title, "body": body, "version": stored.version if stored else None}
    form = NarrativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form = _save(request, form, scope)
        if form is None:
            messages.success(request, _("已保存%(year)s年报告文稿。") % {"year": scope.year})
            return redirect(f"{reverse('reports:annual')}?{scope_query(scope)}")
    choices, values = figure_choices(scope)
    shown_title, shown_body = form["title"].value() or "", form["body"].value() or ""
    latest = services.narrative_stored(scope.year, scope.region) if form.non_field_errors() else None
    return render(
        request,
        "reports/annual_edit.html",
        {
            "title": _("编辑年度报告文稿"),
            "form": form,
            "scope": scope,
            "stored": stored,
            "links": _links(scope),
            "figures": choices,
            "editor_lines": {
                "title": text_lines(shown_title, values),
                "body": text_lines(shown_body, values),
            },
            "latest": latest,
            "latest_by": services.narrative_last_writer(latest) if latest else None,
            "latest_lines": text_lines(latest.body, values) if latest else [],
            **_hints(scope),
        },
    )
