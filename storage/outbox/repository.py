"""The SQL outbox: idempotent enqueue, leased claims (``FOR UPDATE SKIP LOCKED`` on PostgreSQL), outcomes.

A claim marks rows ``sending`` with the worker's name and the time, in its own committed transaction;
a worker that dies leaves its rows to be claimed again once the lease has run out. Every outcome is
only recorded by the worker that still holds the claim.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.model import UserId
from core.model.outbox import NewMessage, OutboxMessage
from storage.dialect_insert import dialect_insert
from storage.outbox.tables import OutboxRow

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


def insert_ignoring_duplicates(dialect: str, table: Any) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` for the engine's dialect."""
    if dialect in ("postgresql", "sqlite"):
        return dialect_insert(dialect, table).on_conflict_do_nothing()
    return insert(table)


def _row(message: NewMessage, now: datetime) -> dict[str, Any]:
    return {
        "dedup_key": message.dedup_key[:160],
        "kind": message.kind,
        "platform": message.platform,
        "chat_id": message.chat_id,
        "user_id": message.user_id,
        "group_id": message.group_id,
        "language": message.language,
        "payload": json.dumps(message.payload),
        "status": PENDING,
        "attempts": 0,
        "not_before": message.not_before,
        "created_at": now,
    }


async def enqueue_in(conn: AsyncConnection, messages: Sequence[NewMessage], now: datetime) -> int:
    """Enqueue inside the caller's transaction (so a state change and its messages commit together)."""
    added = 0
    rows = [_row(m, now) for m in messages]
    for start in range(0, len(rows), 500):
        statement = insert_ignoring_duplicates(conn.dialect.name, OutboxRow).values(rows[start : start + 500])
        added += len((await conn.execute(statement.returning(OutboxRow.id))).all())
    return added


class SqlOutbox:
    """:class:`core.ports.Outbox` over one engine."""

    def __init__(self, engine: AsyncEngine, lease_seconds: float = 120.0) -> None:
        self._engine = engine
        self._lease = timedelta(seconds=lease_seconds)

    async def enqueue(self, messages: Sequence[NewMessage]) -> int:
        """Add messages; those whose dedup key exists are ignored. Returns how many were new."""
        if not messages:
            return 0
        now = min(m.not_before for m in messages)
        async with self._engine.begin() as conn:
            return await enqueue_in(conn, messages, now)

    async def claim(
        self, worker: str, now: datetime, limit: int, platforms: Sequence[str] | None = None
    ) -> list[OutboxMessage]:
        """Lease up to ``limit`` due messages (and expired claims) of ``platforms`` (default: all) to ``worker``."""
        due = (
            select(OutboxRow.id)
            .where(
                or_(
                    and_(OutboxRow.status == PENDING, OutboxRow.not_before <= now),
                    and_(OutboxRow.status == SENDING, OutboxRow.claimed_at < now - self._lease),
                )
            )
            .order_by(OutboxRow.not_before, OutboxRow.id)
            .limit(limit)
        )
        if platforms is not None:
            due = due.where(OutboxRow.platform.in_(list(platforms)))
        if self._engine.dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True)
        statement = (
            update(OutboxRow)
            .where(OutboxRow.id.in_(due.scalar_subquery()))
            .values(status=SENDING, claimed_by=worker, claimed_at=now, attempts=OutboxRow.attempts + 1)
            .returning(OutboxRow)
        )
        async with self._engine.begin() as conn:
            rows = (await conn.execute(statement)).mappings().all()
        messages = [
            OutboxMessage(
                id=row["id"],
                dedup_key=row["dedup_key"],
                kind=row["kind"],
                platform=row["platform"],
                chat_id=row["chat_id"],
                language=row["language"],
                payload=json.loads(row["payload"] or "{}"),
                user_id=UserId(row["user_id"]) if row["user_id"] is not None else None,
                group_id=row["group_id"],
                attempts=row["attempts"],
            )
            for row in rows
        ]
        return sorted(messages, key=lambda m: m.id)

    async def _finish(self, message_id: int, worker: str, **values: Any) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(
                update(OutboxRow)
                .where(OutboxRow.id == message_id, OutboxRow.claimed_by == worker, OutboxRow.status == SENDING)
                .values(**values)
            )

    async def mark_sent(self, message_id: int, worker: str, now: datetime) -> None:
        """Record delivery."""
        await self._finish(message_id, worker, status=SENT, sent_at=now)

    async def mark_retry(self, message_id: int, worker: str, not_before: datetime, error: str) -> None:
        """Put the message back, due again at ``not_before``."""
        await self._finish(
            message_id, worker, status=PENDING, not_before=not_before, claimed_by=None, last_error=error[:500]
        )

    async def mark_failed(self, message_id: int, worker: str, error: str) -> None:
        """Give up on the message (kept, with the reason)."""
        await self._finish(message_id, worker, status=FAILED, last_error=error[:500])

    async def backlog(self) -> int:
        """Messages not delivered yet (pending or being sent)."""
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.status.in_((PENDING, SENDING)))
        async with self._engine.connect() as conn:
            return int((await conn.execute(query)).scalar_one())
