"""A first start's migrations and seeding run in a child process, so their imports never stay in the bot.

Each start is a fresh interpreter here (``sys.modules`` of the test process holds Alembic already).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.engine import make_engine
from storage.food.seed import builtin_foods_current
from storage.migrate import at_head
from tests.pg_databases import scratch_database
from winstreak.bootstrap import build_app
from winstreak.prepare_database import in_memory, prepare_in_child
from winstreak.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("alembic", "mako", "pygments", "storage.builtin_foods.loader")
START = f"""
import asyncio, json, sys
from winstreak.bootstrap import build_app
from winstreak.prepare_database import prepare_in_child
from winstreak.settings import load_settings

settings = load_settings()
child = prepare_in_child(settings)

async def main():
    wired = await build_app(settings)
    foods = len(await wired.deps.catalog.search("banana", limit=3))
    await wired.close()
    return foods

foods = asyncio.run(main())
print(json.dumps({{"child": child, "foods": foods, "loaded": [m for m in {HEAVY!r} if m in sys.modules]}}))
"""


@pytest.fixture(params=["sqlite", "postgres"])
def blank_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database nobody has migrated: a new SQLite file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"
        return
    base: str = request.getfixturevalue("postgres_base_url")
    name = f"winstreak_blank_{os.getpid()}_{tmp_path.name[-12:].replace('-', '_')}".lower()
    with scratch_database(base, name) as url:
        yield url


def _start(url: str, data_dir: Path) -> dict[str, object]:
    env = {**os.environ, "WINSTREAK_DATABASE_URL": url, "WINSTREAK_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", START], env=env, cwd=data_dir, capture_output=True, text=True, timeout=300, check=True
    )
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


async def _current(url: str) -> tuple[bool, bool]:
    engine = make_engine(url)
    try:
        if not await at_head(engine):
            return False, False  # no food tables to ask yet
        return True, await builtin_foods_current(engine)
    finally:
        await engine.dispose()


def test_first_start_migrates_in_a_child_and_keeps_none_of_its_imports(blank_url: str, tmp_path: Path) -> None:
    first = _start(blank_url, tmp_path)
    assert first == {"child": True, "foods": 3, "loaded": []}
    assert asyncio.run(_current(blank_url)) == (True, True)
    again = _start(blank_url, tmp_path)
    assert again == {"child": False, "foods": 3, "loaded": []}


def test_a_failing_child_leaves_the_work_to_the_start_itself(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"
    settings = Settings(database_url=url, data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    with caplog.at_level(logging.WARNING, logger="winstreak.prepare_database"):
        assert prepare_in_child(settings, ("-c", "raise SystemExit(3)")) is False
    assert "exited 3; migrating in this process" in caplog.text
    assert asyncio.run(_current(url)) == (False, False)

    async def wire() -> None:
        wired = await build_app(settings)
        await wired.close()

    asyncio.run(wire())
    assert asyncio.run(_current(url)) == (True, True)


def test_no_child_for_a_database_that_cannot_be_reached_or_shared(tmp_path: Path) -> None:
    marker = tmp_path / "child-ran"
    child = ("-c", f"open({str(marker)!r}, 'w').close()")
    unreachable = "postgresql+asyncpg://nobody@127.0.0.1:9/none"  # port 9: discard, nothing listens
    for url in (unreachable, "sqlite+aiosqlite://", "sqlite+aiosqlite:///:memory:"):
        settings = Settings(database_url=url, data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
        assert prepare_in_child(settings, child) is False
    assert not marker.exists()


def test_which_sqlite_urls_live_in_memory() -> None:
    assert in_memory("sqlite+aiosqlite://")
    assert in_memory("sqlite+aiosqlite:///:memory:")
    assert in_memory("sqlite+aiosqlite:///file:x?mode=memory&cache=shared&uri=true")
    assert not in_memory("sqlite+aiosqlite:////var/lib/winstreak/winstreak.db")
    assert not in_memory("postgresql+asyncpg://u@db/winstreak")


def test_what_the_child_says_reaches_the_log(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"
    script = (
        "from winstreak.prepare_database import prepare_in_child; from winstreak.settings import load_settings; "
        "child = ('-c', 'import sys; print(\"out\"); sys.exit(\"migration said no\")'); "
        "print(prepare_in_child(load_settings(), child))"
    )
    env = {**os.environ, "WINSTREAK_DATABASE_URL": url, "WINSTREAK_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"  # the child's own output is not mixed into this process's
    assert "migration said no" in done.stderr and "exited 1; migrating in this process" in done.stderr
