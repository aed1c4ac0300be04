"""``storage.engine.run_single``: synchronous work on one pooled connection, in one greenlet, on both dialects."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import autocommit, make_engine, run_single
from storage.models import ChatStateRow

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    made = make_engine(db_url)
    try:
        yield made
    finally:
        await made.dispose()


def _add(conn: Connection, key: str) -> None:
    conn.execute(insert(ChatStateRow).values(key=key, data="{}", updated_at=NOW))


def _keys(conn: Connection) -> list[str]:
    return list(conn.scalars(select(ChatStateRow.key).order_by(ChatStateRow.key)))


async def test_work_is_written_and_its_answer_returned(engine: AsyncEngine) -> None:
    single = autocommit(engine)
    await run_single(single, lambda conn: _add(conn, "a"))
    assert await run_single(single, _keys) == ["a"]
    async with engine.connect() as conn:  # seen from any other connection: committed
        assert list(await conn.scalars(select(ChatStateRow.key))) == ["a"]


async def test_a_failing_statement_raises_its_own_error(engine: AsyncEngine) -> None:
    single = autocommit(engine)
    await run_single(single, lambda conn: _add(conn, "a"))
    with pytest.raises(IntegrityError):
        await run_single(single, lambda conn: _add(conn, "a"))
    assert await run_single(single, _keys) == ["a"]


async def test_on_sqlite_the_work_is_one_transaction(engine: AsyncEngine) -> None:
    """SQLite: BEGIN IMMEDIATE ... COMMIT around the work; PostgreSQL autocommit: each statement stands alone."""

    def two_then_fail(conn: Connection) -> None:
        _add(conn, "b")
        _add(conn, "b")

    with pytest.raises(IntegrityError):
        await run_single(autocommit(engine), two_then_fail)
    kept = await run_single(autocommit(engine), _keys)
    assert kept == ([] if engine.dialect.name == "sqlite" else ["b"])
