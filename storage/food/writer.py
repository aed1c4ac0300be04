"""Batched upserts of foods with ``INSERT ... ON CONFLICT (key) DO UPDATE`` on SQLite and PostgreSQL.

Rows are plain dicts of column values (see :func:`food_record`); a batch is deduplicated by key
first, because one statement may not touch the same row twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from core.food.normalize import fold
from core.model.food import Food
from storage.food.tables import FoodRow

FOODS = cast(Table, FoodRow.__table__)
UPDATED = (
    "name", "brand", "barcode", "kcal_100g", "protein_100g", "carbs_100g", "fat_100g", "generic", "source",
    "aliases", "portions", "default_grams", "search_name", "search_brand",
)  # fmt: skip


def food_record(food: Food, source: str) -> dict[str, Any]:
    """The column values of a :class:`Food`."""
    return {
        "key": food.id,
        "name": food.name,
        "brand": food.brand,
        "barcode": food.barcode,
        "kcal_100g": food.kcal_100g,
        "protein_100g": food.protein_100g,
        "carbs_100g": food.carbs_100g,
        "fat_100g": food.fat_100g,
        "generic": food.generic,
        "source": source,
        "aliases": json.dumps(list(food.aliases), ensure_ascii=False),
        "portions": json.dumps([[p.name, p.grams] for p in food.portions], ensure_ascii=False),
        "default_grams": food.default_grams,
        "search_name": fold(food.name),
        "search_brand": fold(food.brand or ""),
    }


async def upsert_foods(conn: AsyncConnection, rows: Sequence[dict[str, Any]]) -> int:
    """Insert or update ``rows`` (by key) in one statement; returns how many distinct keys were written."""
    unique = list({row["key"]: row for row in rows}.values())
    if not unique:
        return 0
    if conn.dialect.name == "postgresql":
        pg = postgresql.insert(FOODS)
        stmt: Any = pg.on_conflict_do_update(index_elements=["key"], set_={c: getattr(pg.excluded, c) for c in UPDATED})
    else:
        lite = sqlite.insert(FOODS)
        stmt = lite.on_conflict_do_update(index_elements=["key"], set_={c: getattr(lite.excluded, c) for c in UPDATED})
    await conn.execute(stmt, unique)
    return len(unique)
