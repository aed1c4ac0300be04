"""Pooled PostgreSQL connections that died (server restarted, backend killed) without ``pool_pre_ping``.

The engine pings a connection only after it sat idle in the pool; a busy one that turns out dead fails its
statement and renews the pool, and the update claim (the first statement of every update) is retried on a
fresh connection. Here the pool's connections are killed with ``pg_terminate_backend`` from another engine.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import engine as engine_module
from storage.chat.updates import SqlUpdateLog
from storage.engine import dead_connection, make_engine, make_session_factory, on_live_connection
from storage.repositories.chat_state import SqlStateStore

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


async def backend_pid(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def kill_backends(url: str, *pids: int) -> None:
    """Terminate server processes from a separate engine (as a restart would, for those connections)."""
    killer = make_engine(url)
    try:
        async with killer.connect() as conn:
            for pid in pids:
                assert (await conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})).scalar_one()
    finally:
        await killer.dispose()


async def test_a_busy_dead_connection_fails_once_then_the_pool_is_fresh(engine: AsyncEngine, pg_url: str) -> None:
    first = await backend_pid(engine)
    await kill_backends(pg_url, first)
    with pytest.raises(DBAPIError) as failed:  # no ping before use: the statement meets the dead connection
        await backend_pid(engine)
    assert dead_connection(failed.value)
    assert await backend_pid(engine) != first  # the pool reconnected


async def test_on_live_connection_retries_a_step_that_met_a_dead_connection(engine: AsyncEngine, pg_url: str) -> None:
    first = await backend_pid(engine)
    await kill_backends(pg_url, first)
    calls: list[int] = []

    async def step() -> int:
        calls.append(1)
        return await backend_pid(engine)

    assert await on_live_connection(step) != first
    assert len(calls) == 2


async def test_on_live_connection_does_not_retry_a_failing_statement(engine: AsyncEngine) -> None:
    calls: list[int] = []

    async def step() -> None:
        calls.append(1)
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1/0"))

    with pytest.raises(DBAPIError):
        await on_live_connection(step)
    assert len(calls) == 1  # a statement error is not a dead connection: it would fail again


async def test_an_idle_connection_is_pinged_and_replaced(
    engine: AsyncEngine, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await backend_pid(engine)
    await kill_backends(pg_url, first)
    monkeypatch.setattr(engine_module, "IDLE_PING_S", 0.0)  # every returned connection counts as idle
    assert await backend_pid(engine) != first  # pinged at checkout, found dead, replaced: no error


async def test_the_update_claim_survives_dead_pooled_connections(engine: AsyncEngine, pg_url: str) -> None:
    log = SqlUpdateLog(make_session_factory(engine), "telegram", timedelta(seconds=30))
    assert await log.claim(1, NOW) == "claimed"
    await kill_backends(pg_url, await backend_pid(engine))
    assert await log.claim(2, NOW) == "claimed"  # retried on a fresh connection
    assert await log.claim(2, NOW + timedelta(seconds=1)) == "held"  # claimed once
    await kill_backends(pg_url, await backend_pid(engine))
    assert await log.claim(3, NOW, "telegram:1:1") == "claimed"  # the claim reading the chat state: retried too
    await kill_backends(pg_url, await backend_pid(engine))
    assert await log.claim(4, NOW, "telegram:1:1", "1") == "claimed"  # reading the state and the sender: retried too


async def test_a_retried_claim_recognises_its_own_committed_row(engine: AsyncEngine) -> None:
    """The connection died after the claim's COMMIT went through: the retry finds its own stamp."""
    log = SqlUpdateLog(make_session_factory(engine), "telegram", timedelta(seconds=30))
    assert await log._claim(7, NOW, None, None, retried=False) == "claimed"
    assert await log._claim(7, NOW, None, None, retried=True) == "claimed"  # same stamp, on a retry: ours
    assert await log._claim(7, NOW, None, None, retried=False) == "held"  # a second delivery at the same moment is not
    assert (
        await log._claim(7, NOW + timedelta(seconds=1), None, None, retried=True) == "held"
    )  # another stamp: not ours


async def test_a_state_load_survives_dead_pooled_connections(engine: AsyncEngine, pg_url: str) -> None:
    states = SqlStateStore(make_session_factory(engine))
    await states.save("telegram:1:1", '{"asking": "age"}', NOW)
    await kill_backends(pg_url, await backend_pid(engine))
    assert await states.load("telegram:1:1") == '{"asking": "age"}'  # retried on a fresh connection
