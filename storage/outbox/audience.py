"""The shared base of every ``INSERT … SELECT`` into the outbox addressed to users: one row per identity.

Scheduled messages (:mod:`storage.outbox.due`) and admin broadcasts (:mod:`storage.admin.broadcast`) go to the
same audience — active users not blocked by an operator, through each of their identities on the platforms
that can deliver — with the same outbox columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, literal, select

from storage.admin.tables import UserBlockRow
from storage.models import IdentityRow, UserRow
from storage.outbox.repository import PENDING
from storage.types import UtcDateTime

COLUMNS = [
    "dedup_key",
    "kind",
    "platform",
    "chat_id",
    "user_id",
    "language",
    "payload",
    "status",
    "attempts",
    "not_before",
    "created_at",
]


def to_audience(query: Select[Any], platforms: Sequence[str]) -> Select[Any]:
    """``query`` over active, unblocked users' identities on ``platforms``."""
    blocked = exists().where(UserBlockRow.user_id == UserRow.id)  # an operator blocked them
    return (
        query.select_from(UserRow)
        .join(IdentityRow, IdentityRow.user_id == UserRow.id)
        .where(UserRow.active.is_(True), ~blocked, IdentityRow.platform.in_(list(platforms)))
    )


def user_messages(
    kind: str, key: ColumnElement[str], now: datetime, platforms: Sequence[str], payload: str
) -> Select[Any]:
    """The outbox rows (in :data:`COLUMNS` order) of a message of ``kind`` to every user of the audience, due now."""
    values = select(
        key,
        literal(kind),
        IdentityRow.platform,
        IdentityRow.external_id,
        UserRow.id,
        UserRow.language,
        literal(payload),
        literal(PENDING),
        literal(0),
        literal(now, UtcDateTime()),
        literal(now, UtcDateTime()),
    )
    return to_audience(values, platforms)
