"""Which food catalogue a command's estimator searches: the built-in foods in memory, or the configured database.

Apart from :mod:`winstreak.estimation` so that the composition root (which uses the estimation wiring) and this
command-side choice (which uses the composition root) do not import each other.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from core.ports import FoodCatalog
from winstreak.bootstrap import build_app
from winstreak.estimation import build_catalog
from winstreak.settings import load_settings


@asynccontextmanager
async def catalog_scope(use_database: bool = False) -> AsyncIterator[FoodCatalog]:
    """The catalogue for a command: built-in foods in memory, or the configured database's catalogue.

    The database catalogue (``--database``) is the one the bot uses, built by :func:`winstreak.bootstrap.build_app`
    (schema upgraded, built-in foods seeded) and includes imported Open Food Facts and USDA foods.
    """
    if not use_database:
        yield build_catalog()
        return
    wired = await build_app(load_settings())
    try:
        yield wired.deps.catalog or build_catalog()
    finally:
        await wired.close()
