"""Migrations under a PostgreSQL advisory lock: two processes starting together both come up, migrating once."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest

from storage.migrate import MIGRATIONS

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_pg_url(postgres_base_url: str) -> Iterator[str]:
    name = f"winstreak_lock_{os.getpid()}"
    plain = postgres_base_url.replace("postgresql+asyncpg://", "postgresql://")

    async def sql(statement: str) -> None:
        conn = await asyncpg.connect(plain)
        try:
            await conn.execute(statement)
        finally:
            await conn.close()

    asyncio.run(sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    asyncio.run(sql(f"CREATE DATABASE {name}"))
    try:
        yield postgres_base_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        asyncio.run(sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


async def upgrade_process(url: str, data_dir: Path) -> asyncio.subprocess.Process:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("WINSTREAK_")}
    environment |= {
        "WINSTREAK_DATABASE_URL": url,
        "WINSTREAK_DATA_DIR": str(data_dir),
        "WINSTREAK_LOG_LEVEL": "INFO",
        "WINSTREAK_LOG_FORMAT": "json",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "winstreak", "db", "upgrade",
        env=environment, cwd=str(REPO), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def test_two_processes_starting_together_migrate_the_schema_once(empty_pg_url: str, tmp_path: Path) -> None:
    first, second = [await upgrade_process(empty_pg_url, tmp_path / name) for name in ("a", "b")]
    results = await asyncio.gather(first.communicate(), second.communicate())
    for process, (out, err) in zip((first, second), results, strict=True):
        assert process.returncode == 0, err.decode()[-3000:]
        assert "Database is up to date" in out.decode()
    logs = "".join(err.decode() for _, err in results)
    revisions = len(list((MIGRATIONS / "versions").glob("*.py")))
    assert logs.count("Running upgrade") == revisions  # each migration ran once, in one of the two
    assert all(logs.count(f"-> {path.stem},") == 1 for path in (MIGRATIONS / "versions").glob("*.py")), (
        logs
    )  # each revision id appears once as a target
    conn = await asyncpg.connect(empty_pg_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        versions = await conn.fetch("SELECT version_num FROM alembic_version")
    finally:
        await conn.close()
    assert versions  # at head: the checks of /readyz agree
