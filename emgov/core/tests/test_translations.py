"""Every interface string reaches the English catalogue: gettext is imported only under names that
`makemessages` extracts, and no English entry is left empty or fuzzy."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2]
CATALOGUE = SOURCE / "locale" / "en" / "LC_MESSAGES" / "django.po"
# The names xgettext looks for with Django's keywords (makemessages) besides its own defaults.
EXTRACTED = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}


def _aliases() -> list[tuple[str, str]]:
    found = []
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                found += [(str(path.relative_to(SOURCE)), a.asname or a.name) for a in node.names]
    return found


def test_gettext_is_imported_only_under_names_makemessages_extracts():
    hidden = [(path, name) for path, name in _aliases() if "gettext" in name or name.startswith("_")]
    assert [(path, name) for path, name in hidden if name not in EXTRACTED] == []


def _entries() -> list[dict[str, str]]:
    """The catalogue's live entries: flags, msgid and every msgstr joined (the header left out)."""
    entries = []
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        entry: dict[str, str] = {"flags": "", "msgid": "", "msgstr": ""}
        key = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] += line
            elif match := re.match(r'(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line):
                key = "msgid" if match[1].startswith("msgid") else "msgstr"
                entry[key] += match[2] + ("|" if match[1].startswith("msgstr[") else "")
            elif line.startswith('"') and key:
                entry[key] += line[1:-1]
        if entry["msgid"]:
            entries.append(entry)
    return entries


def test_the_catalogue_is_read():
    assert len(_entries()) > 1000


@pytest.mark.parametrize("flag", ["empty", "fuzzy"])
def test_no_english_entry_is_left_empty_or_fuzzy(flag):
    if flag == "fuzzy":
        bad = [e["msgid"] for e in _entries() if "fuzzy" in e["flags"]]
    else:
        bad = [e["msgid"] for e in _entries() if not e["msgstr"].replace("|", "")]
    assert bad == []
