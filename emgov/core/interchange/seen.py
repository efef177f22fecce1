"""The keys a file has shown so far, each with the row that had it first: to refuse a duplicate row.

Held in memory while a file is planned at once; when a file is streamed, each chunk's keys go on to a
private temporary SQLite database (on disk beyond a small cache), so that a file of any length is
checked in bounded memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

BATCH = 500


def _text(key: Any) -> str:
    return key if isinstance(key, str) else repr(key)


class SeenKeys:
    def __init__(self) -> None:
        self._recent: dict[str, int] = {}
        self._earlier: dict[str, int] = {}
        self._db: sqlite3.Connection | None = None

    def __contains__(self, key: Any) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: Any) -> int:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __setitem__(self, key: Any, row: int) -> None:
        self._recent[_text(key)] = row

    def get(self, key: Any) -> int | None:
        text = _text(key)
        found = self._recent.get(text)
        return found if found is not None else self._earlier.get(text)

    def load(self, keys: Iterable[Any]) -> None:
        """Before a chunk is planned: read the rows that had these keys in the chunks before it."""
        self._earlier = {}
        if self._db is None:
            return
        wanted = list({_text(k) for k in keys})
        for start in range(0, len(wanted), BATCH):
            part = wanted[start : start + BATCH]
            marks = ",".join("?" * len(part))
            self._earlier.update(self._db.execute(f"SELECT key, row FROM seen WHERE key IN ({marks})", part))

    def flush(self) -> None:
        """After a chunk is planned: move its keys out of memory."""
        if not self._recent:
            return
        if self._db is None:
            self._db = sqlite3.connect("")  # private, temporary, deleted when closed
            self._db.execute("PRAGMA cache_size = -8000")
            self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, row INTEGER) WITHOUT ROWID")
        self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", self._recent.items())
        self._recent = {}
        self._earlier = {}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
