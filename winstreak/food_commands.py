"""What the ``winstreak foods`` commands do, apart from printing: wiring settings, database and catalog.

Every expected failure becomes a :class:`FoodCommandError` with a one-line message and an exit code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from core.food.barcode import check_barcode
from core.food.normalize import MAX_QUERY_CHARS, query_tokens
from core.model.food import Food
from storage.engine import make_engine
from storage.food.catalog import SqlFoodCatalog, build_catalog
from storage.food_import.download import DownloadError, download, file_name
from storage.food_import.formats import UnknownFormat
from storage.food_import.off_tsv import MissingColumns
from storage.food_import.pipeline import import_file
from storage.migrate import upgrade
from winstreak.settings import SettingsError, load_settings

BAD_INPUT = 2
FAILED = 3
NOTHING_FOUND = "No food matches that search."


class FoodCommandError(Exception):
    """A clear, expected failure of a foods command."""

    def __init__(self, message: str, code: int = BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def _settings_url(db: str | None) -> tuple[str, Path, str]:
    try:
        settings = load_settings(**({"database_url": db} if db else {}))
    except SettingsError as err:
        raise FoodCommandError(str(err)) from None
    return settings.resolved_database_url, settings.data_dir, settings.food_export_url


@asynccontextmanager
async def _database(url: str) -> AsyncIterator[AsyncEngine]:
    if url.startswith("sqlite+aiosqlite:///"):
        Path(url.removeprefix("sqlite+aiosqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        try:
            await upgrade(engine)
        except Exception as err:  # drivers raise many unrelated types for "cannot connect"
            shown = engine.url.render_as_string(hide_password=True)
            raise FoodCommandError(f"cannot use the database {shown}: {type(err).__name__}: {err}", FAILED) from err
        yield engine
    finally:
        await engine.dispose()


def food_json(food: Food, score: float | None = None) -> dict[str, Any]:
    """A food as a JSON-ready dict (with the search score when given)."""
    data = asdict(food)
    data["portions"] = [{"name": p.name, "grams": p.grams} for p in food.portions]
    data["aliases"] = list(food.aliases)
    if score is not None:
        data["score"] = score
    return data


async def import_command(
    path: Path | None, *, download: bool, url: str | None, db: str | None, progress: bool
) -> list[str]:
    """Import a file (downloading it first with ``download``); returns the summary lines."""
    db_url, data_dir, export_url = _settings_url(db)
    lines: list[str] = []
    if download:
        source = url or export_url
        target = path or data_dir / "downloads" / file_name(source)
        try:
            _fetch(source, target, progress)
        except DownloadError as err:
            raise FoodCommandError(str(err), FAILED) from None
        lines.append(f"Downloaded {source} to {target}.")
        path = target
    if path is None:
        raise FoodCommandError("give the file to import, or --download to fetch the Open Food Facts export")
    async with _database(db_url) as engine:
        try:
            summary = await import_file(engine, path, progress=progress)
        except (UnknownFormat, MissingColumns, OSError, EOFError) as err:
            raise FoodCommandError(f"cannot import {path}: {err}") from None
        lines += summary.lines()
        catalog = await build_catalog(engine, cache_dir=data_dir / "cache")
        await catalog.aclose()
    lines.append(f"Search index ready: {catalog.size:,} entries in {catalog.load_seconds:.1f} s.")
    return lines


def _fetch(source: str, target: Path, progress: bool) -> None:
    download(source, target, progress=progress)


async def search_command(query: str, *, limit: int, db: str | None) -> list[dict[str, Any]]:
    """Search results as JSON-ready dicts; bad queries raise :class:`FoodCommandError`."""
    if not query.strip():
        raise FoodCommandError("the search is empty: type a food, e.g. `winstreak foods search banana`")
    if not query_tokens(query[: MAX_QUERY_CHARS * 4]):
        raise FoodCommandError("the search has no word to look for (letters or digits, at most 40 characters a word)")
    db_url, data_dir, _ = _settings_url(db)
    async with _database(db_url) as engine:
        catalog = await build_catalog(engine, cache_dir=data_dir / "cache")
        matches = await catalog.search(query[:MAX_QUERY_CHARS], limit)
        await catalog.aclose()
    return [food_json(m.food, m.score) for m in matches]


async def barcode_command(code: str, *, db: str | None) -> dict[str, Any] | None:
    """The product with that barcode as a JSON-ready dict, or None; invalid codes raise."""
    checked = check_barcode(code[:64])
    if checked.code is None:
        raise FoodCommandError(f"not a valid barcode ({checked.problem}): give the 8, 12 or 13 digits")
    db_url, _, _ = _settings_url(db)
    async with _database(db_url) as engine:
        catalog = SqlFoodCatalog(engine)  # a barcode needs no search index
        food = await catalog.by_barcode(checked.code)
        await catalog.aclose()
    return None if food is None else food_json(food)
