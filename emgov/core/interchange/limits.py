"""The bounds of an imported file, declared once: a file beyond them is refused before it is read.

Each bound may be changed by a Django setting of the same name (prefixed ``EMGOV_IMPORT_``); the
defaults take a 1,000,000-row ledger and refuse a crafted sheet long before it costs memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class SheetLimits:
    max_rows: int = 1_000_001  # the header and 1,000,000 rows
    max_columns: int = 100  # a ledger has at most a few dozen columns
    max_cells: int = 30_000_000
    # .xlsx: what the archive may hold once unpacked.
    max_expanded_bytes: int = 1_024 * 1_048_576
    max_member_ratio: int = 200  # uncompressed / compressed size of one member of the archive
    max_shared_strings_bytes: int = 128 * 1_048_576

    @classmethod
    def current(cls) -> SheetLimits:
        names = cls.__dataclass_fields__
        return cls(**{n: getattr(settings, f"EMGOV_IMPORT_{n.upper()}") for n in names if _has(n)})


def _has(name: str) -> bool:
    return hasattr(settings, f"EMGOV_IMPORT_{name.upper()}")
