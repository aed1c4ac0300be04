"""One ``INSERT … SELECT`` queueing a broadcast for every active, unblocked user identity on given platforms.

Each row's dedup key is ``broadcast:<id>:<user>:<platform>:<external id>``; confirming twice adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, cast, func, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from core.model.admin import BroadcastOutcome
from storage.models import IdentityRow, UserRow
from storage.outbox.audience import COLUMNS, to_audience, user_messages
from storage.outbox.repository import insert_ignoring_duplicates
from storage.outbox.tables import OutboxRow


def _rows(broadcast_id: str, text: str, platforms: Sequence[str], now: datetime) -> Select[Any]:
    key = (
        literal(f"broadcast:{broadcast_id}:")
        + cast(UserRow.id, String)
        + literal(":")
        + IdentityRow.platform
        + literal(":")
        + IdentityRow.external_id
    )
    return user_messages("broadcast", key, now, platforms, json.dumps({"text": text}))


async def count_recipients(conn: AsyncConnection, platforms: Sequence[str]) -> int:
    """How many identities a broadcast would be queued for right now."""
    if not platforms:
        return 0
    query = to_audience(select(func.count()), platforms)
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
