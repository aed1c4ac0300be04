"""/export on SQLite and PostgreSQL: every user table of the schema is in the zip, and nobody else's rows are.

Rows are made for every table with a ``user_id`` column from the schema itself, so a table added later is
covered (and must be exported or named in ``EXCLUDED`` with a reason) without touching this test.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bots.common.export_file import JSON_NAME, export_zip
from core.errors import UnknownUser
from core.model import UserId
from core.services.export_account import export_account
from storage.engine import make_engine, make_session_factory
from storage.export.user_rows import EXCLUDED, SqlUserRows, export_name, user_tables
from storage.tables import metadata

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
pytestmark = pytest.mark.postgres


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        await engine.dispose()


PLAUSIBLE = {"weight_kg": 70.0}  # columns with range checks; the rest take any value of their type


def _value(column: sa.Column[Any], seed: int) -> object:
    if column.name in PLAUSIBLE:
        return PLAUSIBLE[column.name]
    kind = column.type
    if isinstance(kind, sa.Enum):
        return kind.enums[0]
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    python = kind.python_type
    if python is bool:
        return True
    if python is int:
        return seed
    if python is float:
        return 1.5 + seed
    if python is datetime:
        return NOW
    if python is date:
        return date(2026, 5, seed % 28 + 1)
    if python is dict:
        return {"text": f"row {seed}"}
    return f"{column.name}-{seed}"[: getattr(kind, "length", None) or 64]


async def _insert(engine: AsyncEngine, table: sa.Table, seed: int, **fixed: object) -> dict[str, object]:
    row: dict[str, object] = {}
    for column in table.columns:
        if column.name in fixed:
            row[column.name] = fixed[column.name]
        elif column.primary_key and column.autoincrement is not False and len(table.primary_key.columns) == 1:
            continue  # the database numbers it
        elif column.nullable or column.server_default is not None or column.default is not None:
            continue  # optional: left out, so range checks hold
        else:
            row[column.name] = _value(column, seed)
    async with engine.begin() as conn:
        result = await conn.execute(table.insert().values(**row))
        if result.inserted_primary_key:
            row.update(zip(table.primary_key.columns.keys(), result.inserted_primary_key, strict=True))
    return row


async def _person(engine: AsyncEngine, name: str, seed: int) -> int:
    """A user with one row in every user table (and a group, a meal with an item)."""
    tables = metadata().tables
    user = await _insert(engine, tables["users"], seed, display_name=name, language="en", timezone="UTC")
    group = await _insert(engine, tables["chat_groups"], seed, platform="telegram", chat_id=f"-{seed}")
    meal = await _insert(engine, tables["meals"], seed, user_id=user["id"])
    kcal = {"kcal": 100.0, "low_kcal": 90.0, "high_kcal": 110.0}
    await _insert(engine, tables["meal_items"], seed, meal_id=meal["id"], name=f"{name}'s soup", **kcal)
    for table in user_tables():
        if table.name == "meals":
            continue
        await _insert(
            engine, table, seed, user_id=user["id"], **({"group_id": group["id"]} if "group_id" in table.c else {})
        )
    return int(str(user["id"]))


async def test_every_user_table_is_exported_and_only_the_users_rows(engine: AsyncEngine) -> None:
    ada = await _person(engine, "Ada", 3)
    bob = await _person(engine, "Bob", 4)
    export = await export_account(SqlUserRows(make_session_factory(engine)), UserId(ada), NOW)
    archive = zipfile.ZipFile(io.BytesIO(export_zip(export)))
    names = set(archive.namelist())
    expected = {f"{export_name(t.name)}.csv" for t in user_tables()} | {"profile.csv", "meal_items.csv", "groups.csv"}
    assert expected <= names and JSON_NAME in names
    user_columns = {name for name, table in metadata().tables.items() if "user_id" in table.c}
    assert user_columns - {t.name for t in user_tables()} == set(EXCLUDED)  # every exclusion is a documented one
    for name in expected:
        rows = list(csv.DictReader(io.StringIO(archive.read(name).decode())))
        assert rows, f"{name} is empty"
        assert all(row.get("user_id", str(ada)) == str(ada) for row in rows), name
    document = json.loads(archive.read(JSON_NAME))
    assert document["profile"]["display_name"] == "Ada" and document["profile"]["id"] == ada
    assert [item["name"] for meal in document["meals"] for item in meal["items"]] == ["Ada's soup"]
    assert "Bob" not in json.dumps(document) and str(bob) not in {str(r.get("user_id")) for r in document["weights"]}
    for table in ("day_results", "game_stats", "rank_history", "trophies", "group_members", "groups", "outbox"):
        assert document[table], table


async def test_an_unknown_user_is_refused(engine: AsyncEngine) -> None:
    with pytest.raises(UnknownUser):
        await export_account(SqlUserRows(make_session_factory(engine)), UserId(999_999), NOW)
