"""Layout rules of GB/T 9704-2012 (党政机关公文格式) shared by the .docx and PDF renderers.

- Title (7.3.1): 2号 characters, centred; a long title turns to the next line where the words allow
  ("回行时要做到词意完整，排列对称"), never inside a word: `title_lines` chooses the breaks.
- Page numbers (7.5): 4号 半角宋体 Arabic digits with a 一字线 on each side ("— 1 —"), below the type
  area; odd pages right with one character's space, even pages left with one character's space.
- Numbers in tables are right-aligned so that their digits line up (`numeric_columns`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# 版心 156 mm wide; a 2号 (22 pt ≈ 7.76 mm) character: 20 characters a line.
TITLE_CHARS_PER_LINE = 20
PAGE_NUMBER_DASH = "—"

# Where a title may turn: before these words …
_BREAK_BEFORE = ("关于", "《", "（")
# … and after these characters (the end of a word or a phrase).
_BREAK_AFTER = "、，）》的和与及年局府委厅院"
# … but never before these (年|度, the closing marks).
_NO_BREAK_BEFORE = "度）》、，。”"
_NUMBER = re.compile(
    r"^[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|‰|元|万元|万|人次|次|家|个|处|宗|件|人)?$"
)


def text_width(text: str) -> float:
    """Width in full-width characters: ASCII letters and digits are half a character."""
    return sum(0.5 if ord(ch) < 128 else 1 for ch in text)


def _break_points(text: str) -> list[int]:
    points = set()
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()) or (
            after in _NO_BREAK_BEFORE
        ):
            continue
        if any(text.startswith(word, i) for word in _BREAK_BEFORE) or before in _BREAK_AFTER:
            points.add(i)
    # Not inside 《…》 where a break outside it exists.
    inside = set()
    depth = 0
    for i, ch in enumerate(text):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(depth - 1, 0)
        elif depth and i:
            inside.add(i)
    outside = points - inside
    return sorted(outside or points)


def title_lines(text: str, limit: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """The title as the lines it is set in: one line when it fits; else broken at word boundaries into
    the fewest lines that fit, as even in length as the boundaries allow. A title with no boundary
    that helps stays one paragraph for the word processor to wrap."""
    text = text.strip()
    if text_width(text) <= limit:
        return [text]
    points = [p for p in _break_points(text) if 0 < p < len(text)]
    best: list[str] | None = None
    for count in (2, 3, 4):
        best = _best_split(text, points, count, limit)
        if best:
            return best
    return [text]


def _best_split(text: str, points: list[int], count: int, limit: int) -> list[str] | None:
    """The split of `text` into `count` lines at `points` with every line within `limit` and the
    longest line shortest (ties: the longer line first, as a 梯形 title is set)."""
    best, best_key = None, None

    def walk(start: int, chosen: list[int]) -> None:
        nonlocal best, best_key
        if len(chosen) == count - 1:
            cuts = [0, *chosen, len(text)]
            lines = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
            widths = [text_width(line) for line in lines]
            if max(widths) <= limit:
                key = (max(widths) - min(widths), -widths[0])
                if best_key is None or key < best_key:
                    best, best_key = lines, key
            return
        for point in points:
            if point > start:
                walk(point, [*chosen, point])

    walk(0, [])
    return best


def is_number(text: str) -> bool:
    """A cell that holds a number (with thousands separators, a sign, a percent or a unit)."""
    return bool(_NUMBER.match(text.strip().replace(" ", "")))


def numeric_columns(rows: Sequence[Sequence[str]]) -> set[int]:
    """The columns whose filled cells are all numbers: set right-aligned."""
    columns: set[int] = set()
    if not rows:
        return columns
    for j in range(max(len(row) for row in rows)):
        cells = [row[j].strip() for row in rows if j < len(row) and row[j].strip() not in ("", "—")]
        if cells and all(is_number(cell) for cell in cells):
            columns.add(j)
    return columns


def page_number_text(number: int | str) -> str:
    return f"{PAGE_NUMBER_DASH} {number} {PAGE_NUMBER_DASH}"
