"""Export everything stored about a user: one table of rows per kind of data, read through a port.

The storage adapter decides which tables hold a user's rows (every one of them, see its exclusions);
this use case checks the user exists and counts what was found, for the reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.errors import UnknownUser
from core.model import UserId
from core.ports import UserDataSource

Row = dict[str, object]


@dataclass(frozen=True, slots=True)
class AccountExport:
    """The user's rows by table, and when they were read."""

    user_id: UserId
    exported_at: datetime
    tables: dict[str, list[Row]]

    def count(self, table: str) -> int:
        """How many rows ``table`` has in the export (0 when absent)."""
        return len(self.tables.get(table, []))


async def export_account(source: UserDataSource, user_id: UserId, now: datetime) -> AccountExport:
    """All of the user's data; raises :class:`UnknownUser` when there is no such user."""
    tables = await source.user_tables(user_id)
    if not tables.get("profile"):
        raise UnknownUser()
    return AccountExport(user_id, now, tables)
