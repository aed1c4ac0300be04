"""Ports of bot administration: figures, user moderation, outbox repair and broadcasts (set-based in storage)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from core.model.admin import AdminStats, AuditEntry, BroadcastOutcome, FailedMessage, QuotaCheck, UserSummary
from core.model.ids import UserId


class AdminStore(Protocol):
    """What operators' commands read and change; every method is one short transaction."""

    async def stats(self, now: datetime) -> AdminStats: ...

    async def user_summary(self, user_id: UserId) -> UserSummary | None: ...

    async def set_blocked(self, user_id: UserId, blocked: bool, by: str, now: datetime) -> bool: ...

    async def is_blocked(self, platform: str, external_id: str) -> bool: ...

    async def failed_messages(self, limit: int) -> list[FailedMessage]: ...

    async def retry_failed(self, now: datetime) -> int: ...

    async def broadcast_reach(self, platforms: Sequence[str]) -> int: ...

    async def enqueue_broadcast(
        self, broadcast_id: str, text: str, platforms: Sequence[str], now: datetime
    ) -> BroadcastOutcome: ...


class AuditLog(Protocol):
    """Where operator actions are recorded (who, when, what) and read back newest first."""

    async def record(self, entry: AuditEntry) -> None: ...

    async def latest(self, limit: int) -> list[AuditEntry]: ...


class AiQuotas(Protocol):
    """Per-user AI calls a day: take one call from today's budget, or change a user's limit."""

    async def take(self, user_id: UserId, day: date, default_limit: int) -> QuotaCheck: ...

    async def set_limit(self, user_id: UserId, limit: int | None) -> bool: ...

    async def limit_of(self, user_id: UserId) -> int | None: ...
