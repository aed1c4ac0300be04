"""Seeding the built-in foods on start: offline, idempotent, skipped when nothing changed.

A fingerprint of the shipped data is kept in ``food_meta``; a new release with changed foods is
upserted again (rows are keyed by ``builtin:<slug>``, so nothing is duplicated).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.food import Food
from storage.food.index_cache import stamp_version
from storage.food.tables import FoodMetaRow
from storage.food.writer import food_record, upsert_foods

FINGERPRINT = "builtin_fingerprint"
BATCH = 500


def default_foods() -> list[Food]:
    """The shipped foods (imported lazily: the data package is optional for tests of other parts)."""
    from storage.builtin_foods import load_builtin_foods

    return load_builtin_foods()


def fingerprint(foods: Sequence[Food]) -> str:
    """A digest of the foods' values."""
    digest = hashlib.sha256()
    for food in foods:
        digest.update(repr(food).encode())
    return digest.hexdigest()


async def seed_builtin_foods(engine: AsyncEngine, load: Callable[[], list[Food]] = default_foods) -> int:
    """Upsert the built-in foods unless the same data was seeded already; returns rows written."""
    foods = load()
    mark = fingerprint(foods)
    async with engine.begin() as conn:
        stored = await conn.scalar(select(FoodMetaRow.value).where(FoodMetaRow.name == FINGERPRINT))
        if stored == mark:
            return 0
        written = 0
        for start in range(0, len(foods), BATCH):
            chunk = foods[start : start + BATCH]
            written += await upsert_foods(conn, [food_record(f, "builtin") for f in chunk])
        table = cast(Table, FoodMetaRow.__table__)
        await conn.execute(table.delete().where(table.c.name == FINGERPRINT))
        await conn.execute(table.insert().values(name=FINGERPRINT, value=mark))
        await stamp_version(conn)
    return written
