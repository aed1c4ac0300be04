"""A Save handled twice stores the meal once (SQLite and PostgreSQL): the meal remembers its estimate.

The database can go away after a meal was committed but before the chat state saying so was written; the
update is then handled again (a webhook redelivery, or long polling's in-process redelivery) and the same
estimate is saved a second time. ``LogMeal.estimate_key`` makes that second save find the first meal.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.model import ItemSource, MealItem, Profile, UserAccount
from core.services.log_meal import LogMeal, log_meal
from storage.engine import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.unit_of_work import SqlUnitOfWork
from tests.fakes.memory import FixedClock
from tests.integration.schema_steps import migrate

pytestmark = pytest.mark.postgres
ITEM = MealItem("soup", 300, 200, 5, 20, 8, ItemSource.MANUAL, 180, 220)
CLOCK = FixedClock(datetime(2026, 6, 1, 12, 0, tzinfo=UTC))


async def test_the_same_estimate_saved_twice_is_one_meal(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        async with SqlUnitOfWork(sessions) as uow:
            ana = await uow.users.create("console", "ana", "ana", Profile())
            ben = await uow.users.create("console", "ben", "ben", Profile())
            await uow.commit()
        key = "k7Hq2rS9xYb1"  # the random key an estimate gets when shown
        first = await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(ana.id, (ITEM,), "soup", estimate_key=key))
        again = await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(ana.id, (ITEM,), "soup", estimate_key=key))
        assert again.meal == first.meal and first.meal.estimate_key == key and again.meal.items == (ITEM,)
        other = await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(ben.id, (ITEM,), "soup", estimate_key=key))
        assert other.meal.id != first.meal.id  # the key is per user
        newer = "Zp4mW8cVn3Qe"  # a new estimate of the same food is a new meal
        await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(ana.id, (ITEM,), "soup", estimate_key=newer))
        for _ in range(2):  # meals saved without an estimate (/add, favourites) never match each other
            await log_meal(SqlUnitOfWork(sessions), CLOCK, LogMeal(ana.id, (ITEM,), "soup"))
        async with SqlUnitOfWork(sessions) as uow:
            assert len(await uow.meals.on_day(ana.id, CLOCK.now().date())) == 4
        edit = LogMeal(ana.id, (ITEM, ITEM), "soup", replaces=first.meal.id, estimate_key="Edit5kQ2mZ7v")
        edited = await log_meal(SqlUnitOfWork(sessions), CLOCK, edit)  # an edit of a saved meal replaces it
        redone = await log_meal(SqlUnitOfWork(sessions), CLOCK, edit)  # redone: not "that meal is gone"
        assert redone.meal == edited.meal and edited.meal.id != first.meal.id
        async with SqlUnitOfWork(sessions) as uow:
            assert len(await uow.meals.on_day(ana.id, CLOCK.now().date())) == 4
    finally:
        await engine.dispose()


async def test_the_migration_goes_down_and_up_keeping_meals(db_url: str) -> None:
    engine = make_engine(db_url)
    url = engine.url.render_as_string(hide_password=False)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(migrate, url, "meals_0001", True)
            await conn.execute(
                text("INSERT INTO users (id, display_name, rate_kg_per_week, timezone, language, active, created_at) "
                     "VALUES (41, 'x', 0.5, 'UTC', 'en', true, '2026-01-01 00:00:00+00')")
            )  # fmt: skip
            await conn.execute(
                text("INSERT INTO meals (id, user_id, eaten_at, local_day, description, input_kind, kcal) "
                     "VALUES (77, 41, '2026-01-01 08:00:00+00', '2026-01-01', 'oats', 'text', 300)")
            )  # fmt: skip
            await conn.run_sync(migrate, url, "meals_0002")
            rows = (await conn.execute(text("SELECT id, estimate_key FROM meals WHERE user_id = 41"))).all()
            assert [tuple(r) for r in rows] == [(77, None)]
            await conn.run_sync(migrate, url, "meals_0001", True)
            assert (await conn.execute(text("SELECT count(*) FROM meals WHERE user_id = 41"))).scalar() == 1
        await upgrade(engine)
    finally:
        await engine.dispose()


async def _new_user(sessions: async_sessionmaker[AsyncSession], name: str) -> UserAccount:
    async with SqlUnitOfWork(sessions) as uow:
        user = await uow.users.create("console", name, name, Profile())
        await uow.commit()
    return user


async def test_a_save_is_one_statement_on_postgresql_and_stores_every_item_as_given(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    sent: list[str] = []
    items = (
        MealItem("toast " + "x" * 250, 40, 110.5, 3.5, 20, 1.5, ItemSource.DATABASE, 90, 130, "builtin:toast_white"),
        ITEM,
        MealItem("egg", 50, 72, 6.3, 0.4, 4.8, ItemSource.AI, 60, 85),
    )
    try:
        ana = await _new_user(sessions, "ana")

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _count(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
            sent.append(" ".join(statement.split())[:30])

        @event.listens_for(engine.sync_engine, "begin")
        def _begun(conn: Any) -> None:
            if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
                sent.append("BEGIN")

        save = LogMeal(ana.id, items, "toast, soup and an egg", estimate_key="Q1w2E3r4T5y6")
        first = await log_meal(SqlUnitOfWork(sessions), CLOCK, save)
        saving = list(sent)
        again = await log_meal(SqlUnitOfWork(sessions), CLOCK, save)
        async with SqlUnitOfWork(sessions) as uow:
            stored = await uow.meals.on_day(ana.id, CLOCK.now().date())
    finally:
        await engine.dispose()
    expected = (replace(items[0], name=items[0].name[:200]), *items[1:])
    assert [(m.id, m.items, m.description, m.eaten_at, m.meal_type) for m in stored] == [
        (first.meal.id, expected, "toast, soup and an egg", CLOCK.now(), first.meal.meal_type)
    ]
    assert first.meal == stored[0] and again.meal == stored[0]
    writes = [s for s in saving if s.startswith(("INSERT", "WITH", "BEGIN"))]
    if engine.dialect.name == "postgresql":  # the meal and its items in one autocommitted statement
        assert len(writes) == 1 and writes[0].startswith("WITH meal AS")
    else:  # SQLite: in the unit's transaction, the meal then its items
        assert writes[0].startswith("BEGIN") and len(writes) >= 3


async def test_two_saves_of_one_estimate_at_once_store_one_meal(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        ana = await _new_user(sessions, "ana")
        save = LogMeal(ana.id, (ITEM,), "soup", estimate_key="Twice7Zx2Lp0")
        both = await asyncio.gather(*(log_meal(SqlUnitOfWork(sessions), CLOCK, save) for _ in range(2)))
        async with SqlUnitOfWork(sessions) as uow:
            stored = await uow.meals.on_day(ana.id, CLOCK.now().date())
    finally:
        await engine.dispose()
    assert len(stored) == 1 and both[0].meal == both[1].meal == stored[0]
