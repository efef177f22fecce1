from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RecordStepForm(forms.Form):
    """A step's form that starts from the record's current values of `record_fields` (the procedure
    passes the record through `Step.form_kwargs`)."""

    record_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, record: models.Model | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if record is not None:
            for name in self.record_fields:
                self.initial.setdefault(name, getattr(record, name))


def with_record(record: models.Model) -> dict[str, Any]:
    """`Step.form_kwargs` of a `RecordStepForm`."""
    return {"record": record}
