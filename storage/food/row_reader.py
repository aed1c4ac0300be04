"""Reading the few rows a search returns, as fast as each database allows.

A search reads 1-100 rows by primary key. Through the async driver that costs a thread hop (aiosqlite)
or a network round trip per statement, more than the search itself; for a SQLite file, a private
read-only ``sqlite3`` connection answers in tens of microseconds, so the catalog reads it directly.
PostgreSQL is read through the async engine, one statement per search.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.food import Food
from storage.food.rows import COLUMNS, select_foods, to_food
from storage.food.tables import FoodRow

_SQL_COLUMNS = ", ".join(c.key for c in COLUMNS)


class RowReader:
    """Foods by row id, in one statement."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._sqlite: sqlite3.Connection | None = None
        url = engine.url
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            self._sqlite = sqlite3.connect(f"file:{url.database}?mode=ro", uri=True, check_same_thread=False)
            self._sqlite.row_factory = sqlite3.Row

    async def by_ids(self, ids: Sequence[int]) -> dict[int, Food]:
        """The foods with these row ids (missing ones left out)."""
        if not ids:
            return {}
        if self._sqlite is not None:
            marks = ",".join("?" * len(ids))
            rows: Any = self._sqlite.execute(f"SELECT {_SQL_COLUMNS} FROM foods WHERE id IN ({marks})", list(ids))
            return {row["id"]: to_food(_Attrs(row)) for row in rows}
        async with self._engine.connect() as conn:
            result = await conn.execute(select_foods().where(FoodRow.id.in_(list(ids))))
            return {row.id: to_food(row) for row in result}

    def close(self) -> None:
        """Close the private connection, if any."""
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None


class _Attrs:
    """Attribute access over a ``sqlite3.Row``, as :func:`to_food` expects."""

    __slots__ = ("_row",)

    def __init__(self, row: sqlite3.Row) -> None:
        self._row = row

    def __getattr__(self, name: str) -> Any:
        return self._row[name]
