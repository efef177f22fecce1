"""Extension points: a lower app calls what a higher app provides, without importing it.

A `Hook` is provided once, by the app that owns the work, in its `AppConfig.ready`; the apps that
need the work call the hook. `publish_decision` is how a penalty or licensing decision is published
(双公示): the publicity app provides it, cases and licensing call it from their steps.
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
