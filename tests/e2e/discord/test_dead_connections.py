"""Discord on PostgreSQL after the server dropped every pooled connection: the next DM is answered normally.

No ``pool_pre_ping``: the first statement of the DM's first unit of work meets a dead connection and is
retried on a fresh one (storage/engine.py); the idle ping is switched off so the statement, not the ping,
meets it, as under traffic. Connections are killed with ``pg_terminate_backend`` from outside.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bots.discord.bot import WinStreakBot
from storage import engine as engine_module
from storage.engine import make_engine
from tests.e2e.discord.conftest import app_on, bot_on
from tests.e2e.discord.person import Person
from tests.e2e.discord.standin import StandInDiscord
from tests.fakes.recording_estimator import RecordingEstimator

pytestmark = pytest.mark.postgres


@pytest.fixture
async def pg_bot(
    pg_url: str, tmp_path: Path, estimator: RecordingEstimator, patched: StandInDiscord, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[WinStreakBot]:
    monkeypatch.setattr(engine_module, "IDLE_PING_S", 3600.0)  # never pinged before use
    async with app_on(pg_url, tmp_path, estimator=estimator) as app, bot_on(app, patched) as client:
        yield client


async def kill_other_backends(url: str) -> int:
    """Terminate every other server process of this database (what a restart does to the pool)."""
    killer = make_engine(url)
    try:
        async with killer.connect() as conn:
            query = text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            return int((await conn.execute(query)).scalar_one())
    finally:
        await killer.dispose()


async def test_a_dm_after_the_pool_died_is_answered_not_apologised_for(pg_bot: WinStreakBot, pg_url: str) -> None:
    api: StandInDiscord = pg_bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    calls = await ada.say("!start", expect=2)
    assert "Welcome to WinStreak, Ada" in calls[0].text
    assert await kill_other_backends(pg_url) >= 1
    calls = await ada.say("!start", expect=2)
    assert "Welcome to WinStreak, Ada" in calls[0].text
    assert not any("went wrong" in call.text for call in api.sent())
