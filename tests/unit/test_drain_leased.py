"""The leased drain use case with an in-memory outbox and leases (fakes of our own ports)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from core.model.outbox import Delivery, DeliveryStatus, NewMessage, OutboxMessage
from core.services.drain_leased import drain_leased, drain_platform
from tests.fakes.memory import FixedClock

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class MemoryOutbox:
    def __init__(self, messages: list[OutboxMessage]) -> None:
        self.waiting = list(messages)
        self.claims: list[tuple[str, ...] | None] = []
        self.sent: list[int] = []

    async def enqueue(self, messages: Sequence[NewMessage]) -> int:
        raise AssertionError("not used")

    async def claim(
        self, worker: str, now: datetime, limit: int, platforms: Sequence[str] | None = None
    ) -> list[OutboxMessage]:
        self.claims.append(tuple(platforms) if platforms is not None else None)
        mine = [m for m in self.waiting if platforms is None or m.platform in platforms][:limit]
        self.waiting = [m for m in self.waiting if m not in mine]
        return mine

    async def mark_sent(self, message_id: int, worker: str, now: datetime) -> None:
        self.sent.append(message_id)

    async def mark_retry(self, message_id: int, worker: str, not_before: datetime, error: str) -> None:
        raise AssertionError("not used")

    async def mark_failed(self, message_id: int, worker: str, error: str) -> None:
        raise AssertionError("not used")


class MemoryLease:
    def __init__(self, owner: MemoryLeases, platform: str) -> None:
        self.owner, self.platform = owner, platform

    async def alive(self) -> bool:
        self.owner.checks += 1
        return self.owner.checks <= self.owner.alive_checks

    async def release(self) -> None:
        self.owner.held.remove(self.platform)


class MemoryLeases:
    """Leases held elsewhere (``busy``), and a session that dies after ``alive_checks`` checks."""

    def __init__(self, busy: set[str] | None = None, alive_checks: int = 1000) -> None:
        self.busy, self.held = busy or set(), set[str]()
        self.alive_checks, self.checks = alive_checks, 0

    async def acquire(self, platform: str) -> MemoryLease | None:
        if platform in self.busy or platform in self.held:
            return None
        self.held.add(platform)
        return MemoryLease(self, platform)


class Sent:
    def __init__(self, fail_on: int | None = None) -> None:
        self.fail_on = fail_on

    async def deliver(self, message: OutboxMessage) -> Delivery:
        if message.id == self.fail_on:
            raise RuntimeError("transport bug")
        return Delivery(DeliveryStatus.SENT)


def messages(platform: str, ids: range) -> list[OutboxMessage]:
    return [OutboxMessage(n, f"k{n}", "reminder", platform, str(n), "en") for n in ids]


async def test_a_platform_whose_lease_is_held_elsewhere_is_left_alone() -> None:
    outbox = MemoryOutbox(messages("telegram", range(1, 6)) + messages("discord", range(6, 9)))
    leases = MemoryLeases(busy={"telegram"})
    transports = {"telegram": Sent(), "discord": Sent()}
    outcomes = await drain_leased(outbox, leases, transports, FixedClock(NOW), "w", batch=2)
    assert outcomes == {"sent": 3} and sorted(outbox.sent) == [6, 7, 8]
    assert set(outbox.claims) == {("discord",)}  # never claimed a message of the busy platform
    assert leases.held == set()  # released


async def test_the_holder_stops_after_the_batch_in_which_its_lease_died() -> None:
    outbox = MemoryOutbox(messages("telegram", range(1, 11)))
    leases = MemoryLeases(alive_checks=1)  # alive after the first batch, gone after the second
    outcomes = await drain_platform(outbox, leases, "telegram", Sent(), FixedClock(NOW), "w", batch=3)
    assert outcomes == {"sent": 6} and len(outbox.waiting) == 4 and leases.held == set()


async def test_the_lease_is_released_when_delivery_breaks() -> None:
    outbox = MemoryOutbox(messages("telegram", range(1, 4)))
    leases = MemoryLeases()
    with pytest.raises(RuntimeError):
        await drain_platform(outbox, leases, "telegram", Sent(fail_on=2), FixedClock(NOW), "w")
    assert leases.held == set() and await leases.acquire("telegram") is not None
