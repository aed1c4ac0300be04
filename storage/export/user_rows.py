"""Every row that belongs to one user, found from the schema itself so a new user table is never forgotten.

A table belongs to users when it has a ``user_id`` column; ``meal_items`` follow their meals and ``chat_groups``
are the groups the user is a member of. ``EXCLUDED`` names the user tables left out, each with its reason.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.model import UserId
from core.services.export_account import Row
from storage.tables import metadata

EXCLUDED = {
    "link_codes": "one-time codes valid for 15 minutes: a secret, not data about the person",
}
RENAMED = {"users": "profile", "user_stats": "game_stats", "chat_groups": "groups"}
SKIPPED_COLUMNS = {"outbox": ("claimed_by", "dedup_key")}  # worker bookkeeping, not about the person


def user_tables() -> list[Table]:
    """Tables with a ``user_id`` column that the export includes."""
    tables = metadata().tables.values()
    return sorted(
        (table for table in tables if "user_id" in table.c and table.name not in EXCLUDED), key=lambda t: t.name
    )


def export_name(table: str) -> str:
    """The table's name in the export."""
    return RENAMED.get(table, table)


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _row(table: Table, values: dict[str, object]) -> Row:
    skipped = SKIPPED_COLUMNS.get(table.name, ())
    return {key: _plain(value) for key, value in values.items() if key not in skipped}


async def _rows(session: AsyncSession, table: Table, *where: object) -> list[Row]:
    query = select(table).where(*where).order_by(*table.primary_key.columns)  # type: ignore[arg-type]
    return [_row(table, dict(r._mapping)) for r in (await session.execute(query)).all()]


class SqlUserRows:
    """:class:`core.ports.UserDataSource` over every user table of the schema."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def user_tables(self, user_id: UserId) -> dict[str, list[Row]]:
        """Rows by export name: the profile, then every user table, meal items and the user's groups."""
        everything = metadata().tables
        users, items, groups = everything["users"], everything["meal_items"], everything["chat_groups"]
        uid = int(user_id)
        async with self._sessions() as session:
            found = {export_name("users"): await _rows(session, users, users.c.id == uid)}
            for table in user_tables():
                found[export_name(table.name)] = await _rows(session, table, table.c.user_id == uid)
            meal_ids = [row["id"] for row in found["meals"]]
            found["meal_items"] = await _rows(session, items, items.c.meal_id.in_(meal_ids)) if meal_ids else []
            group_ids = sorted({row["group_id"] for row in found.get("group_members", [])}, key=str)
            found[export_name("chat_groups")] = (
                await _rows(session, groups, groups.c.id.in_(group_ids)) if group_ids else []
            )
        return found
