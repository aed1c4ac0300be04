"""The PostgreSQL pool keeps the connections a busy bot uses, instead of closing and reopening them.

With SQLAlchemy's default pool (5 kept) and more updates in flight than that, every connection given back
beyond the fifth was closed and the next busy moment opened a new one (docs/load.md, issue 16 session 22).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from winstreak.bootstrap import build_app
from winstreak.settings import Settings

pytestmark = pytest.mark.postgres
BUSY = 12  # statements at once: more than SQLAlchemy's default pool of 5, fewer than ours


async def _busy_moment(engine: AsyncEngine) -> set[int]:
    """``BUSY`` statements that each hold their connection until all have one; the server pids they ran on."""
    started = asyncio.Barrier(BUSY)

    async def one() -> int:
        async with engine.connect() as conn:
            pid = int((await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one())
            await started.wait()
            return pid

    return set(await asyncio.gather(*(one() for _ in range(BUSY))))


async def test_connections_of_a_busy_moment_are_kept_for_the_next(engine: AsyncEngine) -> None:
    opened: list[Any] = []
    event.listen(engine.sync_engine, "connect", lambda conn, record: opened.append(record))
    first = await _busy_moment(engine)
    assert len(first) == BUSY and len(opened) == BUSY
    second = await _busy_moment(engine)
    assert second == first  # the same server processes: nothing was closed and opened again
    assert len(opened) == BUSY


async def test_the_pool_follows_the_settings(pg_url: str, tmp_path: Path) -> None:
    settings = Settings(database_url=pg_url, data_dir=tmp_path, db_pool_size=3, db_max_overflow=1, _env_file=None)  # type: ignore[call-arg]
    app = await build_app(settings)
    try:
        pool: Any = app.engine.sync_engine.pool
        assert pool.size() == 3 and pool._max_overflow == 1  # WINSTREAK_DB_POOL_SIZE / _MAX_OVERFLOW
    finally:
        await app.close()
