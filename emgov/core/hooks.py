"""Extension points: a lower app calls what a higher app provides, without importing it.

A `Hook` is provided once, by the app that owns the work, in its `AppConfig.ready`; the apps that
need the work call the hook. `publish_decision` is how a penalty or licensing decision is published
(双公示): the publicity app provides it, cases and licensing call it from their steps. A `Registry` has
many providers: `recompute_due_dates` is provided by every app that stores a due date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Hook:
    def __init__(self, name: str) -> None:
        self.name = name
        self._provider: Callable[..., Any] | None = None

    def provide(self, provider: Callable[..., Any]) -> None:
        self._provider = provider

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._provider is None:
            raise RuntimeError(f"hook {self.name} has no provider (is its app installed?)")
        return self._provider(*args, **kwargs)


# publish_decision(*, actor, case, on, via) -> Publication: 公示 a penalty or licensing decision.
publish_decision = Hook("publish_decision")
# withdraw_decision(*, actor, case, reason, on, via) -> Publication: 撤销公示 of a published decision.
withdraw_decision = Hook("withdraw_decision")


class Registry:
    """Many providers: every app that keeps something derived from core data registers a function in
    its `AppConfig.ready`; core calls them all, in the order registered, and collects their answers."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._providers: list[Callable[..., Any]] = []

    def register(self, provider: Callable[..., Any]) -> None:
        if provider not in self._providers:
            self._providers.append(provider)

    def __call__(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [provider(*args, **kwargs) for provider in self._providers]


# recompute_due_dates(*, actor, dates, reason, via) -> int: each app that STORES a due date counted on
# the working-day calendar recomputes the live records whose period may include one of `dates` (the
# days whose 节假日调整 changed), writes each changed one through `record_update` with `reason`, and
# answers how many it changed. Called by `core.services` in the holiday change's own transaction.
recompute_due_dates = Registry("recompute_due_dates")
