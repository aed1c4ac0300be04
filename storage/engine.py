"""Creating the async engine and session factory from a database URL.

SQLite: WAL, foreign keys, a 30 s busy timeout on every connection, and every transaction opened with
``BEGIN IMMEDIATE``. A deferred ``BEGIN`` that reads and then writes fails at once with "database is locked"
when another connection (task or process) committed in between (WAL snapshot conflict: waiting cannot help);
taking the write lock at ``BEGIN`` makes writers queue on the busy timeout instead. The price: code must not
open a second transaction while holding one (it would wait for itself); read first, then write.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

BUSY_TIMEOUT_S = 30


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An engine for SQLite (aiosqlite) or PostgreSQL (asyncpg); SQLite: see the module docstring."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_S})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # The driver's own implicit BEGIN breaks SAVEPOINTs; SQLAlchemy emits BEGIN itself (below).
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock now, waiting up to the busy timeout

        return engine
    return create_async_engine(url, echo=echo, pool_pre_ping=True)


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit (rows become dataclasses right away anyway)."""
    return async_sessionmaker(engine, expire_on_commit=False)
