"""A unit of work's reads before its first write (``storage.repositories.unit_reads``), SQLite and PostgreSQL.

On PostgreSQL they run autocommitted outside the unit's transaction (the session never begins one for a
read-only unit); once the unit wrote, reads go through its session and see its own uncommitted rows. SQLite
reads always go through the session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.model import ItemSource, Meal, MealItem, Profile, UserAccount
from storage.engine import make_engine, make_session_factory
from storage.favourites.store import SqlMealHistory
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from storage.unit_of_work import SqlUnitOfWork

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DAY = date(2026, 6, 1)
ITEM = MealItem("soup", 300, 200, 5, 20, 8, ItemSource.MANUAL, 180, 220)


@dataclass
class World:
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    ana: UserAccount


@pytest.fixture
async def world(db_url: str) -> AsyncIterator[World]:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        async with SqlUnitOfWork(sessions) as uow:
            ana = await uow.users.create("console", "ana", "ana", Profile())
            await uow.commit()
        yield World(engine, sessions, ana)
    finally:
        await engine.dispose()


def _meal(world: World) -> Meal:
    return Meal(None, world.ana.id, NOW, DAY, (ITEM,), "soup", "text")


async def test_a_read_only_unit_opens_no_transaction_on_postgresql(world: World) -> None:
    async with SqlUnitOfWork(world.sessions) as uow:
        assert (await uow.users.by_identity("console", "ana")) == world.ana
        assert await uow.meals.on_day(world.ana.id, DAY) == []
        in_transaction = uow.session.in_transaction()
    assert in_transaction == (world.engine.dialect.name == "sqlite")
    async with SqlGameUnitOfWork(world.sessions) as game:
        assert await game.game.unlocked(world.ana.id) == {}


async def test_the_recent_meals_under_today_are_one_round_trip_on_postgresql(world: World) -> None:
    async with SqlUnitOfWork(world.sessions) as uow:
        added = await uow.meals.add(_meal(world))
        await uow.commit()
    sent: list[str] = []

    @event.listens_for(world.engine.sync_engine, "before_cursor_execute")
    def _count(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        sent.append(statement.split()[0].upper())

    @event.listens_for(world.engine.sync_engine, "begin")
    def _begun(conn: Any) -> None:
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":  # a transaction, not autocommit
            sent.append("BEGIN")

    recent = await SqlMealHistory(world.sessions).recent_meals(world.ana.id, 5)
    assert [(m.id, m.items) for m in recent] == [(added.id, (ITEM,))]
    if world.engine.dialect.name == "postgresql":  # no BEGIN and ROLLBACK around it
        assert sent == ["SELECT"]
    else:  # in the session's transaction (BEGIN IMMEDIATE), as before
        assert sent[0] == "BEGIN" and sent[-1] == "SELECT"


async def test_reads_after_a_write_see_the_units_own_rows(world: World) -> None:
    async with SqlUnitOfWork(world.sessions) as uow:
        assert await uow.meals.on_day(world.ana.id, DAY) == []
        added = await uow.meals.add(_meal(world))
        assert [m.id for m in await uow.meals.on_day(world.ana.id, DAY)] == [added.id]  # uncommitted, seen
        ben = await uow.users.create("console", "ben", "ben", Profile())
        assert await uow.users.by_identity("console", "ben") == ben
        if world.engine.dialect.name == "postgresql":  # (SQLite: a second unit would wait for this one's lock)
            async with SqlUnitOfWork(world.sessions) as other:  # not committed: nobody else sees them
                assert await other.meals.on_day(world.ana.id, DAY) == []
                assert await other.users.by_identity("console", "ben") is None
        await uow.commit()
    async with SqlUnitOfWork(world.sessions) as after:
        assert [m.id for m in await after.meals.on_day(world.ana.id, DAY)] == [added.id]


async def test_an_unlocked_trophy_is_seen_by_its_unit_and_not_unlocked_twice(world: World) -> None:
    async with SqlGameUnitOfWork(world.sessions) as game:
        assert await game.game.unlock(world.ana.id, ["first_meal"], DAY) == ["first_meal"]
        assert await game.game.unlocked(world.ana.id) == {"first_meal": DAY}
        assert await game.game.unlock(world.ana.id, ["first_meal"], DAY) == []
        await game.commit()
    async with SqlGameUnitOfWork(world.sessions) as game:
        assert await game.game.unlocked(world.ana.id) == {"first_meal": DAY}
        assert await game.game.unlock(world.ana.id, ["first_meal"], DAY) == []


async def test_a_rolled_back_unit_leaves_nothing(world: World) -> None:
    async with SqlUnitOfWork(world.sessions) as uow:
        assert await uow.users.by_identity("console", "ana") == world.ana  # a read first, then a write
        await uow.meals.add(_meal(world))
    async with SqlUnitOfWork(world.sessions) as uow:
        assert await uow.meals.on_day(world.ana.id, DAY) == []
