"""The generic ledger pages: list, detail with history, create, edit, void, import and export.

An app declares a `LedgerPages` subclass per ledger and includes `Pages().urls()`; workflow steps
(file a case, publish a decision) are small views of their own that call their service.

A list column or a filter may follow relations (`"visit__enterprise__town"`); a column is a field path
or a `(path, label)` pair. Filters are inferred from the field or declared with the classes in `filters`.
Forms derive from `LedgerForm`; records with many-to-many fields are written by `writes`, and imports
run in the background (`imports`, `emgov.core.jobs`).
"""

from emgov.core.pages.base import PAGE_SIZE, LedgerPages, pages_for
from emgov.core.pages.fields import path_fields, path_label, path_value
from emgov.core.pages.filters import (
    BoolFilter,
    ChoiceFilter,
    Filter,
    PresenceFilter,
    RelatedFilter,
    TownFilter,
    ValuesFilter,
    YearFilter,
    parse_key,
    parse_year,
)
from emgov.core.pages.forms import LedgerForm, LookupInput

__all__ = [
    "PAGE_SIZE",
    "BoolFilter",
    "ChoiceFilter",
    "Filter",
    "LedgerForm",
    "LedgerPages",
    "LookupInput",
    "PresenceFilter",
    "RelatedFilter",
    "TownFilter",
    "ValuesFilter",
    "YearFilter",
    "pages_for",
    "parse_key",
    "parse_year",
    "path_fields",
    "path_label",
    "path_value",
]
