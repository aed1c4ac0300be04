"""Within one update the chat state is read once: with the claim on PostgreSQL, else at the first load.

``SqlUpdateLog.claim(..., state_key)`` inside ``processing()`` reads the state in the claim's round trip
(PostgreSQL) and ``SqlStateStore`` answers the update's loads from it; a save is remembered; outside an update
every load reads the table. Given the sender, the claim reads their user too (PostgreSQL). Statements are
counted at the engine, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import Profile
from storage.admin.tables import UserBlockRow
from storage.chat.updates import SqlUpdateLog
from storage.engine import make_engine, make_session_factory
from storage.repositories.chat_state import SqlStateStore
from storage.unit_of_work import SqlUnitOfWork

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
KEY = "telegram:42:42"


class Db:
    """The update log and state store of one engine, with every statement sent counted (not BEGIN/COMMIT)."""

    def __init__(self, engine: AsyncEngine) -> None:
        sessions = make_session_factory(engine)
        self.engine = engine
        self.updates = SqlUpdateLog(sessions, "telegram", timedelta(minutes=2))
        self.states = SqlStateStore(sessions)
        self.statements: list[str] = []

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _count(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
            if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
                self.statements.append(" ".join(statement.split()))

    @property
    def postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def state_reads(self) -> int:
        return sum(1 for s in self.statements if "FROM chat_states" in s)


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Db]:
    engine = make_engine(db_url)
    try:
        yield Db(engine)
    finally:
        await engine.dispose()


async def test_an_update_reads_its_state_once_with_the_claim_on_postgresql(db: Db) -> None:
    await db.states.save(KEY, '{"pending": 1}', NOW)
    with db.updates.processing():
        assert await db.updates.claim(1, NOW, KEY) == "claimed"
        claim_statements = len(db.statements)
        first = await db.states.load(KEY)
        second = await db.states.load(KEY)  # e.g. the button check, then the conversation
    assert first == second == '{"pending": 1}'
    assert db.state_reads() == 1
    if db.postgres:  # the claim's INSERT rode with the state's SELECT: no statement of the loads' own
        assert len(db.statements) == claim_statements
        assert claim_statements == 2 and "INSERT INTO processed_updates" in db.statements[-1]
    else:  # SQLite: the claim alone, then one load
        assert len(db.statements) == claim_statements + 1


async def test_a_chat_without_state_is_remembered_as_none_and_a_save_as_written(db: Db) -> None:
    with db.updates.processing():
        assert await db.updates.claim(2, NOW, KEY) == "claimed"
        assert await db.states.load(KEY) is None
        await db.states.save(KEY, '{"asking": "sex"}', NOW)
        assert await db.states.load(KEY) == '{"asking": "sex"}'
    assert db.state_reads() == 1
    assert await db.states.load(KEY) == '{"asking": "sex"}'  # outside an update: read from the table
    assert db.state_reads() == 2


async def test_a_duplicate_claim_reads_no_state_and_stays_done(db: Db) -> None:
    await db.states.save(KEY, "{}", NOW)
    with db.updates.processing():
        assert await db.updates.claim(3, NOW, KEY) == "claimed"
    await db.updates.finish(3)
    with db.updates.processing():
        assert await db.updates.claim(3, NOW + timedelta(seconds=1), KEY) == "done"
        before = db.state_reads()
        await db.states.save(KEY, '{"changed": true}', NOW)  # by another replica, say
    with db.updates.processing():
        assert await db.states.load(KEY) == '{"changed": true}'
    assert db.state_reads() == before + 1


async def test_another_updates_memory_is_not_used(db: Db) -> None:
    await db.states.save(KEY, '{"v": 1}', NOW)
    with db.updates.processing():
        assert await db.updates.claim(4, NOW, KEY) == "claimed"
        assert await db.states.load(KEY) == '{"v": 1}'
    await db.states.save(KEY, '{"v": 2}', NOW)  # outside any update
    with db.updates.processing():
        assert await db.updates.claim(5, NOW, KEY) == "claimed"
        assert await db.states.load(KEY) == '{"v": 2}'


def _state_writes(db: Db) -> int:
    return sum(1 for s in db.statements if s.startswith("INSERT INTO chat_states"))


async def test_a_save_of_the_state_as_read_in_the_update_is_not_sent(db: Db) -> None:
    await db.states.save(KEY, '{"pending": 1}', NOW)
    written = _state_writes(db)
    with db.updates.processing():  # a stale button's press, /today: the conversation ends where it began
        assert await db.updates.claim(6, NOW, KEY) == "claimed"
        await db.states.save(KEY, await db.states.load(KEY) or "", NOW)
    assert _state_writes(db) == written
    with db.updates.processing():  # a change is written, and the same change again is not
        assert await db.updates.claim(7, NOW, KEY) == "claimed"
        await db.states.save(KEY, '{"pending": 2}', NOW)
        await db.states.save(KEY, '{"pending": 2}', NOW)
    assert _state_writes(db) == written + 1
    with db.updates.processing():
        assert await db.updates.claim(8, NOW, KEY) == "claimed"
        assert await db.states.load(KEY) == '{"pending": 2}'
    await db.states.save(KEY, '{"pending": 2}', NOW)  # outside an update nothing was read: written
    assert _state_writes(db) == written + 2


async def test_the_claim_reads_the_sender_too_and_the_update_reads_no_user_of_its_own(db: Db) -> None:
    sessions = make_session_factory(db.engine)
    async with SqlUnitOfWork(sessions) as uow:
        ana = await uow.users.create("telegram", "42", "Ana", Profile(language="fr"))
        await uow.commit()
    async with db.engine.begin() as conn:
        await conn.execute(insert(UserBlockRow).values(user_id=int(ana.id), blocked_at=NOW, blocked_by="telegram:1"))
    with db.updates.processing():
        assert await db.updates.claim(9, NOW, KEY, "42") == "claimed"
        claimed = len(db.statements)
        async with SqlUnitOfWork(sessions) as uow:
            by_identity = await uow.users.by_identity("telegram", "42")
            by_id = await uow.users.get(ana.id)
        reads = len(db.statements) - claimed
    async with SqlUnitOfWork(sessions) as uow:  # outside an update: read from the tables
        expected = await uow.users.by_identity("telegram", "42")
    assert expected is not None and expected.blocked and expected.profile.language == "fr"
    assert by_identity == by_id == expected
    assert reads == (0 if db.postgres else 1)  # PostgreSQL: the user came with the claim


async def test_a_new_senders_claim_reads_no_user_and_the_update_finds_none(db: Db) -> None:
    sessions = make_session_factory(db.engine)
    await db.states.save(KEY, '{"v": 3}', NOW)
    with db.updates.processing():
        assert await db.updates.claim(10, NOW, KEY, "777") == "claimed"
        assert await db.states.load(KEY) == '{"v": 3}'
        async with SqlUnitOfWork(sessions) as uow:
            assert await uow.users.by_identity("telegram", "777") is None  # a first contact: read, then created
    assert db.state_reads() == 1
