"""The drop-downs above a list: inferred from a field (choices, yes/no, a related record, a year of a date,
the values in use) or declared with the classes below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import clock
from emgov.core.models import RegionLevel, User
from emgov.core.pages.fields import path_fields

if TYPE_CHECKING:
    from emgov.core.pages.base import LedgerPages

YEARS_BACK = 10
# A key or a year typed into the address bar is ignored unless the database can compare it.
MAX_KEY = 2**63 - 1
MIN_YEAR, MAX_YEAR = 1, 9999


def parse_key(value: str) -> int | None:
    """A primary key from a GET parameter, or None for anything else (letters, signs, 10**30)."""
    if value.isascii() and value.isdigit() and int(value) <= MAX_KEY:
        return int(value)
    return None


def parse_year(value: str) -> int | None:
    """A year from a GET parameter (1–9999), or None."""
    year = parse_key(value)
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None


class Filter:
    """One drop-down above a list: a GET parameter, the options it offers and how it narrows the rows."""

    def __init__(self, field_path: str, *, label: str | None = None, name: str | None = None) -> None:
        self.path = field_path
        self.name = name or field_path
        self.label = label

    def field(self, model: type[models.Model]) -> models.Field:
        return path_fields(model, self.path)[-1]

    def title(self, model: type[models.Model]) -> str:
        return str(self.label) if self.label else str(self.field(model).verbose_name)

    def options(self, pages: LedgerPages, user: User) -> list[tuple[str, str]]:
        field = self.field(pages.model)
        return [(str(v), str(label)) for v, label in field.choices or []]

    def apply(self, qs: models.QuerySet, value: str) -> models.QuerySet:
        field = self.field(qs.model)
        try:
            typed = field.to_python(value)
            field.run_validators(typed)
        except (ValidationError, ValueError, OverflowError):
            return qs  # not a value of the field: narrows nothing, as an unknown parameter would
        return qs.filter(**{self.path: typed})


class ChoiceFilter(Filter):
    pass


class BoolFilter(Filter):
    def options(self, pages: LedgerPages, user: User) -> list[tuple[str, str]]:
        return [("1", _("是")), ("0", _("否"))]

    def apply(self, qs: models.QuerySet, value: str) -> models.QuerySet:
        return qs.filter(**{self.path: value == "1"})


class PresenceFilter(Filter):
    """Whether a field is filled in, e.g. 是否已公示 from 公示日期. `owed`: the records where an empty field
    means something is still to be done (a fine's payment: the cases with a payment deadline); "no"
    lists only those, not every record where the field does not apply."""

    def __init__(
        self,
        field_path: str,
        *,
        label: str,
        yes: str,
        no: str,
        name: str | None = None,
        owed: Q | None = None,
    ) -> None:
        super().__init__(field_path, label=label, name=name)
        self.yes, self.no, self.owed = yes, no, owed

    def options(self, pages: LedgerPages, user: User) -> list[tuple[str, str]]:
        return [("1", str(self.yes)), ("0", str(self.no))]

    def apply(self, qs: models.QuerySet, value: str) -> models.QuerySet:
        if value != "1" and self.owed is not None:
            qs = qs.filter(self.owed)
        return qs.filter(**{f"{self.path}__isnull": value != "1"})


class RelatedFilter(Filter):
    """A related record the user may see, e.g. a department; `limit` narrows the choices."""

    def __init__(
        self,
        field_path: str,
        *,
        label: str | None = None,
        name: str | None = None,
        limit: Q | None = None,
    ) -> None:
        super().__init__(field_path, label=label, name=name)
        self.limit = limit

    def options(self, pages: LedgerPages, user: User) -> list[tuple[str, str]]:
        manager = self.field(pages.model).related_model.objects
        related = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()
        if self.limit is not None:
            related = related.filter(self.limit)
        if hasattr(related.model, "voided_at"):
            related = related.filter(voided_at__isnull=True)
        return [(str(o.pk), str(o)) for o in related]

    def apply(self, qs: models.QuerySet, value: str) -> models.QuerySet:
        key = parse_key(value)
        return qs if key is None else qs.filter(**{f"{self.path}__pk": key})


class TownFilter(RelatedFilter):
    """The town (镇街) a record lies in, among the towns the user may see."""

    def __init__(self, field_path: str, *, label: str | None = None, name: str = "town") -> None:
        super().__init__(
            field_path,
            label=label or gettext_lazy("镇街"),
            name=name,
            limit=Q(level=RegionLevel.TOWN),
        )


class YearFilter(Filter):
    """The year of a date, the current year and the ten before it."""

    def __init__(self, field_path: str, *, label: str | None = None, name: str = "year") -> None:
        super().__init__(field_path, label=label or gettext_lazy("年度"), name=name)

    def options(self, pages: LedgerPages, user: User) -> list[tuple[str, str]]:
        this_year = clock.today().year
        return [(str(y), str(y)) for y in range(this_year, this_year - YEARS_BACK - 1, -1)]

    def apply(self, qs: models.QuerySet, value: str) -> models.QuerySet:
        year = parse_year(value)
        return qs if year is None else qs.filter(**{f"{self.path}__year": year})


class ValuesFilter(Filter):
    """The values in use among the records the user may see, e.g. 行业类别 (one query)."""

    def __init__(
        self,
        field_path: str,
        *,
        label: str | None = None,
        name: str | None = None,
        newest_first: bool = False,
    ) -> None:
        super().__init__(field_path, label=label, name=name)
        self.newest_first = newest_first

    def options(self, pages: LedgerPages, user: User) -> list[tuple[str, str]]:
        qs = pages.queryset(user).exclude(**{f"{self.path}__isnull": True})
        if isinstance(self.field(pages.model), models.CharField | models.TextField):
            qs = qs.exclude(**{self.path: ""})
        order = f"-{self.path}" if self.newest_first else self.path
        values = qs.order_by(order).values_list(self.path, flat=True).distinct()
        return [(str(v), str(v)) for v in values]


def as_filter(model: type[models.Model], spec: str | Filter) -> Filter:
    if isinstance(spec, Filter):
        return spec
    field = path_fields(model, spec)[-1]
    if isinstance(field, models.BooleanField):
        return BoolFilter(spec)
    if field.is_relation:
        return RelatedFilter(spec)
    if field.choices:
        return ChoiceFilter(spec)
    if isinstance(field, models.DateField):
        return YearFilter(spec, name=spec)
    return ValuesFilter(spec)
