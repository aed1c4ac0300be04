"""Use cases: list the outbox messages given up on, and put them back in the queue (``/admin outbox``)."""

from __future__ import annotations

from core.model.admin import FailedMessage
from core.ports import AdminStore, Clock

SHOWN_FAILURES = 20


async def failed_messages(store: AdminStore, limit: int = SHOWN_FAILURES) -> list[FailedMessage]:
    """The most recent failed messages, newest first."""
    return await store.failed_messages(limit)


async def retry_failed(store: AdminStore, clock: Clock) -> int:
    """Every failed message becomes pending again, due now; returns how many."""
    return await store.retry_failed(clock.now())
