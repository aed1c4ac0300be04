import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.food import Food, Portion
from storage.engine import make_engine
from storage.food.catalog import build_catalog
from storage.food.seed import seed_builtin_foods
from storage.food.tables import FoodRow
from storage.food_import.pipeline import import_file
from tests.integration import food_files

T = TypeVar("T")

FOODS = [
    Food("builtin:banana", "banana", 89, 1.1, 22.8, 0.3, generic=True, aliases=("banane", "bananas"),
         portions=(Portion("1 medium", 118),), default_grams=118),
    Food("builtin:banana-bread", "banana bread", 326, 4.3, 54.6, 10.5, generic=True),
    Food("builtin:apple", "apple", 52, 0.3, 13.8, 0.2, generic=True, aliases=("pomme",)),
]  # fmt: skip


def run(db_url: str, job: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    async def _main() -> T:
        engine = make_engine(db_url)
        try:
            return await job(engine)
        finally:
            await engine.dispose()

    return asyncio.run(_main())


async def _count(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(FoodRow)) or 0)


def test_seeding_is_idempotent_and_skipped_when_unchanged(db_url: str) -> None:
    async def job(engine: AsyncEngine) -> Any:
        first = await seed_builtin_foods(engine, lambda: FOODS)
        second = await seed_builtin_foods(engine, lambda: FOODS)
        changed = [FOODS[0], FOODS[1], Food("builtin:apple", "apple", 53, 0.3, 13.8, 0.2, generic=True)]
        third = await seed_builtin_foods(engine, lambda: changed)
        return first, second, third, await _count(engine)

    assert run(db_url, job) == (3, 0, 3, 3)


def test_catalog_search_get_and_barcode(db_url: str, tmp_path: Path) -> None:
    path = food_files.write_tsv(tmp_path / "products.tsv")

    async def job(engine: AsyncEngine) -> Any:
        await seed_builtin_foods(engine, lambda: FOODS)
        await import_file(engine, path, progress=False)
        catalog = await build_catalog(engine, seed=False)
        try:
            return (
                await catalog.search("banana", 5),
                await catalog.search("banane", 1),
                await catalog.search("nutela", 1),
                await catalog.get("builtin:banana"),
                await catalog.get("nope:1"),
                await catalog.by_barcode("036000291452"),
                await catalog.by_barcode("0036000291452"),
                await catalog.by_barcode("3017620422004"),
                await catalog.search("", 5),
            )
        finally:
            await catalog.aclose()

    found, french, typo, banana, missing, upc, ean, bad_check, empty = run(db_url, job)
    assert [m.food.id for m in found][:2] == ["builtin:banana", "builtin:banana-bread"]
    assert found[0].food.portions == (Portion("1 medium", 118.0),)
    assert found[0].food.aliases == ("banane", "bananas")
    assert [m.food.id for m in french] == ["builtin:banana"]
    assert typo[0].food.name == "Nutella" and typo[0].food.brand == "Ferrero"
    assert banana is not None and banana.default_grams == 118
    assert missing is None
    assert upc is not None and upc == ean and upc.name == "Cereal bar (duplicate in 13 digits)"
    assert bad_check is None
    assert empty == []


def test_build_catalog_seeds_the_shipped_foods(db_url: str) -> None:
    async def job(engine: AsyncEngine) -> Any:
        catalog = await build_catalog(engine)
        found = await catalog.search("apple", 1)
        await catalog.aclose()
        return catalog.size, await _count(engine), found

    size, stored, apple = run(db_url, job)
    assert stored >= 200 and size >= stored
    assert apple[0].food.generic


def test_index_cache_is_used_until_the_data_changes(db_url: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = food_files.write_tsv(tmp_path / "products.tsv")

    async def job(engine: AsyncEngine) -> Any:
        await seed_builtin_foods(engine, lambda: FOODS)
        first = await build_catalog(engine, seed=False, cache_dir=cache)
        second = await build_catalog(engine, seed=False, cache_dir=cache)
        await import_file(engine, path, progress=False)
        third = await build_catalog(engine, seed=False, cache_dir=cache)
        found = await third.search("nutella", 1)
        await third.aclose()
        return first, second, third, found

    first, second, third, found = run(db_url, job)
    assert (first.from_cache, second.from_cache, third.from_cache) == (False, True, False)
    assert second.size == first.size == 6  # three foods and their three aliases
    assert third.size > second.size
    assert found[0].food.name == "Nutella"


def test_damaged_cache_is_rebuilt(db_url: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"

    async def job(engine: AsyncEngine) -> Any:
        await seed_builtin_foods(engine, lambda: FOODS)
        await build_catalog(engine, seed=False, cache_dir=cache)
        (cache / "food_index.pickle").write_bytes(b"not a pickle")
        again = await build_catalog(engine, seed=False, cache_dir=cache)
        found = await again.search("pomme", 1)
        await again.aclose()
        return again.from_cache, found

    from_cache, found = run(db_url, job)
    assert not from_cache and found[0].food.id == "builtin:apple"
