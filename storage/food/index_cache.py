"""A disk cache of the built word index, so a start-up after an import loads it in a second.

The cache is valid for one version of the food data: every write (import, seeding) stamps a new
``catalog_version`` in ``food_meta``, and a cache made for another version is ignored and replaced.
The file is a pickle written by this program into its own data folder, never one from elsewhere.
"""

from __future__ import annotations

import logging
import os
import pickle
import uuid
from pathlib import Path

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.food.index import WordIndex
from storage.food.tables import FoodMetaRow

VERSION = "catalog_version"
FILE = "food_index.pickle"
FORMAT = 2  # bump when WordIndex changes shape
log = logging.getLogger(__name__)


async def stamp_version(conn: AsyncConnection) -> None:
    """Record that the foods changed (call inside the writing transaction)."""
    table: Table = FoodMetaRow.__table__  # type: ignore[assignment]
    await conn.execute(table.delete().where(table.c.name == VERSION))
    await conn.execute(table.insert().values(name=VERSION, value=uuid.uuid4().hex))


async def current_version(engine: AsyncEngine) -> str:
    """The stamp of the current food data ('' before any write)."""
    async with engine.connect() as conn:
        value = await conn.scalar(select(FoodMetaRow.value).where(FoodMetaRow.name == VERSION))
    return value or ""


def load_cached(folder: Path, version: str) -> WordIndex | None:
    """The cached index for ``version``, or None (missing, stale or unreadable)."""
    path = folder / FILE
    if not version or not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            stored_format, stored_version, index = pickle.load(f)
    except Exception as err:  # a damaged cache is rebuilt, whatever the error
        log.warning("ignoring unreadable food index cache %s: %s", path, err)
        return None
    if stored_format != FORMAT or stored_version != version or not isinstance(index, WordIndex):
        return None
    return index


def save_cached(folder: Path, version: str, index: WordIndex) -> None:
    """Write the cache atomically (a failure only costs the next start-up time)."""
    if not version:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{FILE}.{os.getpid()}.part"
        with partial.open("wb") as f:
            pickle.dump((FORMAT, version, index), f, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(folder / FILE)
    except OSError as err:
        log.warning("cannot write the food index cache in %s: %s", folder, err)
