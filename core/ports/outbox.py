"""Ports of the outbox: where messages wait, how they are rendered, how they reach a platform."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from core.model import UserId
from core.model.group import ChatGroup
from core.model.notifications import BoardLine, DailyResultData, NotificationPrefs
from core.model.outbox import Delivery, NewMessage, OutboxMessage


class Outbox(Protocol):
    """Durable message queue with per-message leases, so several senders never send one message twice."""

    async def enqueue(self, messages: Sequence[NewMessage]) -> int: ...

    async def claim(
        self, worker: str, now: datetime, limit: int, platforms: Sequence[str] | None = None
    ) -> list[OutboxMessage]: ...

    async def mark_sent(self, message_id: int, worker: str, now: datetime) -> None: ...

    async def mark_retry(self, message_id: int, worker: str, not_before: datetime, error: str) -> None: ...

    async def mark_failed(self, message_id: int, worker: str, error: str) -> None: ...


class Lease(Protocol):
    """A drain lease taken: ours until released, or until the process or its database session dies."""

    async def alive(self) -> bool: ...

    async def release(self) -> None: ...


class DrainLeases(Protocol):
    """One active sender per platform across all processes, so a platform's rate limit holds globally."""

    async def acquire(self, platform: str) -> Lease | None:
        """The platform's lease, or None when another drainer holds it (never waits)."""
        ...


class Transport(Protocol):
    """Delivers one rendered message to a platform chat (rate limits are the transport's business)."""

    async def deliver(self, message: OutboxMessage) -> Delivery: ...


class NotificationContent(Protocol):
    """Loads what a scheduled message reports, at the moment it is rendered."""

    async def daily_result(self, user_id: UserId, day: date) -> DailyResultData | None: ...

    async def group_board(self, group_id: int, day: date) -> list[BoardLine]: ...

    async def league_week(self, group_id: int, week_start: date) -> list[BoardLine]: ...


class NotificationPrefsStore(Protocol):
    """Each user's notification preferences (defaults when never set)."""

    async def get(self, user_id: UserId) -> NotificationPrefs: ...

    async def save(self, user_id: UserId, prefs: NotificationPrefs) -> None: ...


class DueMessages(Protocol):
    """Time-of-day messages that became due, enqueued set-based; and the groups whose league week ended."""

    async def enqueue_due(self, now: datetime, platforms: list[str]) -> int:
        """Daily results, reminders, group posts and Monday summaries due at ``now``; returns how many were new."""
        ...

    async def groups_ending_week(self, now: datetime) -> list[tuple[ChatGroup, date]]:
        """Groups whose league week ended by ``now``, with that week's Monday."""
        ...
