"""The prize draw: anyone can replay it from the published seed and entrant list.

The algorithm, as published on the draw's page: entrants are the participants whose best score
reaches the competition's qualifying score, numbered 1…n in the order they registered. For the k-th
prize (k = 0, 1, …) compute SHA-256 of the text "<seed>:<k>", read the hexadecimal digest as an
integer h, and take the entrant at position h mod m of those not yet drawn (m of them, in order).
"""

from __future__ import annotations

import hashlib
import secrets
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.outreach.models import Competition, Draw, Participant, Prize, PrizeKind
from emgov.outreach.rules import masked_name, masked_phone


def replay(seed: str, entrants: list[int], count: int) -> list[int]:
    """The winners (entrant ids in prize order) that `seed` draws from `entrants`."""
    remaining = list(entrants)
    winners = []
    for k in range(min(count, len(remaining))):
        h = int(hashlib.sha256(f"{seed}:{k}".encode()).hexdigest(), 16)
        winners.append(remaining.pop(h % len(remaining)))
    return winners


def qualifying(competition: Competition):
    return Participant.objects.filter(
        competition=competition, best_seconds__isnull=False, best_score__gte=competition.qualifying_score
    ).order_by("pk")


def prize_plan(red_packets: int, red_packet_yuan: Decimal, credits: int, credit_yuan: Decimal) -> list[dict]:
    plan = [{"kind": PrizeKind.RED_PACKET.value, "amount": str(red_packet_yuan)}] * red_packets
    return plan + [{"kind": PrizeKind.PHONE_CREDIT.value, "amount": str(credit_yuan)}] * credits


def draw_take(
    competition: Competition,
    *,
    actor: User | None,
    via: str,
    plan: list[dict],
    seed: str = "",
    **data,
) -> Competition:
    """Record the entrants and the seed, draw the winners and create their prizes (待发放)."""
    entrants = list(qualifying(competition).select_related("town"))
    if not entrants:
        raise ValidationError({"red_packets": _("没有达到最低得分的参赛者，不能抽奖")}, code="no_entrants")
    if not plan:
        raise ValidationError({"red_packets": _("请至少设置一个奖项")}, code="no_prizes")
    seed = seed.strip() or secrets.token_hex(16)
    published = [
        [p.pk, masked_name(p.name), masked_phone(p.phone), p.town.name if p.town else ""] for p in entrants
    ]
    winners = replay(seed, [p.pk for p in entrants], len(plan))
    draw = services.record_create(
        Draw(
            competition=competition,
            seed=seed,
            entrants=published,
            winners=winners,
            plan=plan,
            drawn_at=timezone.now(),
        ),
        actor=actor,
        via=via,
    )
    for rank, (winner, prize) in enumerate(zip(winners, plan, strict=False), start=1):
        services.record_create(
            Prize(
                draw=draw,
                participant_id=winner,
                rank=rank,
                kind=prize["kind"],
                amount=Decimal(prize["amount"]),
            ),
            actor=actor,
            via=via,
        )
    return competition


def prize_deliver(
    prize: Prize, *, actor: User | None, via: str, delivered_on, note: str = "", **data
) -> dict:
    return {"status": "已发放", "delivered_on": delivered_on, "note": note}


def prize_fail(prize: Prize, *, actor: User | None, via: str, note: str, **data) -> dict:
    return {"status": "发放失败", "note": note}
