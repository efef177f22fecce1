"""The demo's records in memory: each area adds its own, later areas read them, then all are loaded."""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from emgov.demo.dates import Calendar
from emgov.demo.names import CreditCodes, Town

T = TypeVar("T")

BUREAU = "应急"
ENFORCEMENT = "执法检查"
ASSISTANCE = "帮扶指导"
SUPERVISION = "督导检查"


@dataclass(eq=False)
class Firm:
    code: str
    name: str
    town: Town
    industry: str
    party_type: str
    address: str
    representative: str
    phone: str
    risk: str
    is_key: bool


@dataclass(eq=False)
class Officer:
    certificate: str
    name: str
    department: str
    valid_until: datetime.date | None
    title: str
    squad: int = 0
    weight: float = 1.0

    def valid_on(self, day: datetime.date) -> bool:
        return self.valid_until is None or day <= self.valid_until


@dataclass(eq=False)
class Operation:
    number: str
    kind: str
    name: str
    start: datetime.date
    end: datetime.date
    lead: str
    departments: list[str]
    leader_name: str = ""
    leader_level: str = ""
    unannounced: bool = False
    theme: str = ""


@dataclass(eq=False)
class Visit:
    date: datetime.date
    firm: Firm
    department: str
    nature: str
    operation: Operation | None = None
    officers: list[Officer] = field(default_factory=list)
    hazard_count: int = 0
    suspend: bool = False
    number: str = ""
    av_recorded: bool = True

    @property
    def is_bureau_enforcement(self) -> bool:
        return self.department == BUREAU and self.nature == ENFORCEMENT


@dataclass(eq=False)
class Hazard:
    number: str
    visit: Visit
    description: str
    grade: str
    basis: str
    deadline: datetime.date
    rectified_on: datetime.date | None
    reviewed_on: datetime.date | None
    review_result: str


@dataclass(eq=False)
class World:
    rng: random.Random
    calendar: Calendar
    codes: CreditCodes
    firms: list[Firm] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    hazards: list[Hazard] = field(default_factory=list)

    @classmethod
    def new(cls, seed: int) -> World:
        rng = random.Random(seed)
        return cls(rng=rng, calendar=Calendar(rng), codes=CreditCodes(rng))

    def weighted_sample(self, items: Sequence[T], weights: Iterable[float], k: int) -> list[T]:
        """k distinct items, heavier ones likelier (Efraimidis–Spirakis), in a repeatable order."""
        keyed = [(self.rng.random() ** (1.0 / w), i) for i, w in enumerate(weights) if w > 0]
        keyed.sort(reverse=True)
        return [items[i] for _key, i in keyed[:k]]

    def bureau_officers_on(self, day: datetime.date) -> list[Officer]:
        return [o for o in self.officers if o.department == BUREAU and o.valid_on(day)]


def adjust_total(rng: random.Random, counts: list[int], total: int, floors: list[int] | None = None) -> None:
    """Nudge random entries up or down by one until the counts add up to `total` exactly."""
    floors = floors or [0] * len(counts)
    difference = total - sum(counts)
    while difference > 0:
        counts[rng.randrange(len(counts))] += 1
        difference -= 1
    reducible = [i for i, c in enumerate(counts) if c > floors[i]]
    while difference < 0:
        if not reducible:
            raise ValueError("counts cannot go down to the total")
        pick = rng.randrange(len(reducible))
        i = reducible[pick]
        counts[i] -= 1
        difference += 1
        if counts[i] == floors[i]:
            reducible[pick] = reducible[-1]
            reducible.pop()


def split_total(rng: random.Random, total: int, parts: int, spread: float = 0.3) -> list[int]:
    """`total` in `parts` positive shares of roughly equal size."""
    weights = [rng.uniform(1 - spread, 1 + spread) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [max(1, round(w * scale)) for w in weights]
    adjust_total(rng, shares, total, floors=[1] * parts)
    return shares


def yearly_numbers(days: list[datetime.date], template: str) -> list[str]:
    """Record numbers counting up within each year, for days in date order."""
    counters: dict[int, int] = {}
    numbers = []
    for day in days:
        counters[day.year] = counters.get(day.year, 0) + 1
        numbers.append(template.format(year=day.year, n=counters[day.year]))
    return numbers
