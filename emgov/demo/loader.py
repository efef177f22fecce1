"""Loading the demo's tables through the ledger engine: the path every user's import takes."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from emgov.core.interchange import registry
from emgov.demo.base import VIA

Progress = Callable[[str], None]


class DemoDataError(RuntimeError):
    """A table of the demo broke a rule of its ledger: a bug in the demo, reported with the ledger's words."""


def load(ledger_id: str, header: Sequence[str], rows: list[list[object]], progress: Progress) -> None:
    ledger = registry.get(ledger_id)
    started = time.perf_counter()
    result = ledger.load_rows([list(header), *rows], actor=None, via=VIA)
    if not result.ok:
        first = "；".join(str(e) for e in result.errors[:5])
        raise DemoDataError(
            f"演示数据“{ledger.title}”（{ledger_id}）未能导入，共{len(result.errors)}处错误：{first}"
        )
    if result.warnings:
        raise DemoDataError(f"演示数据“{ledger.title}”（{ledger_id}）有警告：{'；'.join(result.warnings)}")
    seconds = time.perf_counter() - started
    progress(f"  {ledger.title}（{ledger_id}）：{result.created:,} 条，{seconds:.1f} 秒")
