"""The narrative editor's two-way conversion: placeholder text ⇄ lines of text runs and figure chips.

The stored narrative keeps its placeholders (`{{ key|format }}`, see `narrative`); the writer never sees
them. The edit page receives, as JSON, every line cut into runs: plain text `{"t": …}` or a figure
`{"k": key, "f": format, "s": the words the report prints}`; the script of the page shows a figure as a
chip with its number in it and turns the chips back into placeholders on save (`lines_text` is the same
conversion here, for tests and for the server's own round trip). Every figure is offered by its Chinese
name with its value worded in each format that fits it, so that the writer picks a format by example
("2,121.2万元", "93.0%").
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.reports.annual import figure_for, report_words
from emgov.reports.figures import Scope
from emgov.reports.narrative import PLACEHOLDER, known_keys
from emgov.reports.wording import format_for

WORD_NAMES = {
    "year": gettext_lazy("报告年度"),
    "next_year": gettext_lazy("下一年度"),
    "last_year": gettext_lazy("上一年度"),
    "region": gettext_lazy("区划名称"),
    "bureau": gettext_lazy("本局名称"),
}
MONEY_FORMATS = ("wan_yuan1", "approx_wan_yuan", "wan_yuan", "thousands", "plain")
RATE_FORMATS = ("percent1", "percent")
COUNT_FORMATS = ("plain", "thousands", "wan_plus", "wan1", "cn")


def _formats(key: str, value: Any, unit: str) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, int) for v in value):
            return ("plain", "months")
        return ("plain", "titles") if key.startswith("normative.") else ("plain",)
    if isinstance(value, (str, bool)):
        return ("plain",)
    if unit == "元" or key.endswith("_yuan"):
        return MONEY_FORMATS
    if key.endswith("_rate") or (isinstance(value, float) and 0 <= value <= 1 and not unit):
        return RATE_FORMATS
    return COUNT_FORMATS


def _examples(key: str, value: Any, unit: str) -> list[list[str]]:
    """(format, the value in it) for each format that fits, without two formats that read the same."""
    seen: set[str] = set()
    examples = []
    for name in _formats(key, value, unit):
        shown = format_for(name)(value)
        if shown not in seen:
            seen.add(shown)
            examples.append(["" if name == "plain" else name, shown])
    return examples


def figure_choices(scope: Scope) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every figure the writer may insert, by Chinese name, with its value in each fitting format; and
    the values by key (for the chips of the text)."""
    words = report_words(scope)
    values: dict[str, Any] = dict(words)
    choices = [
        {"key": key, "name": str(name), "unit": "", "group": _("通用"), "formats": [["", words[key]]]}
        for key, name in WORD_NAMES.items()
    ]
    for key in sorted(known_keys() - set(WORD_NAMES)):
        figure = figure_for(key)
        value = figure.value(scope)
        values[key] = value
        choices.append(
            {
                "key": key,
                "name": str(figure.words),
                "unit": figure.unit,
                "group": figure_group(key),
                "formats": _examples(key, value, figure.unit),
            }
        )
    return choices, values


GROUPS = {
    "study": gettext_lazy("学习研讨"),
    "joint": gettext_lazy("联合执法"),
    "assistance": gettext_lazy("帮扶指导"),
    "supervision": gettext_lazy("督导检查"),
    "double_publicity": gettext_lazy("双公示"),
    "certificates": gettext_lazy("执法证考试"),
    "licensing": gettext_lazy("许可审批"),
    "counsel": gettext_lazy("法律顾问"),
    "litigation": gettext_lazy("行政诉讼"),
    "normative": gettext_lazy("规范性文件"),
    "disclosure": gettext_lazy("政务公开"),
    "outreach": gettext_lazy("普法宣传"),
    "enforcement": gettext_lazy("执法检查"),
    "preparedness": gettext_lazy("应急准备"),
    "problems": gettext_lazy("存在问题"),
    "plan": gettext_lazy("工作计划"),
}


def figure_group(key: str) -> str:
    return str(GROUPS.get(key.split(".", 1)[0], _("其他")))


def _shown(key: str, fmt: str | None, values: dict[str, Any]) -> str:
    worded = format_for(fmt)
    return worded(values[key]) if worded else str(values[key])


def line_runs(line: str, values: dict[str, Any]) -> list[dict[str, str]]:
    """One line cut into text runs and figure chips; an unknown placeholder stays text as written."""
    runs: list[dict[str, str]] = []
    position = 0

    def text(value: str) -> None:
        if not value:
            return
        if runs and "t" in runs[-1]:
            runs[-1]["t"] += value
        else:
            runs.append({"t": value})

    for match in PLACEHOLDER.finditer(line):
        key, fmt = match.group(1), match.group(2)
        text(line[position : match.start()])
        if key in values and format_for(fmt) is not None:
            runs.append({"k": key, "f": fmt or "", "s": _shown(key, fmt, values)})
        else:
            text(match.group(0))
        position = match.end()
    text(line[position:])
    return runs


def text_lines(text: str, values: dict[str, Any]) -> list[list[dict[str, str]]]:
    return [line_runs(line, values) for line in text.replace("\r\n", "\n").split("\n")]


def placeholder(key: str, fmt: str = "") -> str:
    return f"{{{{ {key}|{fmt} }}}}" if fmt else f"{{{{ {key} }}}}"


def lines_text(lines: list[list[dict[str, str]]]) -> str:
    """The runs back into placeholder text (what the page's script does before posting)."""
    return "\n".join(
        "".join(r["t"] if "t" in r else placeholder(r["k"], r.get("f", "")) for r in line) for line in lines
    )
