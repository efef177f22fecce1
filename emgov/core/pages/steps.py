"""What every workflow step page shares: its form with today's date filled in, the record version
posted with it, the service's `ValidationError` put back on the form's fields, and the generic step
pages of a ledger that follows a `Procedure`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.workflow import Procedure, Step


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
    today = clock.today()
    initial = {n: today for n, f in form_class.base_fields.items() if isinstance(f, forms.DateField)}
    initial.update(kwargs.pop("initial", {}))
    return form_class(request.POST or None, initial=initial, **kwargs)


class ProcedurePages:
    """The steps of a ledger whose records follow a `Procedure`: offered on the record's page, each
    taken on its own page at `<name>/<pk>/steps/<step>/` (the form posted from the record's page too).

    Mixed into `LedgerPages`; a ledger sets `procedure` and gets the step URLs and the detail context."""

    procedure: Procedure | None = None
    step_template = "core/pages/step.html"

    def step_options(self, request: HttpRequest, obj: Any) -> list[dict[str, Any]]:
        """What the record's page lists: each step the user may take now with its form, and those a
        guard refuses with the reason."""
        if self.procedure is None:
            return []
        return [
            {
                "step": o.step,
                "refusal": o.refusal,
                "target": self._target_label(o.step),
                "form": self._step_form(o.step, obj, None, auto_id=f"id_{o.step.name}_%s")
                if o.available
                else None,
            }
            for o in self.procedure.options(obj, request.user)
        ]

    def _target_label(self, step: Step) -> str:
        """The state the step leads to, unless the step's own name already says it."""
        label = str(self.procedure.states.get(step.target, "")) if step.target else ""
        return "" if label == str(step.label) else label

    def step_warnings(self, obj: Any, step: Step) -> list[str]:
        """What the user is warned of after taking `step` (e.g. a deadline missed but not forbidden)."""
        return []

    def step_done_url(self, obj: Any, step: Step) -> str:
        """Where the user goes after taking `step` on `obj`: the record's page, unless the ledger says
        otherwise (e.g. the record the step has created)."""
        return self.url("detail", pk=obj.pk)

    def _step_form(self, step: Step, obj: Any, data: Any, **kwargs: Any) -> forms.Form:
        form_class = step.form or forms.Form
        today = clock.today()
        initial = {n: today for n, f in form_class.base_fields.items() if isinstance(f, forms.DateField)}
        return self.procedure.form(step, obj, data, initial=initial, **kwargs)

    def step_view(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        spec = self.procedure.step(step) if self.procedure else None
        if spec is None:
            raise Http404
        obj = self.get_object(request, pk)
        if not self.procedure.permits(request.user, spec):
            raise PermissionDenied
        posted = request.method == "POST"
        form = self._step_form(
            spec, obj, request.POST if posted else None, files=request.FILES if posted else None
        )
        status = 200
        if request.method == "POST":
            if form.is_valid():
                try:
                    obj = self.procedure.take(
                        spec.name,
                        obj,
                        actor=request.user,
                        expected_version=posted_version(request),
                        **form.cleaned_data,
                    )
                except ValidationError as exc:
                    add_errors(form, exc)
                else:
                    messages.success(request, _("已办理：%(step)s。") % {"step": spec.label})
                    for warning in self.step_warnings(obj, spec):
                        messages.warning(request, warning)
                    return redirect(self.step_done_url(obj, spec))
            status = 422
        context = {
            **self.base_context(request),
            "obj": obj,
            "form": form,
            "step": spec,
            "step_label": spec.label,
            "refusal": self.procedure.refusal(obj, spec),
            "state": self.procedure.state_label(obj),
            "version": obj.version,
        }
        return render(request, self.step_template, context, status=status)
