"""Messages waiting in the outbox, and what happened when one was delivered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from core.model.ids import UserId


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A message to one chat; ``kind`` and ``payload`` say what to render, in ``language``."""

    id: int
    dedup_key: str
    kind: str
    platform: str
    chat_id: str
    language: str
    payload: dict[str, Any] = field(default_factory=dict)
    user_id: UserId | None = None
    group_id: int | None = None
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class NewMessage:
    """A message to enqueue; nothing happens when ``dedup_key`` was enqueued before."""

    dedup_key: str
    kind: str
    platform: str
    chat_id: str
    language: str
    not_before: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    user_id: UserId | None = None
    group_id: int | None = None


class DeliveryStatus(StrEnum):
    """The outcome of one delivery attempt."""

    SENT = "sent"
    RETRY = "retry"
    BLOCKED = "blocked"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Delivery:
    """What a transport reports; ``retry_after`` seconds for RETRY, ``error`` for anything but SENT."""

    status: DeliveryStatus
    retry_after: float = 0.0
    error: str = ""
