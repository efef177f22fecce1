"""Field paths of list columns and filters: `visit__enterprise__town`, followed from the model."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from emgov.core.display import EMPTY, display_value


def path_fields(model: type[models.Model], field_path: str) -> list[models.Field]:
    """The fields along `a__b__c`, starting at `model`."""
    fields = []
    current = model
    for part in field_path.split("__"):
        field = current._meta.get_field(part)
        fields.append(field)
        if field.is_relation and field.related_model is not None:
            current = field.related_model
    return fields


def path_label(model: type[models.Model], field_path: str) -> str:
    try:
        return str(path_fields(model, field_path)[-1].verbose_name)
    except FieldDoesNotExist:
        return field_path


def path_value(obj: models.Model, field_path: str) -> Any:
    """How the value at the end of `field_path` reads on a page (related records by their name)."""
    *parts, last = field_path.split("__")
    target: Any = obj
    for part in parts:
        target = getattr(target, part, None)
        if target is None:
            return EMPTY
    field = target._meta.get_field(last)
    if field.many_to_many:
        return "、".join(str(o) for o in getattr(target, last).all()) or EMPTY
    return display_value(target, last)
