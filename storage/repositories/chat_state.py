"""Conversation states in SQL (opaque JSON text), so any replica can continue any chat.

Read and written on every update, so with Core statements built once: one ``SELECT`` to load, one
``INSERT ... ON CONFLICT DO UPDATE`` to save (no ORM identity map, no read before the write), each its own
transaction (autocommit on PostgreSQL: one round trip, ``storage.engine.single_statements``), run in one
greenlet (``storage.engine.run_single``). A load that meets a dead pooled connection is retried on a fresh one.

The upsert is a ``text()`` statement with typed parameters, not the dialects' ``insert().on_conflict_do_update()``:
SQLAlchemy 2.0 cannot cache those constructs (their cache key is ``None``), so they were compiled again on every
save. The same SQL runs on SQLite (3.24+) and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.engine import on_live_connection, run_single, single_statements
from storage.models import ChatStateRow
from storage.types import UtcDateTime

_LOAD = select(ChatStateRow.data).where(ChatStateRow.key == bindparam("key"))
_SAVE = text(
    "INSERT INTO chat_states (key, data, updated_at) VALUES (:key, :data, :updated_at) "
    "ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at"
).bindparams(bindparam("updated_at", type_=UtcDateTime()))


class SqlStateStore:
    """Implements ``bots.common.state.StateStore`` over the ``chat_states`` table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._engine = single_statements(sessions)

    async def load(self, key: str) -> str | None:
        """The stored JSON for a key, or None."""
        return await on_live_connection(lambda: self._load(key))

    async def _load(self, key: str) -> str | None:
        data = await run_single(self._engine, lambda conn: conn.scalar(_LOAD, {"key": key}))
        return None if data is None else str(data)

    async def save(self, key: str, data: str, now: datetime) -> None:
        """Insert or replace the JSON for a key."""
        params = {"key": key, "data": data, "updated_at": now}
        await run_single(self._engine, lambda conn: conn.execute(_SAVE, params))
