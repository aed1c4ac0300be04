"""Seeding the built-in foods on start: offline, idempotent, skipped cheaply when nothing changed.

Two marks are kept in ``food_meta``. ``builtin_source`` is a digest of the shipped files (the CSV tables
and the loader's code): when it matches, the start is done without reading a single food. Otherwise the
foods are loaded and ``builtin_fingerprint``, a digest of their values, decides: a release with changed
foods is upserted again (rows are keyed by ``builtin:<slug>``, so nothing is duplicated).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.model.food import Food
from storage.food.index_cache import stamp_version
from storage.food.tables import FoodMetaRow
from storage.food.writer import food_record, upsert_foods

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

FINGERPRINT = "builtin_fingerprint"
SOURCE = "builtin_source"
BATCH = 500
# The code that turns the shipped tables into foods: a change to it may change the foods.
LOADER_CODE = ("__init__.py", "loader.py", "validation.py", "usda_portions.py")
PACKAGE = Path(__file__).resolve().parents[1] / "builtin_foods"  # read as files: importing it costs more
FOOD_MODEL = Path(__file__).resolve().parents[2] / "core" / "model" / "food.py"


def default_foods() -> list[Food]:
    """The shipped foods (imported lazily: the data package is optional for tests of other parts)."""
    from storage.builtin_foods import load_builtin_foods

    return load_builtin_foods()


def shipped_source(package: Traversable | None = None, model: Path = FOOD_MODEL) -> str:
    """A digest of every shipped file the built-in foods are made from (a few milliseconds: no parsing).

    ``package`` is the ``storage.builtin_foods`` folder and ``model`` the food model's code (tests pass copies).
    """
    package = package or PACKAGE
    files = [package.joinpath(name) for name in LOADER_CODE]
    for folder in ("data", "portions"):
        files += sorted((f for f in package.joinpath(folder).iterdir() if f.name.endswith(".csv")), key=str)
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{folder_name(file)}\0".encode())
        digest.update(file.read_bytes() if file.is_file() else b"(absent)")
    digest.update(model.read_bytes() if model.is_file() else b"(absent)")
    return digest.hexdigest()


def folder_name(file: Traversable) -> str:
    """``data/a_fruit.csv``-like name of a shipped file, so renaming a file changes the digest."""
    return f"{Path(str(file)).parent.name}/{file.name}"


def fingerprint(foods: Sequence[Food]) -> str:
    """A digest of the foods' values."""
    digest = hashlib.sha256()
    for food in foods:
        digest.update(repr(food).encode())
    return digest.hexdigest()


async def builtin_foods_current(engine: AsyncEngine, source: str | None = None) -> bool:
    """True when the shipped foods were seeded from exactly the files shipped now (nothing for a start to do).

    ``source`` is :func:`shipped_source`'s digest when the caller has it already.
    """
    async with engine.connect() as conn:
        return await _stored(conn, SOURCE) == (source or shipped_source())


async def seed_builtin_foods(engine: AsyncEngine, load: Callable[[], list[Food]] | None = None) -> int:
    """Upsert the built-in foods unless the same data was seeded already; returns rows written.

    ``load`` gives the foods (default: the shipped ones, first compared by :func:`shipped_source`).
    """
    source = shipped_source() if load is None else None
    if source is not None and await builtin_foods_current(engine, source):
        return 0
    foods = (load or default_foods)()
    mark = fingerprint(foods)
    written = 0
    async with engine.begin() as conn:
        if await _stored(conn, FINGERPRINT) != mark:
            for start in range(0, len(foods), BATCH):
                chunk = foods[start : start + BATCH]
                written += await upsert_foods(conn, [food_record(f, "builtin") for f in chunk])
            await _store(conn, FINGERPRINT, mark)
            await stamp_version(conn)
        await _store(conn, SOURCE, source or "")
    return written


async def _stored(conn: AsyncConnection, name: str) -> str | None:
    value: str | None = await conn.scalar(select(FoodMetaRow.value).where(FoodMetaRow.name == name))
    return value


async def _store(conn: AsyncConnection, name: str, value: str) -> None:
    table = cast(Table, FoodMetaRow.__table__)
    await conn.execute(table.delete().where(table.c.name == name))
    await conn.execute(table.insert().values(name=name, value=value))
