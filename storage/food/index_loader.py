"""Building the in-process word index from the ``foods`` table in one streamed pass.

Built-in aliases ("banane", "bananas") become extra documents pointing at the same row, so a
French or plural query meets a short name and ranks like the canonical one. A SQLite file is read
through a private ``sqlite3`` connection in a worker thread (no per-row async overhead);
PostgreSQL is read through the engine's asyncpg connection with a cursor, 20,000 rows a fetch.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.food.index import IndexBuilder, WordIndex
from core.food.normalize import fold
from storage.food.tables import FoodRow

CHUNK = 20_000
_SQL = "SELECT id, search_name, search_brand, generic, aliases FROM foods"


@dataclass(frozen=True, slots=True)
class LoadedIndex:
    """The index and what building it cost."""

    index: WordIndex
    foods: int
    seconds: float


def _add_rows(builder: IndexBuilder, rows: Iterable[Any]) -> int:
    count = 0
    for ref, name, brand, generic, aliases in rows:
        builder.add(ref, name, brand, bool(generic))
        if aliases != "[]":
            for alias in json.loads(aliases):
                builder.add(ref, fold(alias), "", bool(generic))
        count += 1
    return count


def _load_sqlite_file(path: str) -> tuple[WordIndex, int]:
    builder = IndexBuilder()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cursor = conn.execute(_SQL)
        count = 0
        while rows := cursor.fetchmany(CHUNK):
            count += _add_rows(builder, rows)
    finally:
        conn.close()
    return builder.build(), count


async def load_index(engine: AsyncEngine) -> LoadedIndex:
    """Read every food's folded name, brand, flag and aliases, and build the index."""
    started = time.perf_counter()
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        index, count = await asyncio.to_thread(_load_sqlite_file, url.database)
        return LoadedIndex(index, count, time.perf_counter() - started)
    builder = IndexBuilder()
    count = 0
    async with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            driver: Any = (await conn.get_raw_connection()).driver_connection
            async with driver.transaction():
                cursor = await driver.cursor(_SQL)
                while rows := await cursor.fetch(CHUNK):
                    count += _add_rows(builder, rows)
        else:
            stmt = select(FoodRow.id, FoodRow.search_name, FoodRow.search_brand, FoodRow.generic, FoodRow.aliases)
            result = await conn.stream(stmt.execution_options(yield_per=CHUNK))
            async for part in result.partitions(CHUNK):
                count += _add_rows(builder, part)
    index = builder.build()
    return LoadedIndex(index, count, time.perf_counter() - started)
