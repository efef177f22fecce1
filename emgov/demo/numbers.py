"""Document numbers (文号) of the demo's documents, in date order per type and year, as the bureau issues them."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from emgov.demo.base import NUMBER_TEMPLATES
from emgov.demo.targets import YEAR

TEMPLATES = dict(NUMBER_TEMPLATES)


class DocumentNumbers:
    """Numbers documents per type and year; the demo's 2022 is only its end, so 2022 starts further on."""

    def assign(
        self,
        items: Sequence[Any],
        *,
        day: Callable[[Any], datetime.date],
        doc_type: str,
        template: str | None = None,
        field: str = "number",
    ) -> None:
        """Set `field` of each item to its number, counting up by date within each year."""
        template = template or TEMPLATES[doc_type]
        by_year: dict[int, list[Any]] = defaultdict(list)
        for item in sorted(items, key=day):
            by_year[day(item).year].append(item)
        for year, of_year in sorted(by_year.items()):
            first = 1 if year >= YEAR else _carried_on(len(of_year), day(of_year[0]))
            for n, item in enumerate(of_year, start=first):
                setattr(item, field, template.format(year=year, n=n))


def _carried_on(count: int, first: datetime.date) -> int:
    """The first number of a slice at the end of a year, as if the year before it ran at the slice's pace."""
    days_left = (datetime.date(first.year, 12, 31) - first).days + 1
    return count * (first.timetuple().tm_yday - 1) // days_left + 1
