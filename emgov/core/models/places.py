"""Where a record is filed: the region its scope finds, kept on large tables as one indexed key.

A model declares `place = PlaceField()` and `place_field = "place"` beside its `scope` (see
`ScopedMixin` in `base`); `region_q` then filters that key, and every write path keeps it: `save()` and
the bulk writers through `pre_save`, `record_update` and `bulk.update` explicitly, and the records that
follow a moved one (`replace_dependents`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from django.db import models
from django.db.models import F
from django.db.models.lookups import Lookup
from django.utils.translation import gettext_lazy as _


class InSubquery(Lookup):
    """`key IN (subquery)`, written on PostgreSQL as `key = ANY(ARRAY(subquery))`: the subquery then runs
    once and the key's index serves the lookup even inside an OR, where an IN would become a filter on
    every row."""

    lookup_name = "in_subquery"

    template = "{lhs} IN {rhs}"

    def as_sql(self, compiler: Any, connection: Any, template: str | None = None) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)
        return (template or self.template).format(lhs=lhs, rhs=rhs), [*lhs_params, *rhs_params]

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        return self.as_sql(compiler, connection, template="{lhs} = ANY(ARRAY{rhs})")


class PlaceField(models.ForeignKey):
    """The region that places a record (the first non-empty lookup of its model's `scope`), written on
    every save. A model whose scope follows nullable keys through large tables (a penalty case: its
    enterprise, else its visit's, else its own 区划代码) is then scoped by one indexed key instead of
    outer joins across those tables. Records it depends on re-place it when they move (`replace_dependents`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("to", "core.Region")
        kwargs.setdefault("on_delete", models.PROTECT)
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("related_name", "+")
        kwargs.setdefault("verbose_name", _("所属区划"))
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = model_instance.placing_region_id()
        setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self) -> tuple[Any, ...]:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


@cache
def placed_models() -> tuple[type[models.Model], ...]:
    from django.apps import apps

    return tuple(
        m
        for m in apps.get_models()
        if getattr(m, "place_field", None) and isinstance(m._meta.get_field(m.place_field), PlaceField)
    )


def scope_hops(model: type[models.Model]) -> Iterator[tuple[str, type[models.Model]]]:
    """Each record on the way of `model`'s scope to a region: its lookup from `model`, and its model
    (a penalty case: `enterprise` Enterprise, `visit` Visit, `visit__enterprise` Enterprise)."""
    for lookup in getattr(model, "scope", None) or ():
        current: Any = model
        parts = lookup.split("__") if lookup else []
        for depth, part in enumerate(parts[:-1], start=1):
            current = current._meta.get_field(part).related_model
            yield "__".join(parts[:depth]), current


@cache
def followed_models() -> frozenset[type[models.Model]]:
    """The models on the way of a placed model's scope: moving one of their records re-places others."""
    return frozenset(hop for placed in placed_models() for _lookup, hop in scope_hops(placed))


def re_place_after_save(
    sender: type[models.Model], instance: models.Model, created: bool, raw: bool, **kw
) -> None:
    """post_save: an edited enterprise or visit re-places the records that follow it."""
    if not created and not raw and sender in followed_models():
        replace_dependents(sender, [instance.pk])


def misplaced(model: type[models.Model]) -> models.QuerySet:
    """The records of a model keeping a place whose place is not the region its scope finds (none, as
    long as every write goes through save(), record_update or the bulk writers)."""
    place = model.place_field
    found = model.objects.annotate(found=model.place_expression())
    return found.exclude(**{place: F("found")}).exclude(**{f"{place}__isnull": True, "found__isnull": True})


def replace_dependents(model: type[models.Model], pks: Any) -> None:
    """Re-place the records whose place follows these records of `model`, which may have moved (an
    enterprise to another town, a visit to another enterprise): one UPDATE per model keeping a place."""
    pks = list(pks)
    for placed in placed_models():
        for start in range(0, len(pks), 2000):
            follows = placed.follows_q(model, pks[start : start + 2000])
            if follows is None:
                break
            placed.objects.filter(follows).update(**{placed.place_field: placed.place_expression()})
