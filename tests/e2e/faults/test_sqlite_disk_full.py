"""The SQLite database full (``PRAGMA max_page_count`` on every connection, the spare pages filled) while people
log meals: each message gets one answer (the estimate, or the apology with an error id when nothing could be
written), nothing already stored is lost, the file passes ``integrity_check``, and once space is back all works."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.e2e.faults.traffic import answered, meals_by_person, meals_then_save, people, save_press
from tests.e2e.telegram.conftest import settings_for
from tests.e2e.telegram.standin import Call, StandInBotAPI
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App, build_app

APOLOGY = "was not handled"
# The bot (on this test's event loop) may still be finishing its last update's write when the test fills the
# file: the filling runs in a thread, so the bot can commit while it waits for the lock.
LOCK_WAIT_S = 60
CAP: dict[str, int] = {"pages": 0}


@pytest.fixture
async def wired(
    sqlite_url: str, tmp_path: Path, standin: StandInBotAPI, estimator: RecordingEstimator
) -> AsyncIterator[App]:
    app = await build_app(settings_for(sqlite_url, tmp_path, standin.base), estimator=estimator, migrate=False)

    @event.listens_for(app.engine.sync_engine, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:
        if CAP["pages"]:
            cursor = dbapi_conn.cursor()
            cursor.execute(f"PRAGMA max_page_count={CAP['pages']}")
            cursor.close()

    try:
        yield app
    finally:
        CAP["pages"] = 0
        await app.close()


def fill(path: str) -> int:
    """Cap the file a few pages above its size and fill those pages; returns the cap."""
    with sqlite3.connect(path, timeout=LOCK_WAIT_S) as conn:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0]) + 4
        conn.execute(f"PRAGMA max_page_count={pages}")
        conn.execute("CREATE TABLE IF NOT EXISTS filler (b BLOB)")
        for size in (4000, 1000, 100, 10, 1):
            try:
                while True:
                    conn.execute("INSERT INTO filler VALUES (randomblob(?))", (size,))
                    conn.commit()
            except sqlite3.OperationalError as err:
                assert "full" in str(err)
                conn.rollback()
    return pages


async def exchange(api: StandInBotAPI, update: dict[str, Any]) -> list[Call]:
    """Push one update; the messages it was answered with (waits for the first, then for quiet)."""
    count = len(answered(api))
    await api.push(update)
    await api.wait_sent(count + 1)
    while True:
        seen = len(answered(api))
        await asyncio.sleep(0.3)
        if len(answered(api)) == seen:
            return answered(api)[count:]


def apology(calls: list[Call]) -> bool:
    """One answer: the apology with its error id."""
    return (
        len(calls) == 1 and APOLOGY in calls[0].text and re.search(r"\(error [0-9a-f]{8}\)", calls[0].text) is not None
    )


async def test_a_full_disk_gets_a_clear_answer_and_corrupts_nothing(
    polling: StandInBotAPI, wired: App, sqlite_url: str
) -> None:
    path = sqlite_url.removeprefix("sqlite+aiosqlite:///")
    crowd = people(polling, 3, first_id=8300)
    for person in crowd:  # one at a time: concurrent writers on SQLite get "database is locked"
        await meals_then_save(polling, [person])
    CAP["pages"] = await asyncio.to_thread(fill, path)
    await wired.engine.dispose()  # new connections get the cap
    saved: Counter[str] = Counter({p.chat_id: 1 for p in crowd})
    apologies = 0
    for round_number in range(60):  # people keep logging until the spare space in the tables runs out too
        person = crowd[round_number % len(crowd)]
        text = f"soup{round_number} with a long description of what was in it {round_number} 250 kcal"
        replies = await exchange(polling, polling.update(message=polling.message(person.chat, person.user, text=text)))
        estimate = [c for c in replies if c.buttons]
        if estimate:  # the estimate (and, after a failed Save, the note that the unsaved one was discarded)
            assert len(estimate) == 1 and len(replies) <= 2, [c.text for c in replies]
            replies = await exchange(polling, save_press(polling, person, estimate[0]))
        if len(replies) == 1 and "Saved 250 kcal" in replies[0].text:
            saved[person.chat_id] += 1
        else:
            assert apology(replies), [c.text for c in replies]
            apologies += 1
            if apologies >= 6:
                break
    assert apologies >= 6, "the database never filled up"
    with sqlite3.connect(path, timeout=LOCK_WAIT_S) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert await meals_by_person(wired) == saved  # every "Saved" is stored, nothing more
    CAP["pages"] = 0  # space is back
    await wired.engine.dispose()
    await meals_then_save(polling, crowd[:1], kcal=333)
    saved[crowd[0].chat_id] += 1
    assert await meals_by_person(wired) == saved
