"""Writes to the enterprise register."""

from __future__ import annotations

from typing import Any

from emgov.core import services
from emgov.core.models import User
from emgov.enterprises.models import Enterprise
from emgov.enterprises.pinyin import name_initials

__all__ = ["enterprise_create", "name_initials"]


def enterprise_create(*, actor: User | None, via: str = services.VIA_WEB, **fields: Any) -> Enterprise:
    """A new enterprise in the register; its clean() derives the name's pinyin initials."""
    return services.record_create(Enterprise(**fields), actor=actor, via=via)
