"""The French name is stored with each food: built-in foods have one, imported products keep the English name."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.food import Food
from storage.food.catalog import SqlFoodCatalog
from storage.food.seed import seed_builtin_foods
from storage.food.writer import food_record, upsert_foods
from storage.food_import.records import RawFood, to_record
from tests.integration.test_food_catalog import run


def test_built_in_foods_carry_their_french_name_and_imports_none(db_url: str) -> None:
    async def job(engine: AsyncEngine) -> tuple[Food | None, Food | None, Food | None, Food]:
        await seed_builtin_foods(engine)
        record, _ = to_record(RawFood("off", "3017620422003", "Hazelnut spread", 539, None, 6.3, 57.5, 30.9, "Ferrero"))
        assert record is not None
        async with engine.begin() as conn:
            await upsert_foods(conn, [record, food_record(Food("usda:1", "Kale chips", 480, 8, 50, 28), "usda")])
        catalog = SqlFoodCatalog(engine)
        try:
            await catalog.refresh()
            found = [await catalog.get(key) for key in ("builtin:banana", "off:3017620422003", "usda:1")]
            banana = (await catalog.search("banane", 1))[0].food
            return found[0], found[1], found[2], banana
        finally:
            await catalog.aclose()

    banana, spread, kale, searched = run(db_url, job)
    assert banana is not None and banana.name == "banana" and banana.name_fr == "banane"
    assert banana.name_in("fr") == "banane" and searched.name_fr == "banane"  # the search's rows carry it too
    assert spread is not None and spread.name_fr is None and spread.name_in("fr") == "Hazelnut spread"
    assert kale is not None and kale.name_fr is None and kale.name_in("fr") == "Kale chips"
