"""What bot operators see: service figures, one user's summary, failed outbox messages, a broadcast's outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.model.ids import UserId


@dataclass(frozen=True, slots=True)
class AdminStats:
    """Service figures at one moment; "today" is the current UTC day, windows end now."""

    users_total: int
    users_reachable: int
    users_onboarded: int
    users_blocked: int
    users_logging_7d: int
    meals_today: int
    meals_7d: int
    groups_active: int
    outbox_pending: int
    outbox_failed: int
    outbox_sent_24h: int


@dataclass(frozen=True, slots=True)
class UserSummary:
    """Non-sensitive facts about one user (no weight, meals' contents, nor targets)."""

    user_id: UserId
    platforms: tuple[str, ...]
    created_at: datetime
    reachable: bool
    blocked: bool
    onboarded: bool
    language: str
    meals: int


@dataclass(frozen=True, slots=True)
class FailedMessage:
    """An outbox message given up on, with the transport's reason."""

    id: int
    kind: str
    platform: str
    attempts: int
    error: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BroadcastOutcome:
    """How many messages a confirmed broadcast added, and how many recipients already had theirs."""

    queued: int
    recipients: int

    @property
    def already_queued(self) -> int:
        """Recipients whose message had been queued by an earlier confirmation."""
        return max(0, self.recipients - self.queued)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One operator action: who (``platform:id``), when, what (block, unblock, broadcast, quota, retry), on whom."""

    at: datetime
    actor: str
    action: str
    target: UserId | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class QuotaCheck:
    """The answer of an AI quota: whether this call may go ahead, and the day's limit that applied."""

    allowed: bool
    limit: int
