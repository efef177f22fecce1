"""The search box of a list: records with a field containing the text, case-insensitive.

A field of a related model that declares its text fields indexed for search (`search_indexed`, e.g. the
enterprise's name) is matched as the key of that record among the matching records, one subquery per
relation (`enterprise_id IN (SELECT id FROM enterprise WHERE name LIKE … OR credit_code LIKE …)`), not
through a join: the database finds the matching enterprises once through their trigram index (PostgreSQL)
instead of joining every listed record to its enterprise and reading every enterprise's name. Other fields
are matched as they are.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q

from emgov.core.pages.fields import path_fields


def _indexed_relation(model: type[models.Model], path: str, name: str) -> type[models.Model] | None:
    """The model `path` leads to, when every step is a key the record holds (many-to-one, one-to-one)
    and that model's field `name` is indexed for search."""
    try:
        steps = path_fields(model, path)
    except FieldDoesNotExist:
        return None
    if not all(f.concrete and (f.many_to_one or f.one_to_one) for f in steps):
        return None
    target = steps[-1].related_model
    return target if name in getattr(target, "search_indexed", ()) else None


def search_q(model: type[models.Model], fields: tuple[str, ...], text: str) -> Q:
    """Records of `model` with one of `fields` containing `text`."""
    own: list[Q] = []
    related: dict[str, tuple[type[models.Model], list[str]]] = {}
    for path in fields:
        head, _sep, name = path.rpartition("__")
        target = _indexed_relation(model, head, name) if head else None
        if target is None:
            own.append(Q(**{f"{path}__icontains": text}))
        else:
            related.setdefault(head, (target, []))[1].append(name)
    for head, (target, names) in related.items():
        matching = target._base_manager.filter(reduce(or_, (Q(**{f"{n}__icontains": text}) for n in names)))
        own.append(Q(**{f"{head}__in": matching.values("pk")}))
    return reduce(or_, own)
