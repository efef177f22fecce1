"""Simulated participants of the public competition, for `emgov bench_competition` (asyncio + httpx)."""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import time
from dataclasses import dataclass, field

import httpx

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r"/a/([^/]+)/")


@dataclass
class LoadResult:
    answer_ms: list[float] = field(default_factory=list)
    entry_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def percentile(self, p: int, values: list[float] | None = None) -> float:
        values = sorted(self.answer_ms if values is None else values)
        if not values:
            return 0.0
        return (
            statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]
        )


async def participant(
    client: httpx.AsyncClient, n: int, entry: tuple[str, str], questions: int, think, result
):
    """Enter with an own phone, then answer every question as the page's script does (JSON)."""
    rnd = random.Random(n)
    csrf, town = entry
    await asyncio.sleep(rnd.uniform(0, think[1]))  # they arrive over the first seconds
    started = time.perf_counter()
    entered = await client.post(
        "/public/competitions/bench/",
        data={"csrfmiddlewaretoken": csrf, "name": f"参赛者{n}", "phone": f"139{n:08d}", "town": town},
    )
    result.entry_ms.append((time.perf_counter() - started) * 1000)
    if entered.status_code != 302:
        result.errors.append(f"报名 {entered.status_code}")
        return
    token = TOKEN.search(entered.headers["location"]).group(1)
    for position in range(questions):
        await asyncio.sleep(rnd.uniform(*think))
        started = time.perf_counter()
        answered = await client.post(
            f"/public/competitions/bench/a/{token}/answer/",
            data={"csrfmiddlewaretoken": csrf, "position": position, "choice": rnd.choice("AB")},
            headers={"Accept": "application/json"},
        )
        result.answer_ms.append((time.perf_counter() - started) * 1000)
        if answered.status_code != 200:
            result.errors.append(f"答题 {answered.status_code}")
            return


async def run_load(base_url: str, *, participants: int, questions: int, think) -> LoadResult:
    """All participants share one client (one CSRF cookie, as the check needs no session); each request
    is its own connection, as gunicorn's sync workers close them."""
    result = LoadResult()
    limits = httpx.Limits(max_connections=participants, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        page = await client.get("/public/competitions/bench/")
        entry = (CSRF.search(page.text).group(1), re.search(r'<option value="(\d+)"', page.text).group(1))
        started = time.perf_counter()

        async def one(n: int) -> None:
            try:
                await participant(client, n, entry, questions, think, result)
            except httpx.HTTPError as exc:
                result.errors.append(f"{type(exc).__name__}: {exc}")

        await asyncio.gather(*(one(n) for n in range(participants)))
        result.seconds = time.perf_counter() - started
    return result
