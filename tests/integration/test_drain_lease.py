"""Drain leases on SQLite and PostgreSQL: one sender per platform at a time, a dead holder replaced at once."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.outbox import Delivery, DeliveryStatus, NewMessage, OutboxMessage
from core.rules.game_rules import GameRules
from storage.engine import make_engine
from storage.outbox.lease import drain_leases, lock_key
from storage.outbox.repository import SqlOutbox
from storage.outbox.tables import OutboxRow
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import sql_scheduler_jobs

NOW = datetime(2026, 4, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
async def engines(db_url: str) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    """Two engines on one database, as two processes would have."""
    first, second = make_engine(db_url), make_engine(db_url)
    yield first, second
    await first.dispose()
    await second.dispose()


class Wire:
    """Shared by the transports of all drainers: how many sends of each platform are on the wire at once."""

    def __init__(self) -> None:
        self.in_flight: Counter[str] = Counter()
        self.most: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()


class SlowTransport:
    """A transport that takes a few milliseconds per message and records overlap on the shared wire."""

    def __init__(self, wire: Wire, name: str) -> None:
        self.wire, self.name, self.by_me = wire, name, 0

    async def deliver(self, message: OutboxMessage) -> Delivery:
        self.wire.in_flight[message.platform] += 1
        self.wire.most[message.platform] = max(self.wire.most[message.platform], self.wire.in_flight[message.platform])
        await asyncio.sleep(0.004)
        self.wire.in_flight[message.platform] -= 1
        self.wire.sent[message.dedup_key] += 1
        self.by_me += 1
        return Delivery(DeliveryStatus.SENT)


async def enqueue(engine: AsyncEngine, platform: str, count: int) -> None:
    messages = [NewMessage(f"{platform}:{n}", "broadcast", platform, str(n), "en", NOW, {}) for n in range(count)]
    await SqlOutbox(engine).enqueue(messages)


async def test_one_holder_per_platform_until_released(engines: tuple[AsyncEngine, AsyncEngine]) -> None:
    first, second = (drain_leases(engine) for engine in engines)
    held = await first.acquire("telegram")
    assert held is not None and await held.alive()
    assert await second.acquire("telegram") is None  # another "process"
    assert await first.acquire("telegram") is None  # and another drainer of the same process
    other = await second.acquire("discord")  # platforms are independent
    assert other is not None
    await held.release()
    again = await second.acquire("telegram")
    assert again is not None
    await again.release()
    await other.release()


async def test_two_drainers_never_send_for_one_platform_at_the_same_time(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    await enqueue(engines[0], "telegram", 120)
    await enqueue(engines[0], "discord", 60)
    wire = Wire()
    drainers = []
    for n, engine in enumerate(engines):
        transports = {p: SlowTransport(wire, f"w{n}") for p in ("telegram", "discord")}
        drainers.append(sql_scheduler_jobs(engine, FixedClock(NOW), GameRules(), transports, f"w{n}", batch=10))
    for _ in range(20):  # drain ticks, both processes at once, until nothing is left
        await asyncio.gather(*(d.drain() for d in drainers))
        if len(wire.sent) == 180:
            break
    assert wire.most == {"telegram": 1, "discord": 1}  # never two senders of one platform at once
    assert set(wire.sent.values()) == {1} and len(wire.sent) == 180  # each message once
    async with engines[0].connect() as conn:
        assert set((await conn.execute(select(OutboxRow.status))).scalars()) == {"sent"}


async def hold_in_process(url: str) -> asyncio.subprocess.Process:
    holder = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.integration.lease_holder", url, "telegram", stdout=asyncio.subprocess.PIPE
    )
    assert holder.stdout is not None
    assert await asyncio.wait_for(holder.stdout.readline(), 60) == b"held\n"
    return holder


async def test_a_killed_holder_frees_the_lease_at_once(db_url: str, engines: tuple[AsyncEngine, AsyncEngine]) -> None:
    holder = await hold_in_process(db_url)
    leases = drain_leases(engines[0])
    try:
        assert await leases.acquire("telegram") is None
    finally:
        holder.send_signal(signal.SIGKILL)
        await holder.wait()
    killed = time.monotonic()
    while (lease := await leases.acquire("telegram")) is None:
        assert time.monotonic() - killed < 5, "the dead holder's lease was not freed"
        await asyncio.sleep(0.05)
    await lease.release()


async def test_a_cut_connection_ends_the_lease_and_the_leader_stops(pg_url: str) -> None:
    leader_engine, follower_engine, admin = make_engine(pg_url), make_engine(pg_url), make_engine(pg_url)
    try:
        await enqueue(leader_engine, "telegram", 40)
        wire = Wire()
        leader_transport, follower_transport = SlowTransport(wire, "leader"), SlowTransport(wire, "follower")

        async def cut_after_first(message: OutboxMessage) -> Delivery:
            if leader_transport.by_me == 0:  # the leader's lease session is cut while it sends
                query = (
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = :o"
                )
                async with admin.connect() as conn:
                    await conn.execute(text(query), {"o": lock_key("telegram") & 0xFFFFFFFF})
            return await SlowTransport.deliver(leader_transport, message)

        leader_transport.deliver = cut_after_first  # type: ignore[method-assign]
        clock = FixedClock(NOW)
        rules = GameRules()
        leader = sql_scheduler_jobs(leader_engine, clock, rules, {"telegram": leader_transport}, "leader", batch=10)
        follower = sql_scheduler_jobs(follower_engine, clock, rules, {"telegram": follower_transport}, "follower")
        assert (await leader.drain())["sent"] == 10  # it finished its batch, then saw the lease was gone
        assert (await follower.drain())["sent"] == 30  # the next drain tick of another process takes over
        assert leader_transport.by_me == 10 and set(wire.sent.values()) == {1} and len(wire.sent) == 40
    finally:
        for engine in (leader_engine, follower_engine, admin):
            await engine.dispose()
