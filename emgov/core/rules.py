"""法定期限与规则: every time limit, threshold and amount the system enforces, declared once.

An app declares each of its rules with `declare` (its default from national law, the article it comes
from, where the system uses it, and `to_confirm` where a Guangdong or Foshan rule may decide and no
source is cited yet). When a law or 规章 changes, the administrator adds a `RuleVersion` with a later
effective date; `value(key, on=…)` answers the version in force on that day (a case asks on its filing
date), so records made before the change keep the old rule. The page 法定期限与规则 lists them all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone


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


def version_in_force(key: str, on: datetime.date | None = None, region: Any = None):
    """The administrator's latest live version of `key` in force on `on` (today by default) for a
    record in `region` (a version for a region applies to it and the regions below it), or None."""
    from emgov.core.models import RuleVersion

    on = on or timezone.localdate()
    versions = RuleVersion.objects.filter(key=key, effective_from__lte=on, voided_at__isnull=True)
    candidates = versions.select_related("region").order_by("-effective_from", "-pk")
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
