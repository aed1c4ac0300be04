"""The SQL catalogue's kept search answers and rows last until a refresh (an import), and no longer (issue 16)."""

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

import storage.food.catalog as catalog_module
from storage.food.catalog import build_catalog
from storage.food.seed import seed_builtin_foods
from storage.food.tables import FoodRow
from storage.food_import.pipeline import import_file
from tests.integration import food_files
from tests.integration.test_food_catalog import FOODS, run


def test_answers_kept_before_a_refresh_are_not_given_after_it(db_url: str, tmp_path: Path) -> None:
    path = food_files.write_tsv(tmp_path / "products.tsv")

    async def job(engine: AsyncEngine) -> Any:
        await seed_builtin_foods(engine, lambda: FOODS)
        catalog = await build_catalog(engine, seed=False)
        try:
            before = [m.food.name for m in await catalog.search("nutella", 3)]
            again = [m.food.name for m in await catalog.search("Nutella!", 3)]  # the same words: the kept answer
            banana = [m.food.name for m in await catalog.search("banana", 3)]
            await import_file(engine, path, progress=False)
            await catalog.refresh()
            after = [m.food.name for m in await catalog.search("nutella", 3)]
            return before, again, banana, after, [m.food.name for m in await catalog.search("banana", 3)]
        finally:
            await catalog.aclose()

    before, again, banana, after, banana_after = run(db_url, job)
    assert before == again == []
    assert after and after[0] == "Nutella"
    assert banana[0] == banana_after[0] == "banana"


async def _set_kcal(engine: AsyncEngine, key: str, kcal: float) -> None:
    async with engine.begin() as conn:
        await conn.execute(update(FoodRow).where(FoodRow.key == key).values(kcal_100g=kcal))


def test_rows_found_by_search_are_kept_until_refresh_and_bounded(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "KEPT_ROWS", 2)

    async def job(engine: AsyncEngine) -> Any:
        await seed_builtin_foods(engine, lambda: FOODS)
        catalog = await build_catalog(engine, seed=False)

        async def banana() -> float:
            return next(m.food.kcal_100g for m in await catalog.search("banana", 3) if m.food.name == "banana")

        try:
            first = await banana()
            await _set_kcal(engine, "builtin:banana", 95)
            kept = await banana()  # the row read a moment ago, not read again
            await catalog.refresh()
            refreshed = await banana()
            await _set_kcal(engine, "builtin:banana", 97)
            await catalog.search("apple", 1)  # two rows kept at most: the banana, least recent, is dropped
            reread = await banana()
            return first, kept, refreshed, reread
        finally:
            await catalog.aclose()

    assert run(db_url, job) == (89, 89, 95, 97)
