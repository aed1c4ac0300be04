"""``winstreak bench memory``: what grows in the bot's memory, by tracemalloc snapshots diffed over a load loop.

The bot runs **in this process** (the same services as ``winstreak run``: aiohttp webhook, aiogram dispatcher,
the Conversation, the database), fed by the load bench's stand-in and people (:mod:`winstreak.bench.load_traffic`).
tracemalloc starts once the bot is ready and takes a snapshot there, another after a warm-up loop (first
use of lazily built parts, caches filled, pools opened) and a third after the measured loop; the allocations
that grew most in each span are printed with their call stacks, beside the process's RSS at each point.
Growth that scales with the updates handled is what to bound; a one-off filling (or a bounded cache, such
as aiogram's ``lru_cache`` of the last 128 ``Update.event_type`` lookups, which keeps those 128 updates
alive) shows up in the warm-up span and stops there.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import signal
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import aiohttp

from winstreak.bench.load import KINDS, TOKEN, bot_env, free_port, rss_mb
from winstreak.bench.load_media import Media, add_product, make_media
from winstreak.bench.load_standin import LoadStandIn
from winstreak.bench.load_traffic import Newcomers, drive


async def _ready(url: str, api: LoadStandIn, service: asyncio.Task[None]) -> None:
    deadline = time.monotonic() + 120
    async with aiohttp.ClientSession() as client:
        while time.monotonic() < deadline:
            if service.done():
                service.result()  # raises the bot's start-up error
                raise RuntimeError("the bot stopped during start-up")
            try:
                async with client.get(url) as response:
                    if response.status == 200 and api.webhook is not None:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the bot did not become ready in 120 s")


def _grown(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot, top: int) -> tuple[float, list[dict[str, Any]]]:
    """KiB grown in all, and the ``top`` stacks that grew most."""
    ignore = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib.*")]
    stats = after.filter_traces(ignore).compare_to(before.filter_traces(ignore), "traceback")
    total = round(sum(s.size_diff for s in stats) / 1024, 1)
    rows = []
    for stat in sorted(stats, key=lambda s: s.size_diff, reverse=True)[:top]:
        frames = [f"{f.filename.split('site-packages/')[-1]}:{f.lineno}" for f in stat.traceback]
        rows.append({"kib": round(stat.size_diff / 1024, 1), "blocks": stat.count_diff, "stack": frames[-6:]})
    return total, rows


async def run_memory(
    users: int,
    warm_seconds: float,
    seconds: float,
    db: str | None,
    media: bool,
    top: int = 12,
    rounds: int | None = None,
) -> dict[str, Any]:
    """Warm up, snapshot, run, snapshot; the allocations that grew most, and RSS, as figures.

    With ``rounds``, people leave after that many meals and newcomers take their places (``Newcomers``): what
    grows with the number of people the bot has seen, not with their meals, shows up.
    """
    from winstreak.cli_run import run_services, services
    from winstreak.settings import load_settings

    work = Path(tempfile.mkdtemp(prefix="winstreak-memory-"))
    database = db or f"sqlite+aiosqlite:///{work / 'memory.db'}"
    notes: Media | None = await asyncio.to_thread(make_media) if media else None
    first = 10**9 + (int(time.time()) % 10**6) * 1000
    people = [first + n for n in range(users)]
    ids = itertools.count(first + users)
    newcomers = Newcomers(rounds, lambda: next(ids)) if rounds else None
    api = await LoadStandIn(TOKEN).start()
    port = free_port()
    saved, env = dict(os.environ), bot_env(api, database, work, port)
    os.environ.clear()
    os.environ.update(env)
    try:
        settings = load_settings()
        service = asyncio.create_task(run_services(settings, services(settings)))
        await _ready(f"http://127.0.0.1:{port}/readyz", api, service)
        if notes is not None:
            await add_product(database)
        gc.collect()
        tracemalloc.start(12)
        rss_ready, ready = rss_mb(os.getpid()), tracemalloc.take_snapshot()
        warm = await drive(api, people, warm_seconds, setup=True, media=notes, newcomers=newcomers)
        gc.collect()
        rss_before, before = rss_mb(os.getpid()), tracemalloc.take_snapshot()
        measured = await drive(api, people, seconds, setup=False, media=notes, newcomers=newcomers)
        gc.collect()
        rss_after, after = rss_mb(os.getpid()), tracemalloc.take_snapshot()
        traced_kib = round(tracemalloc.get_traced_memory()[0] / 1024, 1)
        tracemalloc.stop()
        os.kill(os.getpid(), signal.SIGTERM)  # the services' own stop: in-flight updates finish, pools close
        await service
    finally:
        os.environ.clear()
        os.environ.update(saved)
        await api.stop()
    total, grown = _grown(before, after, top)
    warm_total, warm_grown = _grown(ready, before, top)
    return {
        "users": users,
        "rounds_per_person": rounds,
        "people": len(warm.people) + len(measured.people) - users,
        "warm_updates": sum(warm.count(k) for k in KINDS),
        "updates": sum(measured.count(k) for k in KINDS),
        "rss_mb_ready": rss_ready,
        "rss_mb_before": rss_before,
        "rss_mb_after": rss_after,
        "traced_kib_after": traced_kib,
        "warm_grown_kib_total": warm_total,
        "warm_grown": warm_grown,
        "grown_kib_total": total,
        "grown": grown,
        "logs": str(work),
    }
