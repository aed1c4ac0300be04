"""On SQLite, people writing at the same moment are all served (once a known fault: "database is locked").

SQLAlchemy used to open SQLite transactions with a deferred ``BEGIN``; a transaction that reads and then writes
failed at once with SQLITE_BUSY when another connection committed in between (WAL snapshot conflict), without
waiting for the busy timeout. Every transaction now starts with ``BEGIN IMMEDIATE`` (storage/engine.py), so
writers queue on the busy timeout. (That first broke the outbox: a read on a second connection inside a write
transaction waited for itself; storage/outbox/due.py now reads before it writes.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.faults.traffic import answers_per_chat, meals_by_person, meals_then_save, people
from tests.e2e.telegram.conftest import app_on
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App

PEOPLE = 9


@pytest.fixture
async def wired(
    sqlite_url: str, tmp_path: Path, standin: StandInBotAPI, estimator: RecordingEstimator
) -> AsyncIterator[App]:
    async with app_on(sqlite_url, tmp_path, standin, estimator) as app:
        yield app


async def test_people_logging_at_the_same_moment_on_sqlite_are_all_served(polling: StandInBotAPI, wired: App) -> None:
    crowd = people(polling, PEOPLE, first_id=8500)
    await meals_then_save(polling, crowd)
    assert answers_per_chat(polling) == {p.chat_id: 2 for p in crowd}
    assert await meals_by_person(wired) == {p.chat_id: 1 for p in crowd}
