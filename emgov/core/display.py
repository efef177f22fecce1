"""How field values read on pages: choices by label, 是/否, dates as YYYY-MM-DD, empty as —."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

EMPTY = "—"


def field_label(model: type[models.Model], name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def display_value(obj: models.Model, name: str) -> Any:
    field = obj._meta.get_field(name)
    if field.choices and not field.many_to_many:
        value = getattr(obj, name)
        return getattr(obj, f"get_{name}_display")() if value not in (None, "") else EMPTY
    return format_value(type(obj), field, getattr(obj, name))


def format_value(model: type[models.Model], field: models.Field | None, value: Any) -> Any:
    """A stored value as it reads on a page. A model may name the labels of a JSON field's keys in
    `value_labels` ({field name: {key: label}}), so that {"facts": true} reads 事实清楚：是."""
    if field is not None and field.choices and value not in (None, "") and not isinstance(value, list):
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool) or (field is not None and isinstance(field, models.BooleanField)):
        return EMPTY if value is None else (_("是") if value else _("否"))
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        labels = getattr(model, "value_labels", {}).get(field.name if field else "", {})
        return "；".join(f"{labels.get(k, k)}：{format_value(model, None, v)}" for k, v in value.items())
    return value
