"""A unit of work whose first statement meets a dead pooled connection runs on a fresh one (PostgreSQL).

Every session from ``make_session_factory`` retries its first statement once when SQLAlchemy reports the
connection invalidated and nothing was written yet; later statements fail as before. The pool's connections
are killed with ``pg_terminate_backend`` from another engine; the idle ping is switched off so the dead
connection is met by the statement, as under traffic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.ids import UserId
from storage import engine as engine_module
from storage.engine import dead_connection, make_engine, make_session_factory
from storage.unit_of_work import SqlUnitOfWork
from tests.integration.chat.test_dead_connections import backend_pid, kill_backends

pytestmark = pytest.mark.postgres
PID = text("SELECT pg_backend_pid()")


@pytest.fixture
async def engine(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[AsyncEngine]:
    monkeypatch.setattr(engine_module, "IDLE_PING_S", 3600.0)  # never pinged: the statement meets the corpse
    made = make_engine(pg_url)
    try:
        yield made
    finally:
        await made.dispose()


async def test_a_unit_of_work_starting_on_a_dead_connection_runs_on_a_fresh_one(
    engine: AsyncEngine, pg_url: str
) -> None:
    first = await backend_pid(engine)
    await kill_backends(pg_url, first)
    async with SqlUnitOfWork(make_session_factory(engine)) as uow:
        assert await uow.users.get(UserId(424242)) is None  # the first statement: retried, no error
        pid = (await uow.session.execute(PID)).scalar_one()
    assert pid != first


async def test_a_write_after_the_retried_read_is_committed(engine: AsyncEngine, pg_url: str) -> None:
    sessions = make_session_factory(engine)
    await kill_backends(pg_url, await backend_pid(engine))
    async with SqlUnitOfWork(sessions) as uow:
        assert await uow.users.by_identity("discord", "77") is None
        await uow.session.execute(text("CREATE TABLE dead_probe (n int)"))
        await uow.session.execute(text("INSERT INTO dead_probe VALUES (1)"))
        await uow.commit()
    async with sessions() as session:
        assert (await session.execute(text("SELECT count(*) FROM dead_probe"))).scalar_one() == 1


async def test_a_later_statement_on_a_dead_connection_is_not_retried(engine: AsyncEngine, pg_url: str) -> None:
    sessions = make_session_factory(engine)
    async with sessions() as session:
        await session.execute(text("CREATE TEMP TABLE scratch (n int)"))  # state only this connection has
        first = (await session.execute(PID)).scalar_one()
        await kill_backends(pg_url, first)
        with pytest.raises(DBAPIError) as failed:
            await session.execute(text("SELECT count(*) FROM scratch"))
        assert dead_connection(failed.value)


async def test_a_statement_error_is_not_retried(engine: AsyncEngine) -> None:
    sessions = make_session_factory(engine)
    async with sessions() as session:
        with pytest.raises(DBAPIError) as failed:
            await session.execute(text("SELECT 1/0"))
        assert not dead_connection(failed.value)


async def test_each_transaction_of_a_session_gets_its_first_statement_retried(engine: AsyncEngine, pg_url: str) -> None:
    sessions = make_session_factory(engine)
    async with sessions() as session:
        first = (await session.execute(PID)).scalar_one()
        await session.commit()
        await kill_backends(pg_url, first)
        assert (await session.execute(PID)).scalar_one() != first  # a new transaction: its first statement


async def test_a_transaction_the_caller_began_is_not_retried_and_the_next_one_works(
    engine: AsyncEngine, pg_url: str
) -> None:
    """``session.begin()``: the transaction cannot be ended under the caller's context manager; it fails as before."""
    sessions = make_session_factory(engine)
    async with sessions() as session, session.begin():
        await session.execute(text("CREATE TABLE begun_probe (n int)"))
    await kill_backends(pg_url, await backend_pid(engine))
    with pytest.raises(DBAPIError) as failed:
        async with sessions() as session, session.begin():
            await session.execute(text("INSERT INTO begun_probe VALUES (1)"))
    assert dead_connection(failed.value)
    async with sessions() as session, session.begin():  # the pool was renewed
        await session.execute(text("INSERT INTO begun_probe VALUES (2)"))
    async with sessions() as session:
        assert (await session.execute(text("SELECT n FROM begun_probe"))).scalars().all() == [2]
