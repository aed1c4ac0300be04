"""Batched upserts of foods with ``INSERT ... ON CONFLICT (key) DO UPDATE`` on SQLite and PostgreSQL.

Rows are plain dicts of column values (see :func:`food_record`); a batch is deduplicated by key
first, because one statement may not touch the same row twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection

from core.food.normalize import fold
from core.model.food import Food
from storage.food.tables import FoodRow

FOODS = cast(Table, FoodRow.__table__)
COLUMNS = ("key", *(
    "name", "brand", "barcode", "kcal_100g", "protein_100g", "carbs_100g", "fat_100g", "generic", "source",
    "aliases", "portions", "default_grams", "search_name", "search_brand",
))  # fmt: skip
_COMPILED: dict[str, tuple[str, tuple[str, ...]]] = {}
_PG_STMT: Any = None
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


def _upsert_sql(dialect: Dialect) -> tuple[str, tuple[str, ...]]:
    """The dialect's ``INSERT ... ON CONFLICT (key) DO UPDATE`` compiled once, with its parameter order."""
    cached = _COMPILED.get(dialect.name)
    if cached is None:
        construct = postgresql.insert(FOODS) if dialect.name == "postgresql" else sqlite.insert(FOODS)
        stmt = construct.values({c: bindparam(c) for c in COLUMNS}).on_conflict_do_update(
            index_elements=["key"], set_={c: getattr(construct.excluded, c) for c in UPDATED}
        )
        compiled = stmt.compile(dialect=dialect)
        cached = _COMPILED[dialect.name] = (str(compiled), tuple(compiled.positiontup or ()))
    return cached


async def upsert_foods(conn: AsyncConnection, rows: Sequence[dict[str, Any]]) -> int:
    """Insert or update ``rows`` (by key) in one batch; returns how many distinct keys were written.

    The statement is built with SQLAlchemy's SQLite / PostgreSQL insert constructs and compiled once;
    the rows go to the driver's ``executemany`` as tuples, which skips per-row processing that costs
    more than the database work itself at a million rows.
    """
    unique = list({row["key"]: row for row in rows}.values())
    if not unique:
        return 0
    if conn.dialect.name == "postgresql":
        await conn.execute(_pg_unnest_upsert(), {f"p_{c}": [row[c] for row in unique] for c in COLUMNS})
        return len(unique)
    sql, order = _upsert_sql(conn.dialect)
    await conn.exec_driver_sql(sql, [tuple(row[c] for c in order) for row in unique])
    return len(unique)


def _pg_unnest_upsert() -> Any:
    """PostgreSQL: one statement per batch, the rows passed as one array per column and unnested."""
    global _PG_STMT
    if _PG_STMT is None:
        source = select(*(func.unnest(bindparam(f"p_{c}", type_=ARRAY(FOODS.c[c].type))).label(c) for c in COLUMNS))
        construct = postgresql.insert(FOODS).from_select(list(COLUMNS), source)
        _PG_STMT = construct.on_conflict_do_update(
            index_elements=["key"], set_={c: getattr(construct.excluded, c) for c in UPDATED}
        )
    return _PG_STMT
