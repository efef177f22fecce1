"""The report's narrative: editable words with the figures as live placeholders.

A placeholder is `{{ key }}` or `{{ key|format }}`: `key` is a figure of `figures.FIGURES`, a check of
`checks.CHECKS`, a statement of `checks.STATEMENTS` (words the records decide, such as whether a head
of the bureau failed to appear in court), or one of the words of `WORDS` (year, next_year, region,
bureau); `format` one of `wording.FORMATS`, or `among:甲、乙` (`wording.format_for`). The text is one
paragraph a line; "一、…" lines are first-level headings and "（一）…" lines without a full stop
second-level ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.reports.checks import CHECKS, STATEMENTS
from emgov.reports.figures import FIGURES
from emgov.reports.wording import format_for, plain

PLACEHOLDER = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}")
WORDS = ("year", "next_year", "last_year", "region", "bureau")
HEADING_1 = re.compile(r"^[一二三四五六七八九十]+、[^。]*$")
HEADING_2 = re.compile(r"^（[一二三四五六七八九十]+）[^。]*$")


def known_keys() -> set[str]:
    return {*FIGURES, *CHECKS, *STATEMENTS, *WORDS}


def placeholder_errors(text: str) -> list[str]:
    """Every problem with the placeholders of `text`, in Chinese, naming the placeholder."""
    errors = []
    keys = known_keys()
    for match in PLACEHOLDER.finditer(text):
        key, fmt = match.group(1), match.group(2)
        if key not in keys:
            errors.append(_("未知的数据项“%(key)s”（占位符 %(p)s）") % {"key": key, "p": match.group(0)})
        if fmt is not None and format_for(fmt) is None:
            errors.append(_("未知的数字格式“%(fmt)s”（占位符 %(p)s）") % {"fmt": fmt, "p": match.group(0)})
    rest = PLACEHOLDER.sub("", text)
    if "{{" in rest or "}}" in rest:
        errors.append(_("占位符的花括号不成对：每个占位符应写成 {{ 数据项 }} 或 {{ 数据项|格式 }}"))
    return errors


def validate_placeholders(text: str) -> None:
    errors = placeholder_errors(text)
    if errors:
        raise ValidationError(errors, code="narrative_invalid")


def format_used(text: str, key: str) -> str | None:
    """The format the text first words `key` in (None when it names it plainly or not at all)."""
    for match in PLACEHOLDER.finditer(text):
        if match.group(1) == key and match.group(2):
            return match.group(2)
    return None


def used_keys(text: str) -> list[str]:
    """The figure keys `text` refers to, in order of first use."""
    found = [m.group(1) for m in PLACEHOLDER.finditer(text)]
    return [k for k in dict.fromkeys(found) if k not in WORDS]


@dataclass(frozen=True)
class Segment:
    """A run of text; for a figure, its key, its exact value and the previous year's (同比)."""

    text: str
    key: str | None = None
    value: Any = None
    previous: Any = None
    previous_text: str = ""

    @property
    def has_comparison(self) -> bool:
        return self.key is not None and _has_data(self.value) and _has_data(self.previous)


def _has_data(value: Any) -> bool:
    return value not in (None, 0, 0.0, [], "")


@dataclass
class Block:
    kind: str  # "title", "h1", "h2" or "p"
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


def render_segments(text: str, values: dict[str, Any], words: dict[str, str], previous: dict[str, Any]):
    """`text` cut into plain runs and figure runs, each figure worded by its format."""
    segments: list[Segment] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            segments.append(Segment(text[position : match.start()]))
        key, fmt = match.group(1), match.group(2)
        if key in words:
            segments.append(Segment(words[key]))
        else:
            value, before = values[key], previous.get(key)
            worded = format_for(fmt) or plain
            segments.append(
                Segment(
                    worded(value),
                    key=key,
                    value=value,
                    previous=before,
                    previous_text=worded(before) if key in previous else "",
                )
            )
        position = match.end()
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def block_kind(line: str) -> str:
    if HEADING_1.match(line):
        return "h1"
    if HEADING_2.match(line):
        return "h2"
    return "p"


def parse_blocks(
    body: str, values: dict[str, Any], words: dict[str, str], previous: dict[str, Any] | None = None
) -> list[Block]:
    """The body's paragraphs and headings, with their placeholders rendered."""
    blocks = []
    for raw in body.splitlines():
        line = raw.strip()
        if line:
            blocks.append(Block(block_kind(line), render_segments(line, values, words, previous or {})))
    return blocks
