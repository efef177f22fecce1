"""法定期限与规则: every time limit, threshold and amount the system enforces, declared once.

An app declares each of its rules with `declare` (its default from national law, the article it comes
from, where the system uses it, and `to_confirm` where a Guangdong or Foshan rule may decide and no
source is cited yet). When a law or 规章 changes, the administrator adds a `RuleVersion` with a later
effective date; `value(key, on=…)` answers the version in force on that day (a case asks on its filing
date), so records made before the change keep the old rule. The page 法定期限与规则 lists them all.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from emgov.core import clock


@dataclass(frozen=True)
class Rule:
    key: str
    label: Any
    default: Decimal
    unit: Any
    basis: Any
    used_in: Any
    # Why the default is not yet confirmed (a provincial or municipal rule may decide); "" when cited.
    to_confirm: Any = ""

    @property
    def is_integer(self) -> bool:
        return self.default == self.default.to_integral_value()


RULES: dict[str, Rule] = {}


def declare(
    key: str,
    label: Any,
    default: int | str | Decimal,
    unit: Any,
    basis: Any,
    used_in: Any,
    *,
    to_confirm: Any = "",
) -> Rule:
    """Declare a rule (once, at import of the app's `rules` module); returns it for the app's use."""
    rule = Rule(key, label, Decimal(str(default)), unit, basis, used_in, to_confirm)
    existing = RULES.get(key)
    if existing is not None and existing != rule:
        raise ValueError(f"rule {key} declared twice, differently")
    RULES[key] = rule
    return rule


# Within a request, the live versions of every rule are read once (the first time a rule is asked
# for) and kept for the request: a list page that computes a deadline per row reads them once.
_request_versions: ContextVar[list | None] = ContextVar("rule_versions", default=None)
_NOT_READ: list = []


class RulesPerRequest:
    """Middleware: rule versions are read at most once per request."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        token = _request_versions.set(_NOT_READ)
        try:
            return self.get_response(request)
        finally:
            _request_versions.reset(token)


def _live_versions(key: str) -> list:
    from emgov.core.models import RuleVersion

    live = RuleVersion.objects.filter(voided_at__isnull=True).select_related("region")
    kept = _request_versions.get()
    if kept is None:
        return list(live.filter(key=key))
    if kept is _NOT_READ:
        kept = list(live)
        _request_versions.set(kept)
    return [v for v in kept if v.key == key]


def version_in_force(key: str, on: datetime.date | None = None, region: Any = None):
    """The administrator's latest live version of `key` in force on `on` (today by default) for a
    record in `region` (a version for a region applies to it and the regions below it), or None."""
    on = on or clock.today()
    candidates = sorted(
        (v for v in _live_versions(key) if v.effective_from <= on),
        key=lambda v: (v.effective_from, v.pk),
        reverse=True,
    )
    for version in candidates:
        if version.region_id is None or (region is not None and region.path.startswith(version.region.path)):
            return version
    return None


def value(key: str, on: datetime.date | None = None, region: Any = None) -> Decimal | int:
    """The rule's value in force on `on` for `region`: an int for counts of days, else a Decimal."""
    rule = RULES[key]
    version = version_in_force(key, on, region)
    found = version.value if version is not None else rule.default
    return int(found) if rule.is_integer and found == found.to_integral_value() else found


def days(key: str, on: datetime.date | None = None, region: Any = None) -> int:
    return int(value(key, on, region))
