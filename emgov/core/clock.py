"""The business date: the one "today" of the code.

Every "today" in EMGov (form defaults, deadlines, overdue lists, to-do lists, the digest) comes from
``today()``. A deployment runs on the calendar; the demo runs as of its own date (Nanhai 2023), which
``emgov demo`` records (``emgov business_date``) so that a newcomer meets a living bureau rather than
a year-old backlog. The setting ``EMGOV_BUSINESS_DATE`` overrides the stored date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

CACHE_KEY = "emgov:business-date"
# Read once per process and kept: a page's query count never depends on when the cache was filled.
# `emgov business_date` changes it at once in processes sharing the cache (EMGOV_CACHE_URL); servers
# with their own memory cache take it up when restarted.
CACHE_SECONDS = None
_CALENDAR = "calendar"
_held: ContextVar[datetime.date | None] = ContextVar("emgov_today_held", default=None)


def business_date() -> datetime.date | None:
    """The date the system is set to run as of, or None when it runs on the calendar."""
    configured = getattr(settings, "EMGOV_BUSINESS_DATE", None)
    if configured:
        return (
            configured
            if isinstance(configured, datetime.date)
            else datetime.date.fromisoformat(str(configured))
        )
    stored = cache.get(CACHE_KEY)
    if stored is None:
        from emgov.core.models import BusinessDate

        row = BusinessDate.objects.order_by("pk").first()
        stored = row.on.isoformat() if row else _CALENDAR
        cache.set(CACHE_KEY, stored, CACHE_SECONDS)
    return None if stored == _CALENDAR else datetime.date.fromisoformat(stored)


def today() -> datetime.date:
    """Today as the system sees it: the business date when one is set, else the local calendar date."""
    held = _held.get()
    if held is not None:
        return held
    return business_date() or timezone.localdate()


@contextmanager
def held() -> Iterator[datetime.date]:
    """One today for the whole of a block that asks for it row after row (an import checks each row
    against it): read once, the same for every row."""
    day = today()
    token = _held.set(day)
    try:
        yield day
    finally:
        _held.reset(token)


def business_date_set(on: datetime.date | None, note: str = "") -> None:
    """Run the system as of `on` (None: on the calendar again)."""
    from emgov.core.models import BusinessDate

    BusinessDate.objects.all().delete()
    if on is not None:
        BusinessDate.objects.create(on=on, note=note)
    forget()


def forget() -> None:
    """Drop this process's cached business date (after a change, or between tests)."""
    cache.delete(CACHE_KEY)
