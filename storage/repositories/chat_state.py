"""Conversation states in SQL (opaque JSON text), so any replica can continue any chat.

Read and written on every update, so with Core statements: one ``SELECT`` to load, one
``INSERT ... ON CONFLICT DO UPDATE`` to save (no ORM identity map, no read before the write), each its own
transaction (autocommit on PostgreSQL: one round trip, ``storage.engine.single_statements``). A load that
meets a dead pooled connection is retried on a fresh one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.engine import on_live_connection, single_statements
from storage.models import ChatStateRow


def _upsert(dialect: str) -> Any:
    """The dialect's ``INSERT`` (it has ``on_conflict_do_update``); PostgreSQL's imported only when used."""
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(ChatStateRow)
    return sqlite.insert(ChatStateRow)


class SqlStateStore:
    """Implements ``bots.common.state.StateStore`` over the ``chat_states`` table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._engine = single_statements(sessions)
        self._upsert = _upsert(self._engine.dialect.name)

    async def load(self, key: str) -> str | None:
        """The stored JSON for a key, or None."""
        return await on_live_connection(lambda: self._load(key))

    async def _load(self, key: str) -> str | None:
        async with self._engine.begin() as conn:
            data = await conn.scalar(select(ChatStateRow.data).where(ChatStateRow.key == key))
            return None if data is None else str(data)

    async def save(self, key: str, data: str, now: datetime) -> None:
        """Insert or replace the JSON for a key."""
        statement = self._upsert.values(key=key, data=data, updated_at=now)
        changed = {"data": statement.excluded.data, "updated_at": statement.excluded.updated_at}
        async with self._engine.begin() as conn:
            await conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_=changed))
