"""Deliver what is due in the outbox: claim a batch, hand each message to its platform, record the outcome."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import timedelta

from core.model.outbox import DeliveryStatus, OutboxMessage
from core.ports import Clock, Outbox, Transport

MAX_ATTEMPTS = 6


def backoff_seconds(attempts: int) -> float:
    """Exponential backoff after a failed attempt: 5 s, 10 s, 20 s … capped at 10 minutes."""
    return float(min(600, 5 * 2 ** max(0, attempts - 1)))


async def _deliver_one(
    outbox: Outbox, transports: Mapping[str, Transport], clock: Clock, worker: str, message: OutboxMessage
) -> str:
    transport = transports.get(message.platform)
    if transport is None:
        await outbox.mark_failed(message.id, worker, f"no transport for platform {message.platform!r}")
        return "failed"
    delivery = await transport.deliver(message)
    if delivery.status is DeliveryStatus.SENT:
        await outbox.mark_sent(message.id, worker, clock.now())
    elif delivery.status is DeliveryStatus.RETRY and message.attempts < MAX_ATTEMPTS:
        wait = max(delivery.retry_after, backoff_seconds(message.attempts))
        await outbox.mark_retry(message.id, worker, clock.now() + timedelta(seconds=wait), delivery.error)
    else:
        await outbox.mark_failed(message.id, worker, delivery.error or delivery.status.value)
    return delivery.status.value


async def drain_once(
    outbox: Outbox,
    transports: Mapping[str, Transport],
    clock: Clock,
    worker: str,
    batch: int = 50,
    platforms: Sequence[str] | None = None,
) -> Counter[str]:
    """One pass over up to ``batch`` due messages (of ``platforms``, or all), one at a time, each outcome recorded.

    Sequential on purpose: at any instant at most one message is sent but not yet recorded, so a crash
    can repeat at most that one. The transports' limiters set the pace.
    """
    outcomes: Counter[str] = Counter()
    for message in await outbox.claim(worker, clock.now(), batch, platforms):
        outcomes[await _deliver_one(outbox, transports, clock, worker, message)] += 1
    return outcomes
