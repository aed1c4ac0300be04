"""One ``INSERT … SELECT`` queueing a broadcast for every active, unblocked user identity on given platforms.

Each row's dedup key is ``broadcast:<id>:<user>:<platform>:<external id>``; confirming twice adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, cast, exists, func, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from core.model.admin import BroadcastOutcome
from storage.admin.tables import UserBlockRow
from storage.models import IdentityRow, UserRow
from storage.outbox.repository import PENDING, insert_ignoring_duplicates
from storage.outbox.tables import OutboxRow
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


def _to_audience(query: Select[Any], platforms: Sequence[str]) -> Select[Any]:
    """``query`` over active, unblocked users' identities on ``platforms`` (shared by count and insert)."""
    blocked = exists().where(UserBlockRow.user_id == UserRow.id)
    return (
        query.select_from(UserRow)
        .join(IdentityRow, IdentityRow.user_id == UserRow.id)
        .where(UserRow.active.is_(True), ~blocked, IdentityRow.platform.in_(list(platforms)))
    )


def _rows(broadcast_id: str, text: str, platforms: Sequence[str], now: datetime) -> Select[Any]:
    key = (
        literal(f"broadcast:{broadcast_id}:")
        + cast(UserRow.id, String)
        + literal(":")
        + IdentityRow.platform
        + literal(":")
        + IdentityRow.external_id
    )
    values = select(
        key,
        literal("broadcast"),
        IdentityRow.platform,
        IdentityRow.external_id,
        UserRow.id,
        UserRow.language,
        literal(json.dumps({"text": text})),
        literal(PENDING),
        literal(0),
        literal(now, UtcDateTime()),
        literal(now, UtcDateTime()),
    )
    return _to_audience(values, platforms)


async def count_recipients(conn: AsyncConnection, platforms: Sequence[str]) -> int:
    """How many identities a broadcast would be queued for right now."""
    if not platforms:
        return 0
    query = _to_audience(select(func.count()), platforms)
    return int((await conn.execute(query)).scalar_one())


async def enqueue_broadcast_in(
    conn: AsyncConnection, broadcast_id: str, text: str, platforms: Sequence[str], now: datetime
) -> BroadcastOutcome:
    """Queue the broadcast inside the caller's transaction; counts new rows and all recipients."""
    if not platforms:
        return BroadcastOutcome(queued=0, recipients=0)
    query = _rows(broadcast_id, text, platforms, now)
    recipients = await count_recipients(conn, platforms)
    statement = insert_ignoring_duplicates(conn.dialect.name, OutboxRow).from_select(COLUMNS, query)
    queued = max((await conn.execute(statement)).rowcount, 0)
    return BroadcastOutcome(queued=queued, recipients=recipients)
