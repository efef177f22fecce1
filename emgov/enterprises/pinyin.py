"""Pinyin initials of enterprise names, for finding an enterprise as one types (桂城五金 → gcwj)."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

INITIALS_MAX = 100


def name_initials(name: str) -> str:
    """The first letter of each character's pinyin, lower case; Latin letters and digits are kept."""
    letters = lazy_pinyin(name or "", style=Style.FIRST_LETTER, errors=lambda s: list(s))
    return "".join(ch.lower() for ch in letters if ch.isascii() and ch.isalnum())[:INITIALS_MAX]
