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
    value = getattr(obj, name)
    if isinstance(field, models.BooleanField):
        return _("是") if value else _("否")
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return value
