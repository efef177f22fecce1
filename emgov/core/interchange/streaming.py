"""Importing a file a chunk at a time, with memory bounded whatever its size.

The check reads `planning.STREAM_ROWS` rows, plans them, keeps their counts and the first changes to
show, and forgets them; the write does the same inside one transaction, undone whole when any row of
the file is wrong, so that a file is still written whole or not at all.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.display import EMPTY, format_value
from emgov.core.interchange import planning, writing
from emgov.core.interchange.files import FileError
from emgov.core.interchange.results import ImportResult, PlannedRow, RowError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from emgov.core.interchange.ledger import Ledger, Progress
    from emgov.core.models import User

CONCURRENT = gettext_lazy("写入时与其他人同时录入的数据冲突，未写入任何数据，请重新导入")
MAX_PREVIEW_ROWS = 200  # updated rows whose changes the confirmation shows


class _Undo(Exception):
    """Raised inside the write transaction to undo it when the file turned out to have errors."""


def load(
    ledger: Ledger,
    rows: Iterable[list[Any]],
    *,
    actor: User | None,
    via: str,
    dry_run: bool,
    progress: Progress | None,
    estimated: int,
) -> ImportResult:
    result = ImportResult(ledger=ledger.id, dry_run=dry_run)
    step = _("检查") if dry_run else _("导入")

    def on_chunk(last_row: int) -> None:
        if progress:
            progress(step, last_row - 1, max(estimated - 1, last_row - 1))

    try:
        with contextlib.nullcontext() if dry_run else transaction.atomic():
            for chunk in planning.plan_chunks(ledger, rows, result, on_chunk, actor=actor):
                count(ledger, chunk, result)
                if not dry_run and not result.errors:
                    writing.write(ledger, chunk, actor=actor, via=via, progress=None)
            if result.errors and not dry_run:
                raise _Undo
    except _Undo:
        pass
    except FileError as exc:
        result.errors.append(RowError(0, _("文件"), str(exc)))
    except writing.Conflict as conflict:
        result.errors.extend(conflict.errors)
    except IntegrityError:
        result.errors.append(RowError(0, _("文件"), str(CONCURRENT)))
    if result.errors:
        result.errors.sort(key=lambda e: e.row)
        result.created = result.updated = result.unchanged = 0
        result.changes = []
    return result


def count(ledger: Ledger, plan: list[PlannedRow], result: ImportResult) -> None:
    """Add a checked chunk to the counts, and the changes of its first updated rows to the preview."""
    for p in plan:
        if p.is_new:
            result.created += 1
        elif p.changes:
            result.updated += 1
            if len(result.changes) < MAX_PREVIEW_ROWS:
                result.changes.append(row_changes(ledger, p))
        else:
            result.unchanged += 1


def row_changes(ledger: Ledger, planned: PlannedRow) -> dict[str, Any]:
    """What a row will change: {"row", "key", "fields": [[header, old, new], …]} as the page shows it."""
    model = ledger.model
    fields = []
    for name, (old, new) in planned.changes.items():
        field = _field(model, name)
        fields.append([ledger.header_for(name), _shown(model, field, old), _shown(model, field, new)])
    key = "、".join(str(c.export(planned.instance)) for c in ledger.key_columns)
    return {"row": planned.row, "key": key, "fields": fields}


def _field(model: type[models.Model], name: str) -> models.Field | None:
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


def _shown(model: type[models.Model], field: models.Field | None, value: Any) -> str:
    shown = format_value(model, field if field is not None and field.concrete else None, value)
    return EMPTY if shown in (None, "") else str(shown)
