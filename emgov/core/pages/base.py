"""`LedgerPages`: the list, detail with history, create, edit, void, lookup and export of one ledger."""

from __future__ import annotations

import copy
import tempfile
from typing import IO, Any

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms import ModelForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _

from emgov.core import audit, services
from emgov.core.display import EMPTY, display_value
from emgov.core.forms import VoidForm
from emgov.core.interchange import registry
from emgov.core.masking import HIDDEN
from emgov.core.models import Role, User
from emgov.core.pages.exports import ExportPages
from emgov.core.pages.fields import path_fields, path_label, path_value
from emgov.core.pages.filters import Filter, as_filter
from emgov.core.pages.imports import ImportPages
from emgov.core.pages.paging import paginate
from emgov.core.pages.search import search_q
from emgov.core.pages.steps import ProcedurePages, add_errors, posted_version
from emgov.core.workers import work_dir

PAGE_SIZE = 50
LOOKUP_LIMIT = 20
RELATED_LIMIT = 20

# The pages of each model, so that a reference on a detail page can link to the record it names.
_PAGES_BY_MODEL: dict[type[models.Model], LedgerPages] = {}


def pages_for(model: type[models.Model]) -> LedgerPages | None:
    return _PAGES_BY_MODEL.get(model)


class LedgerPages(ProcedurePages, ImportPages, ExportPages):
    name: str = ""
    namespace: str = ""
    model: type[models.Model]
    title: str = ""
    ledger_id: str | None = None
    form_class: type[ModelForm] | None = None
    # Columns: field paths, or (path, label) pairs; the first links to the record.
    list_display: tuple[str | tuple[str, str], ...] = ()
    search_fields: tuple[str, ...] = ()
    filter_fields: tuple[str | Filter, ...] = ()
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    default_ordering: tuple[str, ...] = ("-pk",)
    list_template = "core/pages/list.html"
    detail_template = "core/pages/detail.html"
    edit_roles: frozenset[str] | None = frozenset({Role.ADMIN})
    # The field typed into a reference box on other forms (e.g. 检查编号); enables `<name>/lookup/`.
    lookup_field: str | None = None
    # Records that point at this one, listed on its detail page: (reverse accessor, heading).
    detail_related: tuple[tuple[str, str], ...] = ()
    # Fields the page derives rather than asks for (as the importer's `prepare` does).
    derived_fields: tuple[str, ...] = ()

    # Writes: apps override these, or the hooks below, with their own services ------------------

    def prepare(self, instance: models.Model) -> None:
        """Derive `derived_fields` from the others before validation."""

    def check(self, instance: models.Model, m2m: dict[str, list[models.Model]]) -> None:
        """Rules beyond the model's clean() (e.g. that need the many-to-many values); raise ValidationError."""

    def create(self, *, actor: User, data: dict[str, Any]) -> models.Model:
        names = self.m2m_names()
        m2m = {k: list(v) for k, v in data.items() if k in names}
        instance = self.model(**{k: v for k, v in data.items() if k not in names})
        self.prepare(instance)
        self._require_scope(instance, actor)
        self.check(instance, m2m)
        return services.record_create(instance, actor=actor, m2m=m2m)

    def update(
        self, obj: models.Model, *, actor: User, changes: dict[str, Any], expected_version: int
    ) -> models.Model:
        names = self.m2m_names()
        m2m = {k: list(v) for k, v in changes.items() if k in names}
        plain = {k: v for k, v in changes.items() if k not in names}
        probe = copy.copy(obj)
        for name, value in plain.items():
            setattr(probe, name, value)
        self.prepare(probe)
        plain.update({name: getattr(probe, name) for name in self.derived_fields})
        self._require_scope(probe, actor)
        self.check(probe, m2m or {n: list(getattr(obj, n).all()) for n in names})
        return services.record_update(
            obj, actor=actor, changes=plain, m2m=m2m, expected_version=expected_version
        )

    def _require_scope(self, instance: models.Model, actor: User) -> None:
        services.require_scope(instance, actor, _("不能把记录放在您负责的区划以外。"))

    def m2m_names(self) -> set[str]:
        return {f.name for f in self.model._meta.many_to_many}

    # Reads -------------------------------------------------------------------------------------

    def queryset(self, user: User) -> models.QuerySet:
        return self.model.objects.visible_to(user).select_related(*self.select_related)

    def list_queryset(self, user: User) -> models.QuerySet:
        return self.queryset(user).prefetch_related(*self.prefetch_related)

    def hidden_fields(self, user: User) -> set[str]:
        """Fields whose values this user may not read on the record's page and in its history."""
        return set()

    def shown_value(self, obj: models.Model, name: str, hidden: set[str]) -> Any:
        return HIDDEN if name in hidden else display_value(obj, name)

    def can_edit(self, user: User) -> bool:
        return user.sees_everything or self.edit_roles is None or user.role in self.edit_roles

    def edit_locked(self, obj: models.Model) -> str | None:
        """Why this record is not changed through the generic form (its workflow steps change it), or None."""
        return None

    @property
    def voidable(self) -> bool:
        return hasattr(self.model, "voided_at")

    def url(self, action: str, **kwargs: Any) -> str:
        return reverse(f"{self.namespace}:{self.name}-{action}", kwargs=kwargs or None)

    def urls(self) -> list:
        _PAGES_BY_MODEL.setdefault(self.model, self)
        n = self.name
        patterns = [
            path(f"{n}/", self.list_view, name=f"{n}-list"),
            path(f"{n}/<int:pk>/", self.detail_view, name=f"{n}-detail"),
            path(f"{n}/new/", self.create_view, name=f"{n}-create"),
            path(f"{n}/<int:pk>/edit/", self.edit_view, name=f"{n}-edit"),
            path(f"{n}/export.<str:fmt>", self.export_view, name=f"{n}-export"),
            path(f"{n}/export/<int:pk>/", self.export_job_view, name=f"{n}-export-job"),
            path(f"{n}/export/<int:pk>/status/", self.export_status_view, name=f"{n}-export-status"),
            path(f"{n}/export/<int:pk>/download/", self.export_download_view, name=f"{n}-export-download"),
        ]
        if self.procedure is not None:
            patterns.append(path(f"{n}/<int:pk>/steps/<str:step>/", self.step_view, name=f"{n}-step"))
        if self.voidable:
            patterns.append(path(f"{n}/<int:pk>/void/", self.void_view, name=f"{n}-void"))
        if self.lookup_field:
            patterns.append(path(f"{n}/lookup/", self.lookup_view, name=f"{n}-lookup"))
        if self.ledger_id:
            patterns += [
                path(f"{n}/import/", self.import_view, name=f"{n}-import"),
                path(f"{n}/import/<int:pk>/", self.import_job_view, name=f"{n}-import-job"),
                path(f"{n}/import/<int:pk>/status/", self.import_status_view, name=f"{n}-import-status"),
                path(f"{n}/import/<int:pk>/confirm/", self.import_confirm_view, name=f"{n}-import-confirm"),
                path(f"{n}/import/<int:pk>/cancel/", self.import_cancel_view, name=f"{n}-import-cancel"),
                path(f"{n}/import/<int:pk>/errors.csv", self.import_errors_view, name=f"{n}-import-errors"),
                path(f"{n}/template.<str:fmt>", self.template_view, name=f"{n}-template"),
            ]
        return patterns

    # Columns and filtering ---------------------------------------------------------------------

    def columns(self) -> list[tuple[str, str]]:
        out = []
        for spec in self.list_display:
            field_path, label = spec if isinstance(spec, tuple) else (spec, None)
            out.append((field_path, str(label) if label else path_label(self.model, field_path)))
        return out

    def filters(self) -> list[Filter]:
        return [as_filter(self.model, spec) for spec in self.filter_fields]

    def filtered(self, request: HttpRequest) -> tuple[models.QuerySet, dict[str, Any]]:
        qs = self.list_queryset(request.user)
        params = request.GET
        query = params.get("q", "").strip()
        if query and self.search_fields:
            qs = qs.filter(search_q(self.model, self.search_fields, query))
        active: dict[str, str] = {}
        for spec in self.filters():
            value = params.get(spec.name, "")
            if value == "":
                continue
            qs = spec.apply(qs, value)
            active[spec.name] = value
        if self.voidable and params.get("voided") != "1":
            qs = qs.filter(voided_at__isnull=True)
        sort = params.get("sort", "")
        if sort.removeprefix("-") in self.sortable():
            qs = qs.order_by(sort, "pk")
        else:
            qs = qs.order_by(*self.default_ordering)
        return qs, {"q": query, "filters": active, "sort": sort, "voided": params.get("voided") == "1"}

    def sortable(self) -> set[str]:
        names = set()
        for field_path, _label in self.columns():
            try:
                field = path_fields(self.model, field_path)[-1]
            except FieldDoesNotExist:
                continue
            if field.concrete and not field.is_relation:
                names.add(field_path)
        return names

    def filter_choices(self, user: User) -> list[dict[str, Any]]:
        return [
            {"name": f.name, "label": f.title(self.model), "options": f.options(self, user)}
            for f in self.filters()
        ]

    # Views -------------------------------------------------------------------------------------

    def base_context(self, request: HttpRequest) -> dict[str, Any]:
        return {"pages": self, "title": self.title, "can_edit": self.can_edit(request.user)}

    def list_view(self, request: HttpRequest) -> HttpResponse:
        qs, state = self.filtered(request)
        page = paginate(request, qs, PAGE_SIZE)
        sortable = self.sortable()
        columns = self.columns()
        rows = [
            {"obj": obj, "cells": [(label, path_value(obj, name)) for name, label in columns]} for obj in page
        ]
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            **self.base_context(request),
            "page": page,
            "rows": rows,
            "columns": [(name, label, name in sortable) for name, label in columns],
            "state": state,
            "query": query.urlencode(),
        }
        if request.htmx and not request.htmx.boosted:
            return render(request, "core/pages/_table.html", context)
        context["filters"] = self.filter_choices(request.user)
        context["can_import"] = context["can_edit"] and self.can_import(request.user)
        context.update(self.list_extra(request))
        return render(request, self.list_template, context)

    def list_extra(self, request: HttpRequest) -> dict[str, Any]:
        """More context for a ledger's own list template (`list_template`)."""
        return {}

    def detail_extra(self, request: HttpRequest, obj: models.Model) -> dict[str, Any]:
        """More context for a ledger's own detail template (`detail_template`)."""
        return {}

    def get_object(self, request: HttpRequest, pk: int) -> models.Model:
        return get_object_or_404(self.queryset(request.user), pk=pk)

    def detail_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_detail(request, self.get_object(request, pk))

    def render_detail(
        self,
        request: HttpRequest,
        obj: models.Model,
        *,
        extra: dict[str, Any] | None = None,
        status: int = 200,
    ) -> HttpResponse:
        hidden = self.hidden_fields(request.user)
        fields = [
            {
                "label": f.verbose_name,
                "value": self.shown_value(obj, f.name, hidden),
                "url": _record_url(obj, f),
            }
            for f in self.model._meta.fields
            if f.name not in ("id", "path") and f.editable
        ] + [
            {"label": f.verbose_name, "value": "、".join(str(o) for o in getattr(obj, f.name).all()) or EMPTY}
            for f in self.model._meta.many_to_many
        ]
        history = [
            {"entry": e, "changes": audit.labelled_changes(obj, _without(e.changes, hidden))}
            for e in audit.history(obj)
        ]
        context = {
            **self.base_context(request),
            "obj": obj,
            "fields": fields,
            "related": self.related_sections(obj, request.user),
            "history": history,
            "edit_locked": self.edit_locked(obj),
            "step_options": self.step_options(request, obj),
            "step_state": self.procedure.state_label(obj) if self.procedure else "",
            **self.detail_extra(request, obj),
            **(extra or {}),
        }
        return render(request, self.detail_template, context, status=status)

    def related_sections(self, obj: models.Model, user: User) -> list[dict[str, Any]]:
        sections = []
        for accessor, heading in self.detail_related:
            qs = getattr(obj, accessor).all()
            model = qs.model
            if hasattr(qs, "visible_to"):
                qs = qs.visible_to(user)
            if hasattr(model, "voided_at"):
                qs = qs.filter(voided_at__isnull=True)
            related_pages = pages_for(model)
            items = [{"text": str(o), "url": _safe_url(related_pages, o.pk)} for o in qs[: RELATED_LIMIT + 1]]
            sections.append(
                {
                    "title": heading,
                    "items": items[:RELATED_LIMIT],
                    "more": len(items) > RELATED_LIMIT,
                    "list_url": _safe_list_url(related_pages),
                }
            )
        return sections

    def _require_edit(self, request: HttpRequest) -> None:
        if not self.can_edit(request.user):
            raise Http404

    def create_view(self, request: HttpRequest) -> HttpResponse:
        self._require_edit(request)
        form = self.form_class(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            plain = {f.name for f in self.model._meta.fields}
            data = {k: v for k, v in form.cleaned_data.items() if k in plain}
            try:
                if not self.model(**data).in_scope_of(request.user):
                    raise ValidationError(_("不能在您负责的区划以外新建记录。"), code="out_of_scope")
                obj = self.create(actor=request.user, data={**data, **self.m2m_data(form)})
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已保存。"))
                return redirect(self.url("detail", pk=obj.pk))
        return render(
            request, "core/pages/form.html", {**self.base_context(request), "form": form, "obj": None}
        )

    def m2m_data(self, form: ModelForm) -> dict[str, Any]:
        names = self.m2m_names()
        return {k: list(v) for k, v in form.cleaned_data.items() if k in names}

    def edit_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self._require_edit(request)
        obj = self.get_object(request, pk)
        if getattr(obj, "voided_at", None):
            messages.error(request, _("该记录已作废，不能修改。"))
            return redirect(self.url("detail", pk=pk))
        locked = self.edit_locked(obj)
        if locked:
            messages.error(request, locked)
            return redirect(self.url("detail", pk=pk))
        version = obj.version
        form = self.form_class(request.POST or None, request.FILES or None, instance=obj, user=request.user)
        if request.method == "POST":
            expected = posted_version(request)
            if form.is_valid():
                changes = {k: v for k, v in form.cleaned_data.items() if k in form.fields}
                try:
                    if not form.instance.in_scope_of(request.user):
                        raise ValidationError(_("不能把记录改到您负责的区划以外。"), code="out_of_scope")
                    self.update(
                        self.model.objects.get(pk=pk),
                        actor=request.user,
                        changes=changes,
                        expected_version=expected,
                    )
                except ValidationError as exc:
                    add_errors(form, exc)
                else:
                    messages.success(request, _("已保存修改。"))
                    return redirect(self.url("detail", pk=pk))
            version = expected
        return render(
            request,
            "core/pages/form.html",
            {
                **self.base_context(request),
                "form": form,
                "obj": obj,
                "version": version,
            },
        )

    def void(self, obj: models.Model, *, actor: Any, reason: str) -> models.Model:
        """Void the record; a ledger whose records carry others voids them too (its service)."""
        return services.record_void(obj, actor=actor, reason=reason)

    def void_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self._require_edit(request)
        obj = self.get_object(request, pk)
        form = VoidForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                self.void(obj, actor=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已作废。"))
                return redirect(self.url("detail", pk=pk))
        return render(
            request, "core/pages/void.html", {**self.base_context(request), "form": form, "obj": obj}
        )

    def lookup_label(self, obj: models.Model) -> str:
        return str(obj)

    def lookup_view(self, request: HttpRequest) -> HttpResponse:
        """`<option>`s for a reference box: records the user may see whose key or name contains the text."""
        query = (request.GET.get("q") or next(iter(request.GET.values()), "")).strip()
        options: list[tuple[str, str]] = []
        if query:
            fields = (self.lookup_field, *self.search_fields)
            qs = self.queryset(request.user).filter(search_q(self.model, fields, query))
            if self.voidable:
                qs = qs.filter(voided_at__isnull=True)
            options = [
                (str(getattr(o, self.lookup_field)), self.lookup_label(o))
                for o in qs.order_by(*self.default_ordering)[:LOOKUP_LIMIT]
            ]
        return render(request, "core/pages/_lookup_options.html", {"options": options})

    def spool(self) -> IO[bytes]:
        return _spool()

    def template_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in ("xlsx", "csv"):
            raise Http404
        out = _spool()
        registry.get(self.ledger_id).template(out, fmt)
        out.seek(0)
        return FileResponse(out, as_attachment=True, filename=f"{self.title}_模板.{fmt}")


def _without(changes: dict[str, Any], hidden: set[str]) -> dict[str, Any]:
    """An audit entry's changes with the values of hidden fields withheld (the change itself shown)."""
    if not hidden:
        return changes
    return {k: ([HIDDEN, HIDDEN] if k in hidden else v) for k, v in changes.items()}


def _record_url(obj: models.Model, field: models.Field) -> str | None:
    """The detail page of the record a foreign key names, where it has one."""
    if not (field.many_to_one and getattr(obj, field.attname, None)):
        return None
    return _safe_url(pages_for(field.related_model), getattr(obj, field.attname))


def _safe_url(pages: LedgerPages | None, pk: Any) -> str | None:
    if pages is None:
        return None
    try:
        return pages.url("detail", pk=pk)
    except NoReverseMatch:
        return None


def _safe_list_url(pages: LedgerPages | None) -> str | None:
    if pages is None:
        return None
    try:
        return pages.url("list")
    except NoReverseMatch:
        return None


def _spool() -> IO[bytes]:
    """A file for a download: in memory while small, on disk beyond, deleted once sent."""
    return tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, dir=work_dir("exports"))
