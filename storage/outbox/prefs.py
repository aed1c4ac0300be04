"""Notification preferences in SQL (a row only once a user changes a default)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import UserId
from core.model.notifications import NotificationPrefs
from storage.dialect_insert import dialect_insert
from storage.outbox.tables import NotificationPrefsRow


class SqlNotificationPrefs:
    """:class:`core.ports.NotificationPrefsStore` over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get(self, user_id: UserId) -> NotificationPrefs:
        """The user's preferences, or the defaults."""
        async with self._engine.connect() as conn:
            row = (
                (await conn.execute(select(NotificationPrefsRow).where(NotificationPrefsRow.user_id == int(user_id))))
                .mappings()
                .first()
            )
        if row is None:
            return NotificationPrefs()
        return NotificationPrefs(
            row["daily_result_time"], row["daily_results_on"], row["reminder_time"], row["reminders_on"]
        )

    async def save(self, user_id: UserId, prefs: NotificationPrefs) -> None:
        """Insert or replace the user's row."""
        values = {
            "user_id": int(user_id),
            "daily_result_time": prefs.daily_result_time,
            "daily_results_on": prefs.daily_results_on,
            "reminder_time": prefs.reminder_time,
            "reminders_on": prefs.reminders_on,
        }
        async with self._engine.begin() as conn:
            statement = dialect_insert(conn.dialect.name, NotificationPrefsRow).values(**values)
            await conn.execute(statement.on_conflict_do_update(index_elements=["user_id"], set_=values))
