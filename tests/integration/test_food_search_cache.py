"""The SQL catalogue's kept search answers belong to one index: an import and refresh answer afresh (issue 16)."""

from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from storage.food.catalog import build_catalog
from storage.food.seed import seed_builtin_foods
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
