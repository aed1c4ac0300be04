"""Conversation states in SQL (opaque JSON text), so any replica can continue any chat.

Read and written on every update, so with Core statements built once: one ``SELECT`` to load, one
``INSERT ... ON CONFLICT DO UPDATE`` to save (no ORM identity map, no read before the write), each its own
transaction (autocommit on PostgreSQL: one round trip, ``storage.engine.single_statements``), run in one
greenlet (``storage.engine.run_single``). A load that meets a dead pooled connection is retried on a fresh one.

Within the handling of one Telegram update (``update_reads.shared``) the state is read once: the update's claim
may have read it in the same round trip (``storage.chat.updates``, PostgreSQL), a second load (the button's
"is this press current" check, then the conversation) is answered from memory, and a save remembers what it
wrote. A save of exactly the state read (or written) in this update is not sent: most presses of a stale button
and ``/today`` change nothing in the conversation (one round trip fewer each; the row is the same, and its
``updated_at`` is read by nothing). Outside that scope (Discord, the terminal, the scheduler) every load reads
the table and every save writes it.

The upsert is a ``text()`` statement with typed parameters, not the dialects' ``insert().on_conflict_do_update()``:
SQLAlchemy 2.0 cannot cache those constructs (their cache key is ``None``), so they were compiled again on every
save. The same SQL runs on SQLite (3.24+) and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.engine import on_live_connection, run_single, single_statements
from storage.models import ChatStateRow
from storage.repositories import update_reads
from storage.types import UtcDateTime

_MEMO = "chat_state"  # update_reads key prefix: (_MEMO, key) -> _Read

_SAVE = text(
    "INSERT INTO chat_states (key, data, updated_at) VALUES (:key, :data, :updated_at) "
    "ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at"
).bindparams(bindparam("updated_at", type_=UtcDateTime()))


@dataclass(frozen=True, slots=True)
class _Read:
    """A state read in this update (``data`` None: no row, which is remembered too)."""

    data: str | None


def remember(key: str, data: str | None) -> None:
    """Remember the state of ``key`` as read (or written) now, for the rest of the current update."""
    update_reads.remember((_MEMO, key), _Read(data))


def prefetch_statement(key_param: str) -> Select[tuple[str]]:
    """The state load as a ``SELECT`` another statement's CTE can run with (``key_param`` binds the key)."""
    return select(ChatStateRow.data).where(ChatStateRow.key == bindparam(key_param))


_LOAD = prefetch_statement("key")


class SqlStateStore:
    """Implements ``bots.common.state.StateStore`` over the ``chat_states`` table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._engine = single_statements(sessions)

    async def load(self, key: str) -> str | None:
        """The stored JSON for a key, or None (read once per update, see the module's text)."""
        known = update_reads.recall((_MEMO, key))
        if isinstance(known, _Read):
            return known.data
        data = await on_live_connection(lambda: self._load(key))
        remember(key, data)
        return data

    async def _load(self, key: str) -> str | None:
        data = await run_single(self._engine, lambda conn: conn.scalar(_LOAD, {"key": key}))
        return None if data is None else str(data)

    async def save(self, key: str, data: str, now: datetime) -> None:
        """Insert or replace the JSON for a key (nothing to do when it holds ``data`` already, see above)."""
        known = update_reads.recall((_MEMO, key))
        if isinstance(known, _Read) and known.data == data:
            return
        params = {"key": key, "data": data, "updated_at": now}
        await run_single(self._engine, lambda conn: conn.execute(_SAVE, params))
        remember(key, data)
