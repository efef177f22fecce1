"""The generic ledger pages: list, detail with history, create, edit, void, import and export.

An app declares a `LedgerPages` subclass per ledger and includes `Pages().urls()`; workflow steps
(file a case, publish a decision) are small views of their own that call their service.
"""

from __future__ import annotations

import uuid
from functools import reduce
from operator import or_
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.forms import ModelForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import audit, services
from emgov.core.display import display_value, field_label
from emgov.core.forms import ImportForm, VoidForm
from emgov.core.interchange import registry
from emgov.core.interchange.files import FileError, file_format
from emgov.core.models import Role, User

PAGE_SIZE = 50


class LedgerPages:
    name: str = ""
    namespace: str = ""
    model: type[models.Model]
    title: str = ""
    ledger_id: str | None = None
    form_class: type[ModelForm] | None = None
    list_display: tuple[str, ...] = ()
    search_fields: tuple[str, ...] = ()
    filter_fields: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    default_ordering: tuple[str, ...] = ("-pk",)
    edit_roles: frozenset[str] | None = frozenset({Role.ADMIN})

    # Writes: apps override these with their own services --------------------------------------

    def create(self, *, actor: User, data: dict[str, Any]) -> models.Model:
        return services.record_create(self.model(**data), actor=actor)

    def update(
        self, obj: models.Model, *, actor: User, changes: dict[str, Any], expected_version: int
    ) -> models.Model:
        return services.record_update(obj, actor=actor, changes=changes, expected_version=expected_version)

    # Reads -------------------------------------------------------------------------------------

    def queryset(self, user: User) -> models.QuerySet:
        return self.model.objects.visible_to(user).select_related(*self.select_related)

    def can_edit(self, user: User) -> bool:
        return user.sees_everything or self.edit_roles is None or user.role in self.edit_roles

    @property
    def voidable(self) -> bool:
        return hasattr(self.model, "voided_at")

    def url(self, action: str, **kwargs: Any) -> str:
        return reverse(f"{self.namespace}:{self.name}-{action}", kwargs=kwargs or None)

    def urls(self) -> list:
        n = self.name
        patterns = [
            path(f"{n}/", self.list_view, name=f"{n}-list"),
            path(f"{n}/<int:pk>/", self.detail_view, name=f"{n}-detail"),
            path(f"{n}/new/", self.create_view, name=f"{n}-create"),
            path(f"{n}/<int:pk>/edit/", self.edit_view, name=f"{n}-edit"),
            path(f"{n}/export.<str:fmt>", self.export_view, name=f"{n}-export"),
        ]
        if self.voidable:
            patterns.append(path(f"{n}/<int:pk>/void/", self.void_view, name=f"{n}-void"))
        if self.ledger_id:
            patterns += [
                path(f"{n}/import/", self.import_view, name=f"{n}-import"),
                path(f"{n}/template.<str:fmt>", self.template_view, name=f"{n}-template"),
            ]
        return patterns

    # Filtering ---------------------------------------------------------------------------------

    def filtered(self, request: HttpRequest) -> tuple[models.QuerySet, dict[str, Any]]:
        qs = self.queryset(request.user)
        params = request.GET
        query = params.get("q", "").strip()
        if query and self.search_fields:
            qs = qs.filter(reduce(or_, (Q(**{f"{f}__icontains": query}) for f in self.search_fields)))
        active: dict[str, str] = {}
        for name in self.filter_fields:
            value = params.get(name, "")
            if value == "":
                continue
            field = self.model._meta.get_field(name)
            if isinstance(field, models.BooleanField):
                qs = qs.filter(**{name: value == "1"})
            else:
                qs = qs.filter(**{f"{field.attname}" if field.is_relation else name: value})
            active[name] = value
        if self.voidable and params.get("voided") != "1":
            qs = qs.filter(voided_at__isnull=True)
        sort = params.get("sort", "")
        if sort.lstrip("-") in self.sortable():
            qs = qs.order_by(sort, "pk")
        else:
            qs = qs.order_by(*self.default_ordering)
        return qs, {"q": query, "filters": active, "sort": sort, "voided": params.get("voided") == "1"}

    def sortable(self) -> set[str]:
        names = {f.name for f in self.model._meta.concrete_fields}
        return {n for n in self.list_display if n in names}

    def filter_choices(self, user: User) -> list[dict[str, Any]]:
        out = []
        for name in self.filter_fields:
            field = self.model._meta.get_field(name)
            if isinstance(field, models.BooleanField):
                options = [("1", _("是")), ("0", _("否"))]
            elif field.is_relation:
                related = field.related_model.objects
                related = related.visible_to(user) if hasattr(related, "visible_to") else related.all()
                options = [(str(o.pk), str(o)) for o in related]
            else:
                options = [(str(v), str(label)) for v, label in field.choices or []]
            out.append({"name": name, "label": field.verbose_name, "options": options})
        return out

    # Views -------------------------------------------------------------------------------------

    def base_context(self, request: HttpRequest) -> dict[str, Any]:
        return {"pages": self, "title": self.title, "can_edit": self.can_edit(request.user)}

    def list_view(self, request: HttpRequest) -> HttpResponse:
        qs, state = self.filtered(request)
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        columns = [(name, field_label(self.model, name)) for name in self.list_display]
        rows = [
            {"obj": obj, "cells": [(label, display_value(obj, name)) for name, label in columns]}
            for obj in page
        ]
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            **self.base_context(request),
            "page": page,
            "rows": rows,
            "columns": columns,
            "state": state,
            "filters": self.filter_choices(request.user),
            "query": query.urlencode(),
        }
        template = (
            "core/pages/_table.html" if request.htmx and not request.htmx.boosted else "core/pages/list.html"
        )
        return render(request, template, context)

    def get_object(self, request: HttpRequest, pk: int) -> models.Model:
        return get_object_or_404(self.queryset(request.user), pk=pk)

    def detail_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object(request, pk)
        fields = [
            (f.verbose_name, display_value(obj, f.name))
            for f in self.model._meta.fields
            if f.name not in ("id", "path") and f.editable
        ] + [
            (f.verbose_name, "、".join(str(o) for o in getattr(obj, f.name).all()))
            for f in self.model._meta.many_to_many
        ]
        history = [
            {"entry": e, "changes": audit.labelled_changes(obj, e.changes)} for e in audit.history(obj)
        ]
        return render(
            request,
            "core/pages/detail.html",
            {
                **self.base_context(request),
                "obj": obj,
                "fields": fields,
                "history": history,
            },
        )

    def _require_edit(self, request: HttpRequest) -> None:
        if not self.can_edit(request.user):
            raise Http404

    def create_view(self, request: HttpRequest) -> HttpResponse:
        self._require_edit(request)
        form = self.form_class(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            data = {
                k: v for k, v in form.cleaned_data.items() if k in {f.name for f in self.model._meta.fields}
            }
            try:
                if not self.model(**data).in_scope_of(request.user):
                    raise ValidationError(_("不能在您负责的区划以外新建记录。"))
                obj = self.create(actor=request.user, data={**data, **self.m2m_data(form)})
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("已保存。"))
                return redirect(self.url("detail", pk=obj.pk))
        return render(
            request, "core/pages/form.html", {**self.base_context(request), "form": form, "obj": None}
        )

    def m2m_data(self, form: ModelForm) -> dict[str, Any]:
        names = {f.name for f in self.model._meta.many_to_many}
        return {k: list(v) for k, v in form.cleaned_data.items() if k in names}

    def edit_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self._require_edit(request)
        obj = self.get_object(request, pk)
        if getattr(obj, "voided_at", None):
            messages.error(request, _("该记录已作废，不能修改。"))
            return redirect(self.url("detail", pk=pk))
        version = obj.version
        form = self.form_class(request.POST or None, request.FILES or None, instance=obj, user=request.user)
        if request.method == "POST":
            try:
                expected = int(request.POST.get("_version", ""))
            except ValueError:
                expected = -1
            if form.is_valid():
                changes = {k: v for k, v in form.cleaned_data.items() if k in form.fields}
                try:
                    if not form.instance.in_scope_of(request.user):
                        raise ValidationError(_("不能把记录改到您负责的区划以外。"))
                    self.update(
                        self.model.objects.get(pk=pk),
                        actor=request.user,
                        changes=changes,
                        expected_version=expected,
                    )
                except ValidationError as exc:
                    _add_errors(form, exc)
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

    def void_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self._require_edit(request)
        obj = self.get_object(request, pk)
        form = VoidForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.record_void(obj, actor=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("已作废。"))
                return redirect(self.url("detail", pk=pk))
        return render(
            request, "core/pages/void.html", {**self.base_context(request), "form": form, "obj": obj}
        )

    def export_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in ("xlsx", "csv") or not self.ledger_id:
            raise Http404
        qs, _state = self.filtered(request)
        target = _export_path(fmt)
        with target.open("wb") as out:
            registry.get(self.ledger_id).export(qs, out, fmt)
        stamp = timezone.localtime().strftime("%Y%m%d")
        return FileResponse(target.open("rb"), as_attachment=True, filename=f"{self.title}_{stamp}.{fmt}")

    def template_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in ("xlsx", "csv"):
            raise Http404
        target = _export_path(fmt)
        with target.open("wb") as out:
            registry.get(self.ledger_id).template(out, fmt)
        return FileResponse(target.open("rb"), as_attachment=True, filename=f"{self.title}_模板.{fmt}")

    def import_view(self, request: HttpRequest) -> HttpResponse:
        self._require_edit(request)
        ledger = registry.get(self.ledger_id)
        context = {**self.base_context(request), "ledger": ledger, "form": ImportForm()}
        if request.method != "POST":
            return render(request, "core/pages/import.html", context)
        token = request.POST.get("token", "")
        if token:
            stored = _stored_upload(token, request.user)
            if stored is None:
                messages.error(request, _("上传的文件已过期，请重新上传。"))
                return redirect(self.url("import"))
            with stored.open("rb") as stream:
                result = ledger.load(
                    stream,
                    stored.suffix.lstrip("."),
                    actor=request.user,
                    via=f"导入 {request.POST.get('filename', stored.name)}"[:100],
                )
            stored.unlink(missing_ok=True)
            if result.ok:
                messages.success(request, result.summary())
                return redirect(self.url("list"))
            return render(request, "core/pages/import.html", {**context, "result": result})
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if not form.is_valid():
            return render(request, "core/pages/import.html", context)
        upload = form.cleaned_data["file"]
        try:
            fmt = file_format(upload.name)
            if upload.size > settings.EMGOV_UPLOAD_MAX_BYTES:
                raise FileError(_("文件超过%(mb)sMB") % {"mb": settings.EMGOV_UPLOAD_MAX_BYTES // 1048576})
        except FileError as exc:
            form.add_error("file", str(exc))
            return render(request, "core/pages/import.html", context)
        token, stored = _store_upload(upload, fmt, request.user)
        with stored.open("rb") as stream:
            result = ledger.load(stream, fmt, actor=request.user, via="导入", dry_run=True)
        if not result.ok:
            stored.unlink(missing_ok=True)
            token = ""
        return render(
            request,
            "core/pages/import.html",
            {
                **context,
                "result": result,
                "token": token,
                "filename": upload.name,
            },
        )


def _add_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _work_dir(kind: str) -> Path:
    folder = Path(settings.VAR_DIR) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _export_path(fmt: str) -> Path:
    return _work_dir("exports") / f"{uuid.uuid4().hex}.{fmt}"


def _store_upload(upload: Any, fmt: str, user: User) -> tuple[str, Path]:
    token = uuid.uuid4().hex
    target = _work_dir("imports") / f"{user.pk}-{token}.{fmt}"
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token, target


def _stored_upload(token: str, user: User) -> Path | None:
    if not token.isalnum():
        return None
    for fmt in ("xlsx", "csv"):
        candidate = _work_dir("imports") / f"{user.pk}-{token}.{fmt}"
        if candidate.exists():
            return candidate
    return None
