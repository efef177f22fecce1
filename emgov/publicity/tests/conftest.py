"""Fixtures of the publicity tests."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone


@pytest.fixture
def today(monkeypatch):
    """Set the day the application believes it is: `today("2023-10-16")`."""

    def set_day(text: str) -> datetime.date:
        day = datetime.date.fromisoformat(text)
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return set_day
