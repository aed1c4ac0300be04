"""Seeding the shipped foods: done once, then skipped by the digest of the shipped files without loading a food."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

import storage.food.seed as seed
from core.model.food import Food
from storage.food.index_cache import VERSION
from storage.food.tables import FoodMetaRow, FoodRow
from tests.integration.test_food_catalog import run

PACKAGE = Path(seed.__file__).resolve().parents[1] / "builtin_foods"


async def _meta(engine: AsyncEngine, name: str) -> str | None:
    async with engine.connect() as conn:
        value: str | None = await conn.scalar(select(FoodMetaRow.value).where(FoodMetaRow.name == name))
    return value


async def _builtin_count(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).where(FoodRow.source == "builtin")) or 0)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the shipped foods were read (the real loader still runs)."""
    calls: list[int] = []
    real = seed.default_foods

    def counting() -> list[Food]:
        foods = real()
        calls.append(len(foods))
        return foods

    monkeypatch.setattr(seed, "default_foods", counting)
    return calls


def test_shipped_foods_are_seeded_once_then_skipped_without_loading(db_url: str, loads: list[int]) -> None:
    async def job(engine: AsyncEngine) -> tuple[int, int, int, str | None, str | None]:
        first = await seed.seed_builtin_foods(engine)
        version = await _meta(engine, VERSION)
        second = await seed.seed_builtin_foods(engine)
        return first, second, await _builtin_count(engine), version, await _meta(engine, VERSION)

    first, second, count, version_before, version_after = run(db_url, job)
    assert loads and first == loads[0] == count > 100
    assert second == 0 and len(loads) == 1  # the second start read no food
    assert version_before is not None and version_after == version_before  # the index cache stays valid


def test_a_new_source_digest_with_the_same_foods_writes_nothing(db_url: str, loads: list[int]) -> None:
    async def job(engine: AsyncEngine) -> tuple[int, str | None, str | None, str | None]:
        await seed.seed_builtin_foods(engine)
        version = await _meta(engine, VERSION)
        async with engine.begin() as conn:  # as after an upgrade that changed only a comment of the loader
            await conn.execute(update(FoodMetaRow).where(FoodMetaRow.name == seed.SOURCE).values(value="old"))
        written = await seed.seed_builtin_foods(engine)
        return written, await _meta(engine, seed.SOURCE), version, await _meta(engine, VERSION)

    written, source, version_before, version_after = run(db_url, job)
    assert written == 0 and len(loads) == 2  # loaded again, compared by values, nothing rewritten
    assert source == seed.shipped_source() and version_after == version_before


def test_changed_foods_are_upserted_again(db_url: str) -> None:
    banana = Food("builtin:banana", "banana", 89, 1.1, 22.8, 0.3, generic=True)

    async def job(engine: AsyncEngine) -> tuple[int, int, int, str | None]:
        await seed.seed_builtin_foods(engine)
        first = await seed.seed_builtin_foods(engine, lambda: [banana])
        again = await seed.seed_builtin_foods(engine, lambda: [banana])
        shipped = await seed.seed_builtin_foods(engine)  # the shipped release again: the other load's mark differs
        return first, again, shipped, await _meta(engine, seed.SOURCE)

    first, again, shipped, source = run(db_url, job)
    assert (first, again) == (1, 0) and shipped > 100 and source == seed.shipped_source()


def test_the_source_digest_follows_every_shipped_file(tmp_path: Path) -> None:
    package, model = tmp_path / "builtin_foods", tmp_path / "food.py"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(seed.FOOD_MODEL, model)
    marks = [seed.shipped_source(package, model)]
    assert marks[0] == seed.shipped_source()  # the copy has the same digest as the package itself
    table = sorted((package / "data").glob("*.csv"))[0]
    table.write_text(table.read_text(encoding="utf-8").replace(",", ", ", 1), encoding="utf-8")
    marks.append(seed.shipped_source(package, model))
    (package / "portions" / "usda_sr28.csv").write_text("id,portion,grams,source\n", encoding="utf-8")
    marks.append(seed.shipped_source(package, model))
    (package / "loader.py").write_text("# changed\n", encoding="utf-8")
    marks.append(seed.shipped_source(package, model))
    model.write_text("# changed\n", encoding="utf-8")
    marks.append(seed.shipped_source(package, model))
    table.rename(table.with_name("z_" + table.name))
    marks.append(seed.shipped_source(package, model))
    assert len(set(marks)) == len(marks)
