"""Reading the few rows a search returns, as fast as each database allows.

A search reads 1-100 rows by primary key. Through SQLAlchemy's async layer that costs a pool
checkout (with a pre-ping round trip), a thread hop (aiosqlite) and per-row processing, more than
the search itself. So the catalog keeps its own connection: for a SQLite file a private read-only
``sqlite3`` connection (tens of microseconds), for PostgreSQL one asyncpg connection taken from the
engine and held, with a prepared ``= ANY($1)`` statement (one round trip).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.model.food import Food
from storage.food.rows import COLUMNS, select_foods, to_food
from storage.food.tables import FoodRow

_SQL_COLUMNS = ", ".join(c.key for c in COLUMNS)


class RowReader:
    """Foods by row id, in one statement."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._sqlite: sqlite3.Connection | None = None
        self._pg: AsyncConnection | None = None
        self._pg_lock = asyncio.Lock()
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
        if self._engine.dialect.name == "postgresql":
            async with self._pg_lock:
                driver = await self._asyncpg()
                records = await driver.fetch(f"SELECT {_SQL_COLUMNS} FROM foods WHERE id = ANY($1::int[])", list(ids))
            return {r["id"]: to_food(_Attrs(r)) for r in records}
        async with self._engine.connect() as conn:
            result = await conn.execute(select_foods().where(FoodRow.id.in_(list(ids))))
            return {row.id: to_food(row) for row in result}

    async def _asyncpg(self) -> Any:
        if self._pg is None or self._pg.closed:
            self._pg = await self._engine.connect()
        raw = await self._pg.get_raw_connection()
        return raw.driver_connection

    async def aclose(self) -> None:
        """Give the held PostgreSQL connection back and close the SQLite one."""
        self.close()
        if self._pg is not None:
            await self._pg.close()
            self._pg = None

    def close(self) -> None:
        """Close the private connection, if any."""
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None


class _Attrs:
    """Attribute access over a ``sqlite3.Row`` or an asyncpg record, as :func:`to_food` expects."""

    __slots__ = ("_row",)

    def __init__(self, row: Any) -> None:
        self._row = row

    def __getattr__(self, name: str) -> Any:
        return self._row[name]
