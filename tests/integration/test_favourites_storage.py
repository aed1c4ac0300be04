"""Recents and favourites on SQLite and PostgreSQL: the stores, unique names, deletion, joined accounts, migration."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import InvalidValue
from core.model import ItemSource, MealId, MealItem, Profile, UserId
from core.model.favourite import Favourite
from core.services.log_meal import LogMeal, log_meal
from storage.chat.accounts import SqlAccountStore
from storage.engine import make_engine, make_session_factory
from storage.favourites.store import SqlFavouriteStore, SqlMealHistory
from storage.migrate import upgrade
from storage.unit_of_work import SqlUnitOfWork
from tests.fakes.memory import FixedClock
from tests.integration.schema_steps import migrate, table_names

pytestmark = pytest.mark.postgres
CLOCK = FixedClock(datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
SOUP = MealItem("soupe à l'oignon", 350, 300.5, 10, 30, 12, ItemSource.DATABASE, 250, 360, food_id="fr:soup")
APPLE = MealItem("apple", 150, 78, 0.4, 21, 0.3, ItemSource.AI, 60, 90)
KINDS = ((SOUP,), (SOUP, APPLE), (APPLE,))


async def _users(sessions: async_sessionmaker[AsyncSession], *names: str) -> list[UserId]:
    ids = []
    async with SqlUnitOfWork(sessions) as uow:
        for name in names:
            ids.append((await uow.users.create("console", name, name, Profile())).id)
        await uow.commit()
    return ids


async def test_recent_meals_are_the_users_own_newest_first(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        ana, bo = await _users(sessions, "ana", "bo")
        for user, items in ((ana, (SOUP,)), (bo, (APPLE,)), (ana, (APPLE, SOUP))):
            await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(user, items, "words"))
        history = SqlMealHistory(sessions)
        recent = await history.recent_meals(ana, 10)
        assert [m.items for m in recent] == [(APPLE, SOUP), (SOUP,)]
        assert [m.items for m in await history.recent_meals(ana, 1)] == [(APPLE, SOUP)]
        bos = (await history.recent_meals(bo, 1))[0]
        assert await history.meal(ana, bos.id or MealId(0)) is None  # another user's meal is not found
        assert (await history.meal(bo, bos.id or MealId(0))) == bos
    finally:
        await engine.dispose()


async def test_recent_meals_is_one_statement_whatever_the_number_of_meals(db_url: str) -> None:
    # The ORM's selectin load sent "IN ($1, ..., $N)": a new SQL text, so a new prepared statement kept on each
    # pooled connection, for every count of meals (docs/load.md "Memory"). One text now.
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    sent: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement)

    try:
        ana, bo = await _users(sessions, "ana", "bo")
        for n in range(7):
            await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(ana, KINDS[n % 3], f"meal {n}"))
        await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(bo, (APPLE,), "bo's"))
        history = SqlMealHistory(sessions)
        event.listen(engine.sync_engine, "before_cursor_execute", record)
        found = {limit: await history.recent_meals(ana, limit) for limit in (1, 2, 5, 200)}
        found_bo = await history.recent_meals(bo, 200)
        event.remove(engine.sync_engine, "before_cursor_execute", record)
        selects = [statement for statement in sent if statement.startswith("SELECT")]  # not SQLite's BEGIN
        assert len(selects) == 5 and len(set(selects)) == 1  # one statement a call, the same text each time
        assert [m.description for m in found[200]] == [f"meal {n}" for n in reversed(range(7))]  # newest first
        assert [m.items for m in found[5]] == [KINDS[n % 3] for n in (6, 5, 4, 3, 2)]  # items in order
        assert [len(found[limit]) for limit in (1, 2, 5)] == [1, 2, 5]
        assert [m.description for m in found_bo] == ["bo's"]
    finally:
        await engine.dispose()


async def test_favourites_keep_their_items_exactly_and_names_are_unique_in_any_case(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        ana, bo = await _users(sessions, "ana", "bo")
        store = SqlFavouriteStore(sessions)
        lunch = await store.add(Favourite(None, ana, "Lunch", (SOUP, APPLE), "soupe et pomme"))
        assert lunch.id is not None and lunch.items == (SOUP, APPLE) and lunch.kcal == pytest.approx(378.5)
        await store.add(Favourite(None, bo, "lunch", (APPLE,)))  # the same name for someone else is fine
        with pytest.raises(InvalidValue):
            await store.add(Favourite(None, ana, "LUNCH", (APPLE,)))
        await store.add(Favourite(None, ana, "apple", (APPLE,)))
        assert [f.name for f in await store.favourites(ana)] == ["apple", "Lunch"]
        with pytest.raises(InvalidValue):
            await store.rename(ana, lunch.id, "Apple")
        await store.rename(bo, lunch.id, "stolen")  # not bo's: nothing happens
        await store.rename(ana, lunch.id, "soup lunch")
        assert [f.name for f in await store.favourites(ana)] == ["apple", "soup lunch"]
        assert not await store.delete(bo, lunch.id)
        assert await store.delete(ana, lunch.id) and not await store.delete(ana, lunch.id)
        assert [f.name for f in await store.favourites(ana)] == ["apple"]
        assert [f.name for f in await store.favourites(bo)] == ["lunch"]
    finally:
        await engine.dispose()


async def test_favourites_go_with_a_deleted_user_and_follow_a_joined_one(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        ana, bo, cy = await _users(sessions, "ana", "bo", "cy")
        store, accounts = SqlFavouriteStore(sessions), SqlAccountStore(sessions)
        await store.add(Favourite(None, ana, "soup", (SOUP,)))
        await store.add(Favourite(None, bo, "apple", (APPLE,)))
        await store.add(Favourite(None, bo, "Soup", (SOUP, APPLE)))  # its name is taken in ana's account
        await store.add(Favourite(None, bo, "my soup", (SOUP,)))  # the very same foods as ana's "soup"
        await store.add(Favourite(None, cy, "gone", (APPLE,)))
        await accounts.join_identity("console", "bo", ana)  # bo's only identity joins ana: bo goes
        assert sorted((f.name, f.items) for f in await store.favourites(ana)) == [
            ("Soup 2", (SOUP, APPLE)),  # kept under a numbered name, not lost with bo's account
            ("apple", (APPLE,)),
            ("soup", (SOUP,)),
        ]
        await accounts.delete_user(cy)
        async with engine.connect() as conn:
            left = (await conn.execute(text("SELECT user_id FROM favourites ORDER BY id"))).scalars().all()
        assert left == [int(ana)] * 3
    finally:
        await engine.dispose()


async def test_the_migration_goes_down_and_up(db_url: str) -> None:
    engine = make_engine(db_url)
    url = engine.url.render_as_string(hide_password=False)
    sessions = make_session_factory(engine)
    try:
        (ana,) = await _users(sessions, "ana")
        await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(ana, (SOUP,), "soup"))
        await SqlFavouriteStore(sessions).add(Favourite(None, ana, "soup", (SOUP,)))
        async with engine.begin() as conn:
            await conn.run_sync(migrate, url, "favourites@0001_foundation", True)
            tables = await conn.run_sync(table_names)
        assert "favourites" not in tables and {"users", "meals"} <= tables
        async with engine.begin() as conn:
            await conn.run_sync(migrate, url, "favourites@head")
        await upgrade(engine)  # nothing left to do: every head reached
        assert await SqlFavouriteStore(sessions).favourites(ana) == []
        assert [m.items for m in await SqlMealHistory(sessions).recent_meals(ana, 5)] == [(SOUP,)]  # meals kept
        await SqlFavouriteStore(sessions).add(Favourite(None, ana, "soup", (SOUP,)))
        assert [f.name for f in await SqlFavouriteStore(sessions).favourites(ana)] == ["soup"]
    finally:
        await engine.dispose()
