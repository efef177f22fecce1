"""How the report words a figure: the rounded forms of the bureau's report, rendered from exact values.

Each format takes the exact value and returns the words, e.g. 20320000 → "约2032万元", 31245 → "3万多",
429000 → "42.9万", 1.0 → "100%". `FORMATS` maps the name used in a narrative placeholder
(`{{ enforcement.fines_yuan|approx_wan_yuan }}`) to its function; `format_for` also reads the formats
that take words (`{{ joint.industries|among:建筑施工、燃气 }}`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from emgov.core import documents

WAN = Decimal(10000)


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value or 0))


def _trim(number: Decimal) -> str:
    """A decimal without trailing zeros: 42.0 → "42", 42.90 → "42.9"."""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def plain(value: Any) -> str:
    """The exact value: integers as digits, lists joined with 、."""
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if isinstance(value, float):
        return _trim(Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP))
    if isinstance(value, Decimal):
        return _trim(value)
    return str(value)


def wan_yuan(value: Any) -> str:
    """Yuan rounded to whole 万元: 20321234 → 2032万元; under 5000 yuan, the yuan: 4200 → 4200元."""
    amount = _decimal(value)
    wan = (amount / WAN).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{wan}万元" if wan else f"{plain(value)}元"


def approx_wan_yuan(value: Any) -> str:
    """The same with 约 before it, as the report words a total of fines: 20320000 → 约2032万元."""
    return f"约{wan_yuan(value)}"


def wan_plus(value: Any) -> str:
    """A count as whole 万 and 多 for the rest: 31245 → 3万多, 30000 → 3万, 9500 → 9500."""
    amount = _decimal(value)
    if amount < WAN:
        return plain(value)
    wan = int(amount // WAN)
    return f"{wan}万多" if amount > wan * WAN else f"{wan}万"


def wan_one_decimal(value: Any) -> str:
    """A count in 万 with one decimal: 429000 → 42.9万, 428600 → 42.9万, 420000 → 42万, 9500 → 9500."""
    amount = _decimal(value)
    if amount < WAN:
        return plain(value)
    return f"{_trim((amount / WAN).quantize(Decimal('0.1'), ROUND_HALF_UP))}万"


def thousands(value: Any) -> str:
    """A number with thousands separators: 21285 → 21,285; 20320000.5 → 20,320,000.5."""
    amount = _decimal(value)
    whole = f"{amount.quantize(Decimal(1), ROUND_HALF_UP):,}"
    return whole if amount == amount.to_integral_value() else f"{amount.normalize():,f}"


def wan_yuan_one_decimal(value: Any) -> str:
    """Yuan in 万元 with one decimal and thousands separators: 21212000 → 2,121.2万元, 20320000 → 2,032.0万元."""
    wan = (_decimal(value) / WAN).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{wan:,}万元"


def percent_one_decimal(value: Any) -> str:
    """A rate in 0..1 as a percentage with exactly one decimal: 0.93 → 93.0%, 1.0 → 100.0%."""
    return f"{(_decimal(value) * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def percent(value: Any) -> str:
    """A rate in 0..1 as a percentage with at most one decimal: 1.0 → 100%, 0.9856 → 98.6%."""
    return f"{_trim((_decimal(value) * 100).quantize(Decimal('0.1'), ROUND_HALF_UP))}%"


def chinese_number(value: Any) -> str:
    """A small count in Chinese numerals: 4 → 四, 12 → 十二, 69 → 六十九; from 100 on, digits."""
    return documents.chinese_number(int(value or 0))


def book_titles(value: Any) -> str:
    """Document titles in 书名号, joined with 、: ["某办法"] → 《某办法》."""
    items = value if isinstance(value, (list, tuple)) else [value]
    return "、".join(f"《{item}》" for item in items if item)


def months(value: Any) -> str:
    """Month numbers as words: [1, 2, 3] → 1月、2月、3月."""
    items = value if isinstance(value, (list, tuple)) else [value]
    return "、".join(f"{item}月" for item in items)


ARGUMENT_SEPARATORS = re.compile(r"[、,，]")


def among(named: str) -> Callable[[Any], str]:
    """The format `among:甲、乙、丙`: of the items the writer names, those the figure's list holds, in
    the writer's order; where it holds none of them, its own items. "覆盖…以及{{ joint.industries|among:
    建筑施工、燃气 }}等行业领域" thus never names an industry the records do not."""
    wanted = [item.strip() for item in ARGUMENT_SEPARATORS.split(named) if item.strip()]

    def render(value: Any) -> str:
        items = [
            str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v not in (None, "")
        ]
        found = [item for item in wanted if item in items]
        return "、".join(found or items)

    return render


FORMATS: dict[str, Callable[[Any], str]] = {
    "wan_yuan": wan_yuan,
    "approx_wan_yuan": approx_wan_yuan,
    "wan_plus": wan_plus,
    "wan1": wan_one_decimal,
    "percent": percent,
    "cn": chinese_number,
    "titles": book_titles,
    "months": months,
    "plain": plain,
    "thousands": thousands,
    "wan_yuan1": wan_yuan_one_decimal,
    "percent1": percent_one_decimal,
}

# Formats that take the writer's words after a colon: `{{ key|among:甲、乙 }}`.
ARGUMENT_FORMATS: dict[str, Callable[[str], Callable[[Any], str]]] = {"among": among}


def format_for(name: str | None) -> Callable[[Any], str] | None:
    """The format a placeholder names (`plain` when none), or None when there is no such format."""
    if not name:
        return plain
    if name in FORMATS:
        return FORMATS[name]
    head, colon, argument = name.partition(":")
    if colon and head.strip() in ARGUMENT_FORMATS and argument.strip():
        return ARGUMENT_FORMATS[head.strip()](argument)
    return None


# The formats explained on the narrative's edit page.
FORMAT_HELP = [
    ("thousands", "21285 → 21,285"),
    ("wan_yuan1", "21212000 → 2,121.2万元"),
    ("percent1", "0.93 → 93.0%"),
    ("approx_wan_yuan", "20320000 → 约2032万元"),
    ("wan_yuan", "20321234 → 2032万元"),
    ("wan_plus", "31245 → 3万多"),
    ("wan1", "429000 → 42.9万"),
    ("percent", "1.0 → 100%"),
    ("cn", "4 → 四"),
    ("titles", "《…》、《…》"),
    ("months", "1月、2月"),
    ("among:甲、乙、丙", "列表中属于甲、乙、丙的项：甲、丙"),
]


WAN_FORMATS = ("wan_yuan", "approx_wan_yuan", "wan_yuan1")


def figure_text(key: str, value: Any, unit: str = "", report_format: str | None = None) -> str:
    """A figure as a page states it next to its records: counts with thousands separators and their unit,
    rates as percentages, money in yuan with separators, in 万元 first where the report words it in 万元
    (2,032.0万元（20,320,000元）), month lists as months, words as they are."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, int) for v in value) and key.endswith("months"):
            return months(value)
        return plain(value)
    if unit == "元" or key.endswith("_yuan"):
        exact = f"{thousands(value)}元"
        return f"{wan_yuan_one_decimal(value)}（{exact}）" if report_format in WAN_FORMATS else exact
    if key.endswith("_rate") or report_format in ("percent", "percent1"):
        return percent_one_decimal(value)
    return f"{thousands(value)}{unit}"
