"""Building the in-process word index from the ``foods`` table in one streamed pass.

Built-in aliases ("banane", "bananas") become extra documents pointing at the same row, so a
French or plural query meets a short name and ranks like the canonical one.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.food.index import IndexBuilder, WordIndex
from core.food.normalize import fold
from storage.food.tables import FoodRow

CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class LoadedIndex:
    """The index and what building it cost."""

    index: WordIndex
    foods: int
    seconds: float


async def load_index(engine: AsyncEngine) -> LoadedIndex:
    """Read every food's folded name, brand, flag and aliases, and build the index."""
    started = time.perf_counter()
    builder = IndexBuilder()
    count = 0
    stmt = select(FoodRow.id, FoodRow.search_name, FoodRow.search_brand, FoodRow.generic, FoodRow.aliases)
    async with engine.connect() as conn:
        result = await conn.stream(stmt.execution_options(yield_per=CHUNK))
        async for rows in result.partitions(CHUNK):
            for ref, name, brand, generic, aliases in rows:
                builder.add(ref, name, brand, bool(generic))
                if aliases != "[]":
                    for alias in json.loads(aliases):
                        builder.add(ref, fold(alias), "", bool(generic))
                count += 1
    index = builder.build()
    return LoadedIndex(index, count, time.perf_counter() - started)
