"""Batched upserts of foods with ``INSERT ... ON CONFLICT (key) DO UPDATE`` on SQLite and PostgreSQL.

Rows are plain dicts of column values (see :func:`food_record`); a batch is deduplicated by key
first, because one statement may not touch the same row twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Column, MetaData, Table, bindparam, select
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection

from core.food.normalize import fold
from core.model.food import Food
from storage.dialect_insert import dialect_insert
from storage.food.tables import FoodRow

FOODS = cast(Table, FoodRow.__table__)
COLUMNS = ("key", *(
    "name", "brand", "barcode", "kcal_100g", "protein_100g", "carbs_100g", "fat_100g", "generic", "source",
    "aliases", "portions", "default_grams", "search_name", "search_brand", "name_fr",
))  # fmt: skip
_COMPILED: dict[str, tuple[str, tuple[str, ...]]] = {}
_PG_STMT: Any = None
STAGE = Table("foods_stage", MetaData(), *(Column(c, FOODS.c[c].type) for c in COLUMNS))
_STAGE_DDL = (
    f"CREATE TEMP TABLE IF NOT EXISTS {STAGE.name} ON COMMIT DELETE ROWS AS "
    f"SELECT {', '.join(COLUMNS)} FROM foods WITH NO DATA"
)
UPDATED = (
    "name", "brand", "barcode", "kcal_100g", "protein_100g", "carbs_100g", "fat_100g", "generic", "source",
    "aliases", "portions", "default_grams", "search_name", "search_brand", "name_fr",
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
        "name_fr": food.name_fr,
    }


def _upsert_sql(dialect: Dialect) -> tuple[str, tuple[str, ...]]:
    """The dialect's ``INSERT ... ON CONFLICT (key) DO UPDATE`` compiled once, with its parameter order."""
    cached = _COMPILED.get(dialect.name)
    if cached is None:
        construct = dialect_insert(dialect.name, FOODS)
        stmt = construct.values({c: bindparam(c) for c in COLUMNS}).on_conflict_do_update(
            index_elements=["key"], set_={c: getattr(construct.excluded, c) for c in UPDATED}
        )
        compiled = stmt.compile(dialect=dialect)
        cached = _COMPILED[dialect.name] = (str(compiled), tuple(compiled.positiontup or ()))
    return cached


async def upsert_foods(conn: AsyncConnection, rows: Sequence[dict[str, Any]]) -> int:
    """Insert or update ``rows`` (by key) in one batch; returns how many distinct keys were written.

    The statements are SQLAlchemy's SQLite / PostgreSQL insert constructs. SQLite: compiled once, the
    rows go to the driver's ``executemany`` as tuples (no per-row processing, which would cost more
    than the database work at a million rows). PostgreSQL: the batch is COPYed into a temporary
    table and upserted from it in one statement (twice as fast as row-wise binds, measured).
    """
    unique = list({row["key"]: row for row in rows}.values())
    if not unique:
        return 0
    if conn.dialect.name == "postgresql":
        await _pg_copy_upsert(conn, unique)
        return len(unique)
    sql, order = _upsert_sql(conn.dialect)
    await conn.exec_driver_sql(sql, [tuple(row[c] for c in order) for row in unique])
    return len(unique)


async def _pg_copy_upsert(conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL: COPY the batch into a session temp table, then one INSERT ... SELECT ... ON CONFLICT."""
    global _PG_STMT
    if _PG_STMT is None:
        construct = dialect_insert("postgresql", FOODS).from_select(
            list(COLUMNS), select(*(STAGE.c[c] for c in COLUMNS))
        )
        _PG_STMT = construct.on_conflict_do_update(
            index_elements=["key"], set_={c: getattr(construct.excluded, c) for c in UPDATED}
        )
    await conn.exec_driver_sql(_STAGE_DDL)  # also opens the transaction the COPY joins
    driver: Any = (await conn.get_raw_connection()).driver_connection
    records = [tuple(row[c] for c in COLUMNS) for row in rows]
    await driver.copy_records_to_table(STAGE.name, records=records, columns=list(COLUMNS))
    await conn.execute(_PG_STMT)
