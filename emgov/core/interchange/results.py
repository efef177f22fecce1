"""What an import reports (errors by row and column, counts, warnings), and the plan for one row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

MAX_ERRORS = 10_000  # errors kept for the report; more are counted


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return (
            f"第{self.row}行 {self.column}: {self.message}" if self.row else f"{self.column}: {self.message}"
        )


@dataclass
class ImportResult:
    ledger: str
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    # The first updated rows' changes, for the confirmation (`streaming.row_changes`).
    changes: list[dict[str, Any]] = field(default_factory=list)
    # Errors found beyond MAX_ERRORS, counted but not kept.
    more_errors: int = 0

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.more_errors

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return _("共%(total)s行，发现%(n)s处错误，未写入任何数据。") % {
                "total": self.total,
                "n": self.error_count,
            }
        verb = _("检查通过，可导入") if self.dry_run else _("已导入")
        return _("%(verb)s：共%(total)s行，新增%(c)s条，更新%(u)s条，无变化%(s)s条。") % {
            "verb": verb,
            "total": self.total,
            "c": self.created,
            "u": self.updated,
            "s": self.unchanged,
        }


@dataclass
class PlannedRow:
    row: int
    instance: models.Model
    is_new: bool
    before: dict[str, Any]
    m2m: dict[str, list[models.Model]]
    m2m_before: dict[str, list[models.Model]]
    changes: dict[str, list[Any]] = field(default_factory=dict)


def group_errors(errors: Iterable[RowError]) -> dict[int, list[RowError]]:
    grouped: dict[int, list[RowError]] = defaultdict(list)
    for error in errors:
        grouped[error.row].append(error)
    return grouped
