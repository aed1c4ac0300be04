"""The close-out's schema choices hold: meal totals are kept, day results go with their user, migration keeps data."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import UserId
from core.rules.game_rules import GameRules
from storage.chat.accounts import SqlAccountStore
from storage.engine import make_engine, make_session_factory
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.tables import DayResultRow, TrophyRow
from storage.migrate import upgrade
from storage.models import IdentityRow, MealRow
from tests.integration.gamification_world import add_meal, add_user, random_profile
from tests.integration.schema_steps import migrate

DAY = date(2026, 3, 8)


async def _rows(engine: AsyncEngine, user_id: int) -> int:
    async with engine.connect() as conn:
        total = 0
        for table in (DayResultRow, TrophyRow):
            query = select(func.count()).select_from(table).where(table.user_id == user_id)
            total += int((await conn.execute(query)).scalar_one())
        return total


async def test_deleting_or_merging_a_user_deletes_their_day_results_and_trophies(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        rng = random.Random(3)
        for user_id in (1, 2, 3):
            await add_user(engine, user_id, random_profile(rng))
            await add_meal(engine, user_id, DAY, [500.0, 300.0])
        async with engine.begin() as conn:
            rows = [{"platform": "telegram", "external_id": str(n), "user_id": n} for n in (1, 2, 3)]
            await conn.execute(insert(IdentityRow), rows)
        assert (await SqlBulkCloser(engine, GameRules()).close_out(DAY, None))[0] == 3
        accounts = SqlAccountStore(make_session_factory(engine))
        await accounts.delete_user(UserId(1))
        await accounts.join_identity("telegram", "3", UserId(2))  # user 3 is merged into 2 and removed
        assert [await _rows(engine, n) for n in (1, 2, 3)] == [0, 2, 0]  # a day result and "first meal"
    finally:
        await engine.dispose()


async def test_the_migration_keeps_meals_and_day_results(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(migrate, engine.url.render_as_string(hide_password=False), "gamification_0001", True)
        await add_user(engine, 1, random_profile(random.Random(5)))
        async with engine.begin() as conn:
            columns = ", ".join(["meal_id", "position", "name", "grams", "kcal", "protein_g", "carbs_g", "fat_g"])
            meal = "INSERT INTO meals (id, user_id, eaten_at, local_day, description, input_kind)"
            await conn.execute(text(f"{meal} VALUES (7, 1, '2026-03-08 12:00:00', '2026-03-08', 'x', 'text')"))
            for n, kcal in enumerate((420.5, 99.5)):
                values = f"7, {n}, 'f', 100, {kcal}, 1, 1, 1, 'manual', {kcal}, {kcal}"
                await conn.execute(
                    text(f"INSERT INTO meal_items ({columns}, source, low_kcal, high_kcal) VALUES ({values})")
                )
            names = [c for c in (await conn.run_sync(_columns)) if c != "id"]
            values = ", ".join("'2026-03-07'" if c == "day" else "'won'" if c == "result" else "1" for c in names)
            await conn.execute(text(f"INSERT INTO day_results ({', '.join(names)}) VALUES ({values})"))
        await upgrade(engine)
        async with engine.connect() as conn:
            assert (await conn.execute(select(MealRow.kcal).where(MealRow.id == 7))).scalar_one() == 520.0
            kept = [tuple(row) for row in (await conn.execute(select(DayResultRow.day, DayResultRow.result))).all()]
        assert kept == [(date(2026, 3, 7), "won")]
    finally:
        await engine.dispose()


def _columns(connection: Connection) -> list[str]:
    from sqlalchemy import inspect

    return [str(c["name"]) for c in inspect(connection).get_columns("day_results")]
