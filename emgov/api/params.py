"""Query parameters every list shares, bounded so that no number typed into a URL reaches the database
unchecked: an answer of 422 with the bound, never an overflow."""

from __future__ import annotations

from typing import Any

from ninja import Field, Query, Schema
from ninja.pagination import LimitOffsetPagination

from emgov.core.pages.filters import MAX_KEY, MAX_YEAR, MIN_YEAR

MAX_LIMIT = 1000


def year_query(*, required: bool = False) -> Any:
    """The default of a `year` parameter: a year from 1 to 9999 (a function's own, as `paginate` needs)."""
    return Query(... if required else None, ge=MIN_YEAR, le=MAX_YEAR, description="年度（1–9999）")


class Pagination(LimitOffsetPagination):
    """`limit` (1–1000, default 100) records from `offset`."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_KEY)
