"""The base of every EMGov record: data scope, version for concurrent edits, voiding."""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from emgov.core.models.places import InSubquery, scope_hops

if TYPE_CHECKING:
    from emgov.core.models.regions import Region
    from emgov.core.models.users import User


def bureau_region_within(path: str) -> Q:
    """True (as SQL) when the bureau's own region lies inside the region with this path.

    The bureau's region is the 区划代码 of the department marked 是否本局; where that is empty,
    the only 区县 of the database (with several, there is no fallback).
    """
    from emgov.core.models.regions import Department, Region, RegionLevel

    bureau = Department.objects.filter(is_bureau=True, region__isnull=False)
    counties = Region.objects.filter(level=RegionLevel.COUNTY)
    county_count = Subquery(counties.order_by().values("level").annotate(n=Count("pk")).values("n")[:1])
    county_fallback = (
        Q(~Exists(bureau))
        & Q(Exact(Coalesce(county_count, 0), 1))
        & Q(Exists(counties.filter(path__startswith=path)))
    )
    return Q(Exists(bureau.filter(region__path__startswith=path))) | county_fallback


class DomainQuerySet(models.QuerySet):
    """Querysets of scoped records. `visible_to` is the one data-scoping primitive."""

    def in_region(self, region: Region) -> DomainQuerySet:
        if getattr(region, "holds_every_region", False):  # read by Region.with_reach()
            return self
        return self.filter(self.model.region_q(region.path))

    def visible_to(self, user: User) -> DomainQuerySet:
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_everything:
            return self
        if self.model.scope is None or user.covers_every_region:
            return self
        paths = user.region_paths()
        if not paths:
            return self.none()
        return self.filter(reduce(or_, (self.model.region_q(p) for p in paths)))

    def live(self) -> DomainQuerySet:
        return self.filter(voided_at__isnull=True) if hasattr(self.model, "voided_at") else self


class ScopedMixin:
    # Lookups from this model to a Region, in order of precedence: the first non-empty one places
    # the record. When all are empty the record belongs to the bureau's own region.
    # None: reference data that every signed-in user may read.
    scope: tuple[str, ...] | None = None
    scope_falls_back_to_bureau = True
    # The name of a PlaceField holding the region `scope` finds, when the model keeps one.
    place_field: str | None = None

    @classmethod
    def region_q(cls, path: str) -> Q:
        assert cls.scope is not None
        if cls.place_field:
            from emgov.core.models.regions import Region

            within = Region.objects.filter(path__startswith=path).values("pk")
            placed = Q(InSubquery(F(f"{cls.place_field}_id"), within.query))
            if not cls.scope_falls_back_to_bureau or not any(map(cls._lookup_nullable, cls.scope)):
                return placed
            return placed | (Q(**{f"{cls.place_field}__isnull": True}) & bureau_region_within(path))
        clauses = []
        empty_before: list[Q] = []
        for lookup in cls.scope:
            prefix = f"{lookup}__" if lookup else ""
            clauses.append(Q(*empty_before, **{f"{prefix}path__startswith": path}))
            if lookup and not cls._lookup_nullable(lookup):
                # Always placed by this lookup: no later clause can apply, and without them the
                # planner joins inward from the region (no OR, no outer joins).
                return reduce(or_, clauses)
            if lookup:
                empty_before.append(Q(**{f"{lookup}__isnull": True}))
        if cls.scope_falls_back_to_bureau and (empty_before or not cls.scope):
            clauses.append(Q(*empty_before) & bureau_region_within(path))
        return reduce(or_, clauses)

    @classmethod
    def _lookup_nullable(cls, lookup: str) -> bool:
        """Whether some record can have no region through `lookup` (a nullable key on the way)."""
        model: Any = cls
        for part in lookup.split("__"):
            field = model._meta.get_field(part)
            if getattr(field, "null", True) or not getattr(field, "many_to_one", False):
                return True
            model = field.related_model
        return False

    @classmethod
    def place_expression(cls) -> Any:
        """SQL for the region `scope` finds, as an UPDATE may use it (no joins: one subquery per lookup)."""
        parts: list[Any] = []
        for lookup in cls.scope or ():
            first, _sep, rest = lookup.partition("__")
            field = cls._meta.get_field(first)
            if not rest:
                parts.append(F(field.attname))
            else:
                related = field.related_model.objects.filter(pk=OuterRef(field.attname))
                parts.append(Subquery(related.values(f"{rest}_id")[:1]))
        return Coalesce(*parts, output_field=models.BigIntegerField()) if len(parts) > 1 else parts[0]

    @classmethod
    def follows_q(cls, model: type[models.Model], pks: Any) -> Q | None:
        """The records whose place follows these records of `model` (a key on the way of `scope`)."""
        found = [Q(**{f"{lookup}__in": pks}) for lookup, hop in scope_hops(cls) if hop is model]
        return reduce(or_, found) if found else None

    def placing_region_id(self) -> int | None:
        """The key of the region that places this record (see `scope`); None: the bureau's region."""
        for lookup in self.scope or ():
            parts = lookup.split("__") if lookup else []
            if not parts:
                return self.pk
            target: Any = self
            for depth, part in enumerate(parts[:-1], start=1):
                target = getattr(target, part, None)
                if target is None:
                    break
                # A record on the way that keeps the same place (a hazard's visit): its key, no more hops.
                if getattr(target, "place_field", None) and target.scope == ("__".join(parts[depth:]),):
                    kept = getattr(target, f"{target.place_field}_id")
                    if kept is not None:
                        return kept
            else:
                value = getattr(target, target._meta.get_field(parts[-1]).attname)
                if value is not None:
                    return value
        return None

    def scope_path(self) -> str | None:
        """The path of the region that places this (possibly unsaved) record; None: the bureau's region."""
        for lookup in self.scope or ():
            target: object = self
            for part in lookup.split("__") if lookup else ():
                target = getattr(target, part, None)
                if target is None:
                    break
            if target is not None:
                return target.path
        return None

    def in_scope_of(self, user: User) -> bool:
        """Whether `user` may write this record (the Python mirror of `visible_to`, for unsaved records)."""
        if user.sees_everything or self.scope is None or user.covers_every_region:
            return True
        path = self.scope_path()
        if path is None:
            from emgov.core.models.regions import bureau_region

            region = bureau_region()
            path = region.path if region else None
        return path is not None and any(path.startswith(p) for p in user.region_paths())


class ReferenceModel(ScopedMixin, models.Model):
    """Shared reference data: audited and versioned like every record, readable by all staff."""

    version = models.PositiveIntegerField(_("版本"), default=1, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    objects = DomainQuerySet.as_manager()

    # Fields that never appear in the audit trail's list of changes.
    audit_exclude = ("version", "created_at", "updated_at")

    class Meta:
        abstract = True


class DomainModel(ReferenceModel):
    """A legal record: scoped to a region, voided with a reason, never deleted."""

    voided_at = models.DateTimeField(_("作废时间"), null=True, blank=True, editable=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作废人"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    void_reason = models.CharField(_("作废原因"), max_length=500, blank=True, editable=False)

    audit_exclude = ("version", "created_at", "updated_at", "voided_at", "voided_by", "void_reason")

    class Meta:
        abstract = True

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None
