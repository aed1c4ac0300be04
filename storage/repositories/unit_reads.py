"""Reads a unit of work makes before it writes: on PostgreSQL outside its transaction, in one round trip.

Under READ COMMITTED — PostgreSQL's default, the level the bot runs at — every statement sees what was committed
when it started, inside a transaction or not. So a read made before the unit's first write sees the same rows
autocommitted: one round trip on a pooled connection, in one greenlet (``storage.engine.run_single``), instead of
``BEGIN``, the read and ``ROLLBACK`` through the ORM session (the user by identity, a day's meals, the trophies
held: read-only units of work on every update, docs/load.md, issue 16 session 22). A read that meets a dead
pooled connection is retried on a fresh one, as the session's first statement was.

Through the session instead, so that its own uncommitted rows are seen and nothing changes for it: once the
session holds a transaction (it wrote, flushed, or was begun by its caller) or has objects waiting to be
flushed; on SQLite (a transaction there reads one snapshot taken at ``BEGIN IMMEDIATE``); at any other isolation
level; for a session bound to a connection rather than an engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.engine import READS_KEY, on_live_connection, run_single


async def read_rows(session: AsyncSession, statement: Executable, params: Mapping[str, Any]) -> Sequence[Row[Any]]:
    """The rows of a Core ``SELECT``: outside the unit's transaction when nothing was written in it yet."""
    single = outside_transaction(session)
    if single is None:
        return (await session.execute(statement, params)).all()
    return await on_live_connection(lambda: run_single(single, lambda conn: conn.execute(statement, params).all()))


def outside_transaction(session: AsyncSession) -> AsyncEngine | None:
    """The autocommit engine to read on, or None when the read must go through the session.

    ``storage.repositories.meals`` also sends a Save's one-statement write on it (its unit's first and only write).
    """
    single = session.info.get(READS_KEY)
    if not isinstance(single, AsyncEngine) or not isinstance(session.bind, AsyncEngine):
        return None
    if session.in_transaction() or session.new or session.dirty or session.deleted:
        return None
    if getattr(session.bind.dialect, "default_isolation_level", None) != "READ COMMITTED":  # unset before connecting
        return None
    if session.bind.get_execution_options().get("isolation_level") is not None:
        return None
    return single
