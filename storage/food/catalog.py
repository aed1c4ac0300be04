"""The :class:`core.ports.FoodCatalog` for SQLite and PostgreSQL: an in-process index, rows from the database.

Search runs in memory (a few milliseconds at a million foods) and then reads the winning rows in one
statement; barcode and id lookups are single indexed queries. ``refresh`` rebuilds after an import.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from core.food.barcode import check_barcode, lookup_forms
from core.food.index import IndexBuilder, WordIndex
from core.food.search_cache import SearchCache
from core.model.food import Food, FoodMatch
from storage.food.index_cache import current_version, load_cached, save_cached
from storage.food.index_loader import load_index
from storage.food.row_reader import RowReader
from storage.food.rows import select_foods, to_food
from storage.food.tables import FoodRow

MAX_LIMIT = 100
KEPT_FOODS = 4096  # foods :meth:`SqlFoodCatalog.get` keeps (naming a day's meals looks each one up)
KEPT_ROWS = 4096  # foods :meth:`SqlFoodCatalog.search` keeps by row id, least recently found dropped (~3 MB)
log = logging.getLogger(__name__)


class SqlFoodCatalog:
    """Typo-tolerant search over every stored food, with exact barcode and id lookups."""

    def __init__(self, engine: AsyncEngine, index: WordIndex | None = None, cache_dir: Path | None = None) -> None:
        self._engine = engine
        self._cache_dir = cache_dir
        self.from_cache = False
        self._index = index if index is not None else IndexBuilder().build()
        self._searches = SearchCache(self._index)
        self.load_seconds = 0.0
        self._rows = RowReader(engine)
        self._kept: dict[str, Food] = {}  # get() answers since the last refresh
        self._found: OrderedDict[int, Food] = OrderedDict()  # search() rows since the last refresh

    def close(self) -> None:
        """Release the catalog's private SQLite connection (see :meth:`aclose` for PostgreSQL)."""
        self._rows.close()

    async def aclose(self) -> None:
        """Release every connection the catalog holds."""
        await self._rows.aclose()

    @property
    def index(self) -> WordIndex:
        """The current in-process index."""
        return self._index

    @property
    def size(self) -> int:
        """Number of indexed documents (foods plus their aliases)."""
        return len(self._index)

    async def refresh(self) -> None:
        """Load the index: from the cache when it matches the data, else rebuilt from the database (and cached)."""
        started = time.perf_counter()
        self._kept.clear()
        self._found.clear()
        version = await current_version(self._engine) if self._cache_dir is not None else ""
        if self._cache_dir is not None:
            cached = await asyncio.to_thread(load_cached, self._cache_dir, version)
            if cached is not None:
                self._index, self.from_cache = cached, True
                self._searches = SearchCache(cached)  # the old index and its kept answers can be freed now
                self.load_seconds = time.perf_counter() - started
                return
        loaded = await load_index(self._engine)
        self._index, self.from_cache = loaded.index, False
        self._searches = SearchCache(loaded.index)
        if self._cache_dir is not None:
            await asyncio.to_thread(save_cached, self._cache_dir, version, loaded.index)
        self.load_seconds = time.perf_counter() - started

    async def search(self, query: str, limit: int = 10) -> Sequence[FoodMatch]:
        """Foods matching ``query``, best first; empty for a query without usable words."""
        if self._searches.index is not self._index:  # a new index: answers kept for the old one are dropped
            self._searches = SearchCache(self._index)
        hits = self._searches.search(query, max(0, min(limit, MAX_LIMIT)))
        if not hits:
            return []
        foods = await self._by_refs([h.ref for h in hits])
        return [FoodMatch(foods[h.ref], h.score) for h in hits if h.ref in foods]

    async def _by_refs(self, refs: list[int]) -> dict[int, Food]:
        """Foods by row id: those found since the last refresh from memory, the others in one read.

        Kept like :meth:`get`'s and the index, until :meth:`refresh`: a meal's searches find the same usual foods
        again and again, and a database round trip per search cost more than the search (issue 16).
        """
        found: dict[int, Food] = {}
        missing: list[int] = []
        for ref in refs:
            food = self._found.get(ref)
            if food is None:
                missing.append(ref)
            else:
                self._found.move_to_end(ref)
                found[ref] = food
        if missing:
            read = await self._rows.by_ids(missing)
            for ref in missing:  # kept in the order of the hits: what is dropped first does not depend on the DB
                if ref in read:
                    found[ref] = self._found[ref] = read[ref]
            while len(self._found) > KEPT_ROWS:
                self._found.popitem(last=False)
        return found

    async def by_barcode(self, code: str) -> Food | None:
        """The product with this EAN-8/EAN-13/UPC-A code, or None (also for an invalid code)."""
        checked = check_barcode(code)
        if checked.code is None:
            return None
        async with self._engine.connect() as conn:
            stmt = select_foods().where(FoodRow.barcode.in_(lookup_forms(checked.code))).limit(1)
            row = (await conn.execute(stmt)).first()
        return None if row is None else to_food(row)

    async def get(self, food_id: str) -> Food | None:
        """The food with this id (``builtin:banana``, ``off:3017620422003``...), or None.

        Found foods are kept until :meth:`refresh` (at most ``KEPT_FOODS``), like the index: /today and /meals
        name every item in the user's language, and a database round trip per item would cost more than the reply.
        """
        key = food_id[:80]
        kept = self._kept.get(key)
        if kept is not None:
            return kept
        async with self._engine.connect() as conn:
            row = (await conn.execute(select_foods().where(FoodRow.key == key))).first()
        if row is None:
            return None
        if len(self._kept) >= KEPT_FOODS:
            self._kept.clear()
        food = self._kept[key] = to_food(row)
        return food


async def build_catalog(engine: AsyncEngine, *, seed: bool = True, cache_dir: Path | None = None) -> SqlFoodCatalog:
    """Seed the built-in foods (first start), then load the catalog's index: what bootstrap calls.

    With ``cache_dir`` the built index is kept on disk and reused while the food data is unchanged.
    """
    if seed:
        from storage.food.seed import seed_builtin_foods

        try:
            await seed_builtin_foods(engine)
        except ValueError as err:  # BuiltinFoodError: bad shipped data must not stop the bot
            log.warning("built-in foods not seeded: %s", err)
    catalog = SqlFoodCatalog(engine, cache_dir=cache_dir)
    await catalog.refresh()
    return catalog
