"""Creating the async engine and session factory from a database URL.

SQLite: WAL, foreign keys, a 30 s busy timeout on every connection, and every transaction opened with
``BEGIN IMMEDIATE``. A deferred ``BEGIN`` that reads and then writes fails at once with "database is locked"
when another connection (task or process) committed in between (WAL snapshot conflict: waiting cannot help);
taking the write lock at ``BEGIN`` makes writers queue on the busy timeout instead. The price: code must not
open a second transaction while holding one (it would wait for itself); read first, then write.

PostgreSQL: no ``pool_pre_ping`` (a ``BEGIN; ; ROLLBACK`` round trip before every checkout, about half of the
bot's transactions). A connection is pinged only when it sat unused in the pool for more than ``IDLE_PING_S``
(a quiet bot after a database restart: a dead one is replaced, and with it the whole pool). A connection that
dies while busy fails its statement; SQLAlchemy then invalidates the whole pool, and the callers that must not
fail retry (:func:`on_live_connection`, the update claim; see docs/load.md) or let Telegram redeliver.
The pool keeps up to ``POOL_SIZE`` connections open (SQLAlchemy's default is 5): with more updates in flight
than that, every connection given back beyond it was closed and a new one opened (an asyncpg connect, TLS tried
first, and SQLAlchemy's set-up of it) — a few ms of CPU each, about one every third update under load.

Every ORM session of :func:`make_session_factory` (the unit of work, and all stores that read through a session)
retries its FIRST statement once on a fresh connection when that statement met a dead connection
(``connection_invalidated``) and nothing was written in the session yet: the transaction had done nothing, so
running it again on a new connection is the same transaction. Later statements are not retried (what the
transaction did before is gone with the connection), nor a transaction the caller opened with
``session.begin()`` (it cannot be ended under the caller's context manager), nor Core ``engine.begin()``.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Result
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.util import greenlet_spawn

BUSY_TIMEOUT_S = 30
IDLE_PING_S = 5.0  # a connection unused this long is pinged before use
POOL_SIZE = 20  # PostgreSQL connections kept open (opened only when needed)
MAX_OVERFLOW = 10  # and at most this many more, closed when given back
DEAD_CONNECTION_RETRIES = 2
READS_KEY = "winstreak_autocommit_reads"  # Session.info: the engine a unit of work reads on before it writes
T = TypeVar("T")


def make_engine(
    url: str, *, echo: bool = False, pool_size: int = POOL_SIZE, max_overflow: int = MAX_OVERFLOW
) -> AsyncEngine:
    """An engine for SQLite (aiosqlite) or PostgreSQL (asyncpg, at most ``pool_size + max_overflow`` connections)."""
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
    engine = create_async_engine(url, echo=echo, pool_size=pool_size, max_overflow=max_overflow)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: AsyncEngine) -> None:
    """Ping a pooled connection at checkout only after ``IDLE_PING_S`` unused; a dead one renews the pool."""
    pool = engine.sync_engine.pool

    @event.listens_for(pool, "checkin")
    def _returned(_dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info["returned_at"] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.pop("returned_at", None)
        if returned is None or time.monotonic() - returned < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as err:  # the pool reconnects (all its connections: the server went away)
            raise exc.InvalidatePoolError(f"idle connection dead: {type(err).__name__}") from err


def dead_connection(error: BaseException) -> bool:
    """True when ``error`` came from a pooled connection that turned out dead (SQLAlchemy invalidated it)."""
    return isinstance(error, exc.DBAPIError) and error.connection_invalidated


async def on_live_connection(step: Callable[[], Awaitable[T]]) -> T:
    """Run ``step`` (one whole transaction), again on a fresh connection when its connection was found dead.

    Only for steps that are safe to repeat (a read, or a write whose repeat is recognised: the claim).
    """
    for _ in range(DEAD_CONNECTION_RETRIES):
        try:
            return await step()
        except exc.DBAPIError as err:
            if not dead_connection(err):
                raise
    return await step()


def single_statements(sessions: async_sessionmaker[AsyncSession]) -> AsyncEngine:
    """The sessions' engine for work done in one statement (see :func:`autocommit`)."""
    engine = sessions.kw["bind"]
    if not isinstance(engine, AsyncEngine):
        raise TypeError("sessions not bound to an AsyncEngine")
    return autocommit(engine)


def autocommit(engine: AsyncEngine) -> AsyncEngine:
    """``engine`` for work done in one statement, which is then its own transaction.

    PostgreSQL: autocommit, one round trip (not ``BEGIN``, the statement, ``COMMIT``) and no ORM session;
    use it only where each statement stands alone (an upsert, a compare-and-set ``UPDATE``). SQLite: the
    engine as it is (``BEGIN IMMEDIATE`` ... ``COMMIT``). Use with ``async with engine.begin() as conn``.
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine


async def run_single(engine: AsyncEngine, work: Callable[[Connection], T]) -> T:
    """``work(conn)`` on one pooled connection of ``engine`` (an :func:`autocommit` one), in ONE greenlet.

    ``async with engine.begin()`` and ``await conn.execute()`` enter SQLAlchemy's greenlet three times (checkout,
    statement, check-in): about 0.2 of a 0.5 ms call (docs/load.md, issue 16 session 22). This runs the same
    synchronous SQLAlchemy calls in one ``greenlet_spawn``, the primitive ``AsyncConnection`` and ``AsyncSession``
    are built on. ``work`` must not await. PostgreSQL autocommit: each statement its own transaction; SQLite:
    ``BEGIN IMMEDIATE`` ... ``COMMIT`` around ``work``, as ``engine.begin()``.
    """
    sync_engine = engine.sync_engine

    def run() -> T:
        with sync_engine.begin() as conn:
            return work(conn)

    return await greenlet_spawn(run)


class FirstStatementRetrySession(Session):
    """A session whose first statement in a transaction is retried once when its connection was dead."""


@event.listens_for(FirstStatementRetrySession, "do_orm_execute")
def _retry_first_statement(state: ORMExecuteState) -> Result[Any] | None:
    session = state.session
    if session.in_transaction() or session.new or session.dirty or session.deleted:
        # a statement went out before, one is waiting to be written, or the caller began the transaction
        # itself (``session.begin()``: it cannot be ended under it): not retried
        return None
    try:
        result = state.invoke_statement()
    except exc.DBAPIError as err:
        if not err.connection_invalidated:
            raise
        session.rollback()  # ends the autobegun transaction on the dead connection; the pool was renewed
        result = state.invoke_statement()
    return result


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit and retry a first statement that met a dead connection.

    On PostgreSQL each session's ``info`` holds the :func:`autocommit` engine (built once here) on which the
    repositories read before the unit of work writes (``storage.repositories.unit_reads``).
    """
    info = {READS_KEY: autocommit(engine)} if engine.dialect.name == "postgresql" else {}
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=FirstStatementRetrySession, info=info)
