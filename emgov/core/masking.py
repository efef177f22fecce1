"""Personal data on public pages and in the 双公示 exports: the one place where it is masked.

`mask_personal` hides, in free text, resident ID numbers (18 or 15 characters, also written in groups
with spaces or dashes) and telephone numbers (mobiles with or without +86, landlines with their area
code in brackets or before a dash or space, e.g. (0757)86281234); `mask_person_name` shows a natural
person's name with the surname kept (张*, 欧阳**), as the bureau's 双公示 pages do.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy

# What a page shows instead of a value its reader may not see.
HIDDEN = gettext_lazy("（仅办理人员可见）")

_SEP = r"[ \-－\u00a0]?"
_BEFORE = r"(?<![0-9A-Za-z])"
_AFTER = r"(?![0-9A-Za-z])"
# 18 characters (17 digits and a digit or X) or the old 15 digits, in groups or not.
_ID_NUMBER = re.compile(rf"{_BEFORE}(?:\d(?:{_SEP}\d){{16}}{_SEP}[\dXx]|\d(?:{_SEP}\d){{14}}){_AFTER}")
_COUNTRY = r"(?:(?:\+|＋|00)?86|[(（](?:\+|＋)?86[)）])"
_MOBILE = rf"(?:{_COUNTRY}{_SEP})?1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}"
_AREA = r"(?:[(（]0\d{2,3}[)）]|0\d{2,3})"
_LANDLINE = rf"(?:{_COUNTRY}{_SEP})?{_AREA}{_SEP}\d{{3,4}}{_SEP}\d{{4}}(?:(?:转|-|ext\.?)\d{{1,5}})?"
# Dialled from abroad, a landline's area code drops its 0: +86 757 86281234.
_ABROAD = rf"{_COUNTRY}{_SEP}[1-9]\d{{1,2}}{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
_PHONE = re.compile(rf"(?<![0-9A-Za-z+＋])(?:{_MOBILE}|{_LANDLINE}|{_ABROAD}){_AFTER}")


def _stars(match: re.Match[str]) -> str:
    return "*" * len(match.group(0))


def mask_person_name(name: str) -> str:
    """A natural person's name as published: the surname kept, every other character replaced by *.

    Two-character surnames (欧阳, 司马, …) keep both characters when the name is longer than three.
    """
    name = (name or "").strip()
    if not name:
        return ""
    keep = 2 if len(name) >= 4 else 1
    return name[:keep] + "*" * (len(name) - keep)


def mask_personal(text: str, *, person_name: str = "") -> str:
    """Free text fit to publish: ID and telephone numbers replaced by *, a natural person's name masked."""
    text = _ID_NUMBER.sub(_stars, text or "")
    text = _PHONE.sub(_stars, text)
    name = (person_name or "").strip()
    if name:
        text = text.replace(name, mask_person_name(name))
    return text
