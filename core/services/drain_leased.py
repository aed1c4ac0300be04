"""Drain the outbox under a per-platform lease: one sender per platform at a time, across all processes.

A platform's rate limit (Telegram's ~30 messages/s per bot token) is global, while each process paces only
its own sends; so each platform is drained by whoever holds its lease, and the others skip it this tick and
try again at the next one (a dead holder's lease is free at once). The platforms drain side by side.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Mapping

from core.ports import Clock, DrainLeases, Outbox, Transport
from core.services.drain_outbox import drain_once


async def drain_platform(
    outbox: Outbox,
    leases: DrainLeases,
    platform: str,
    transport: Transport,
    clock: Clock,
    worker: str,
    batch: int = 50,
    max_batches: int = 1000,
) -> Counter[str]:
    """Deliver ``platform``'s due messages while holding its lease; nothing when another drainer holds it.

    The lease is checked between batches: a holder whose database session died stops after its batch
    (the row claims keep even that overlap from sending anything twice).
    """
    lease = await leases.acquire(platform)
    total: Counter[str] = Counter()
    if lease is None:
        return total
    try:
        for _ in range(max_batches):
            outcomes = await drain_once(outbox, {platform: transport}, clock, worker, batch, (platform,))
            total.update(outcomes)
            if not outcomes or not await lease.alive():
                break
    finally:
        await lease.release()
    return total


async def drain_leased(
    outbox: Outbox,
    leases: DrainLeases,
    transports: Mapping[str, Transport],
    clock: Clock,
    worker: str,
    batch: int = 50,
    max_batches: int = 1000,
) -> Counter[str]:
    """Every platform with a transport, concurrently, each under its lease; the outcomes added up.

    Messages of a platform without a transport here wait in the outbox for a process that has one.
    """
    runs = [
        drain_platform(outbox, leases, platform, transport, clock, worker, batch, max_batches)
        for platform, transport in sorted(transports.items())
    ]
    total: Counter[str] = Counter()
    for outcomes in await asyncio.gather(*runs):
        total.update(outcomes)
    return total
