"""What every workflow step view shares: its form with today's date filled in, the record version
posted with it, and the service's `ValidationError` put back on the form's fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone


def add_errors(form: forms.Form, exc: ValidationError, aliases: Mapping[str, str] | None = None) -> None:
    """Show a service's errors on the fields they name (through `aliases`), the rest above the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        name = (aliases or {}).get(name, name)
        form.add_error(name if name in form.fields else None, errors)


def posted_version(request: HttpRequest) -> int:
    """The record version the form was rendered with; -1 (always stale) when missing or garbled."""
    try:
        return int(request.POST.get("_version", ""))
    except ValueError:
        return -1


def step_form(form_class: type[forms.Form], request: HttpRequest, **kwargs: Any) -> forms.Form:
    """The step's form, bound on POST; on GET its date fields start at today."""
    today = timezone.localdate()
    initial = {n: today for n, f in form_class.base_fields.items() if isinstance(f, forms.DateField)}
    initial.update(kwargs.pop("initial", {}))
    return form_class(request.POST or None, initial=initial, **kwargs)
