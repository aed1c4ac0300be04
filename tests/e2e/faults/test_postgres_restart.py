"""PostgreSQL restarted (``pg_ctl restart -m fast``) while people log meals through the bot, webhook and polling.

Each person sends a meal, presses Save under its estimate, and again, ROUNDS times, all at once, through the
real aiogram webhook and a Telegram-like sender that redelivers on connection errors and non-2xx. Half-way the
server restarts: connections in use break, new ones are refused for a moment. Afterwards every update is
processed exactly once: each person has one estimate per meal and one "Saved" per press, nothing else (no
apology, nothing twice), their meals are all stored, and every update id is marked done once.

In long polling nothing can be redelivered by Telegram (the update was fetched): the bot handles an update that
failed because the database was away again in-process, with backoff (``bots/telegram/redeliver.py``); the same
exactly-once result is asserted there.

The server is a dedicated throwaway one (not the suite's), so restarting it disturbs no other test.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from storage.chat.tables import ProcessedUpdateRow
from storage.engine import make_engine
from storage.migrate import upgrade
from tests.e2e.faults.traffic import Person, answered, deliver_until_done, meals_by_person, people, save_press
from tests.e2e.telegram.conftest import settings_for
from tests.e2e.telegram.standin import Call, StandInBotAPI
from tests.fakes.recording_estimator import RecordingEstimator
from tests.postgres_server import PostgresServer, find_bin_dir
from winstreak.bootstrap import App, build_app

pytestmark = pytest.mark.postgres
PEOPLE = 6
ROUNDS = 4


class RestartablePostgres(PostgresServer):
    """The suite's throwaway server, plus a fast restart (its options are kept in postmaster.opts)."""

    def restart(self) -> None:
        data, log = self.root / "data", self.root / "log"
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-m", "fast", "restart")


@pytest.fixture(scope="module")
def server() -> Iterator[RestartablePostgres]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found: this test restarts its own server")
    running = RestartablePostgres(bin_dir)
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
async def wired(
    server: RestartablePostgres, tmp_path: Path, standin: StandInBotAPI, estimator: RecordingEstimator
) -> AsyncIterator[App]:
    url = server.url()
    engine = make_engine(url)
    try:
        await upgrade(engine)
        async with engine.begin() as conn:  # each test's stand-in numbers its updates from 1 again
            await conn.execute(delete(ProcessedUpdateRow))
    finally:
        await engine.dispose()
    app = await build_app(settings_for(url, tmp_path, standin.base), estimator=estimator, migrate=False)
    try:
        yield app
    finally:
        await app.close()


def latest_estimate(api: StandInBotAPI, person: Person) -> Call:
    return [c for c in answered(api) if str(c.params["chat_id"]) == person.chat_id and "Save" in dict(c.buttons)][-1]


def assert_answered_once(crowd: list[Person], api: StandInBotAPI) -> None:
    """Each person got one estimate per meal and one "Saved" per press, nothing else (no apology, nothing twice)."""
    shown = "\n".join(f"{c.params.get('chat_id')} {c.text[:70]!r} {c.buttons}" for c in answered(api))
    estimates = Counter(str(c.params["chat_id"]) for c in answered(api) if is_estimate(c))
    saved = Counter(str(c.params["chat_id"]) for c in answered(api) if is_saved(c))
    everything = Counter(str(c.params["chat_id"]) for c in answered(api))
    assert estimates == {p.chat_id: ROUNDS for p in crowd}, shown
    assert saved == {p.chat_id: ROUNDS for p in crowd}, shown
    assert everything == {p.chat_id: 2 * ROUNDS for p in crowd}, shown


async def log_meals(api: StandInBotAPI, person: Person) -> list[str]:
    """ROUNDS times: a meal, then Save under the estimate it got; returns every delivery attempt's outcome."""
    outcomes: list[str] = []
    for k in range(ROUNDS):
        meal = api.message(person.chat, person.user, text=f"soup{k} {300 + k} kcal")
        outcomes += await deliver_until_done(api, api.update(message=meal))
        outcomes += await deliver_until_done(api, save_press(api, person, latest_estimate(api, person)))
    return outcomes


async def test_every_update_is_processed_once_across_a_postgres_restart(
    webhook: StandInBotAPI, wired: App, server: RestartablePostgres
) -> None:
    crowd = people(webhook, PEOPLE, first_id=8800)
    traffic = [asyncio.create_task(log_meals(webhook, p)) for p in crowd]
    total = 2 * PEOPLE * ROUNDS
    while len(answered(webhook)) < total // 3:  # noqa: ASYNC110  # a third of the answers are out
        await asyncio.sleep(0.05)
    before = len(answered(webhook))
    await asyncio.to_thread(server.restart)
    during = len(answered(webhook))
    outcomes = Counter(o for attempts in await asyncio.gather(*traffic) for o in attempts)
    print(f"restart after {before} of {total} answers; delivery attempts: {dict(outcomes)}")  # shown with -s
    assert before < total and during < total  # the restart happened in the middle of the traffic
    assert_answered_once(crowd, webhook)
    assert await meals_by_person(wired) == {p.chat_id: ROUNDS for p in crowd}
    async with wired.sessions() as session:
        done = await session.execute(select(ProcessedUpdateRow.done, func.count()).group_by(ProcessedUpdateRow.done))
        assert dict(done.tuples().all()) == {True: total}


def is_estimate(call: Call) -> bool:
    return "Save" in dict(call.buttons)


def is_saved(call: Call) -> bool:
    return "Saved" in call.text


async def wait_count(
    api: StandInBotAPI, person: Person, kind: Callable[[Call], bool], count: int, within: float = 90
) -> None:
    """Until the person has ``count`` answers of ``kind`` (polling: nothing to acknowledge, so wait for them)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if sum(1 for c in answered(api) if str(c.params["chat_id"]) == person.chat_id and kind(c)) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"chat {person.chat_id}: fewer than {count} answers of {kind.__name__}")


async def log_meals_polling(api: StandInBotAPI, person: Person) -> None:
    """ROUNDS times: a meal queued for getUpdates, its estimate awaited, then Save under it."""
    for k in range(ROUNDS):
        await api.push(api.update(message=api.message(person.chat, person.user, text=f"soup{k} {300 + k} kcal")))
        await wait_count(api, person, is_estimate, k + 1)
        await api.push(save_press(api, person, latest_estimate(api, person)))
        await wait_count(api, person, is_saved, k + 1)


async def test_polling_handles_again_what_failed_while_postgres_restarted(
    polling: StandInBotAPI, wired: App, server: RestartablePostgres
) -> None:
    crowd = people(polling, PEOPLE, first_id=8900)
    traffic = [asyncio.create_task(log_meals_polling(polling, p)) for p in crowd]
    total = 2 * PEOPLE * ROUNDS
    deadline = time.monotonic() + 90
    while len(answered(polling)) < total // 3:  # a third of the answers are out
        assert time.monotonic() < deadline, "the bot answers nothing"
        await asyncio.sleep(0.05)
    before = len(answered(polling))
    await asyncio.to_thread(server.restart)
    await asyncio.gather(*traffic)
    print(f"polling: restart after {before} of {total} answers")  # shown with -s
    assert before < total
    assert_answered_once(crowd, polling)
    stored = await meals_by_person(wired)  # the server also holds the webhook test's people
    assert {p.chat_id: stored[p.chat_id] for p in crowd} == {p.chat_id: ROUNDS for p in crowd}
