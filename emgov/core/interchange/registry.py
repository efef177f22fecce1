"""Every ledger by its English id (spec/interchange.md); apps register theirs in AppConfig.ready()."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from emgov.core.interchange.ledger import Ledger

_LEDGERS: dict[str, Ledger] = {}


class UnknownLedger(KeyError):
    pass


def register(*ledgers: Ledger) -> None:
    for ledger in ledgers:
        if ledger.id in _LEDGERS and type(_LEDGERS[ledger.id]) is not type(ledger):
            raise ImproperlyConfigured(f"Ledger {ledger.id} registered twice")
        _LEDGERS[ledger.id] = ledger


def get(ledger_id: str) -> Ledger:
    try:
        return _LEDGERS[ledger_id]
    except KeyError:
        known = "、".join(sorted(_LEDGERS))
        raise UnknownLedger(f"没有名为“{ledger_id}”的台账。可用的台账：{known}") from None


def all_ledgers() -> list[Ledger]:
    return list(_LEDGERS.values())
