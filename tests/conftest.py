"""Shared fixtures: a real PostgreSQL server for the session, fresh migrated databases per test.

``db_url`` runs a test twice, on SQLite and on PostgreSQL. PostgreSQL comes from
``WINSTREAK_TEST_POSTGRES_URL`` when set, otherwise the suite starts its own; without PostgreSQL
binaries the PostgreSQL runs are skipped loudly, and under ``CI=true`` they fail.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest

from storage.engine import make_engine
from storage.migrate import upgrade
from tests.pg_databases import plain_dsn, scratch_database
from tests.postgres_server import PostgresServer, find_bin_dir

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
TEMPLATE_DB = "winstreak_template"
_counter = itertools.count()


async def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def postgres_base_url() -> Iterator[str]:
    """URL of the maintenance database of a running PostgreSQL, with a migrated template database."""
    given = os.environ.get("WINSTREAK_TEST_POSTGRES_URL")
    server = None
    if given:
        base = given
    else:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            message = "PostgreSQL binaries (initdb, pg_ctl) not found: install the 'postgresql' package"
            print(f"\n!!! {message} — PostgreSQL tests cannot run !!!\n")
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        server = PostgresServer(bin_dir)
        server.start()
        base = server.url()

    async def _make_template() -> None:
        conn = await asyncpg.connect(plain_dsn(base))
        try:
            await conn.execute(f"DROP DATABASE IF EXISTS {TEMPLATE_DB}")
            await conn.execute(f"CREATE DATABASE {TEMPLATE_DB}")
        finally:
            await conn.close()
        await _migrate(base.rsplit("/", 1)[0] + f"/{TEMPLATE_DB}")

    asyncio.run(_make_template())
    try:
        yield base
    finally:
        if server is not None:
            server.stop()


@pytest.fixture
def pg_url(postgres_base_url: str) -> Iterator[str]:
    """A fresh migrated PostgreSQL database (cloned from the template), dropped afterwards."""
    name = f"winstreak_test_{os.getpid()}_{next(_counter)}"
    with scratch_database(postgres_base_url, name, TEMPLATE_DB) as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file to copy for each test."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    asyncio.run(_migrate(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh migrated SQLite database."""
    path = tmp_path / "winstreak.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh migrated database, once on SQLite and once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))
