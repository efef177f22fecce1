"""The figures the 2023 report states (seed_figures.json): the demo's year is built to give them."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

SEED_FIGURES: dict[str, Any] = json.loads(
    Path(__file__).with_name("seed_figures.json").read_text(encoding="utf-8")
)

YEAR: int = SEED_FIGURES["year"]
REGION_CODE: str = SEED_FIGURES["region"]
AS_OF = datetime.date.fromisoformat(SEED_FIGURES["as_of"])


def exact(key: str) -> Any:
    return SEED_FIGURES["exact"][key]


def middle(key: str) -> int:
    """The middle of a figure's accepted range: where the demo aims a figure the report rounds."""
    low, high = SEED_FIGURES["ranges"][key]
    return (low + high) // 2


def contained(key: str) -> list[Any]:
    return list(SEED_FIGURES["contains"][key])
