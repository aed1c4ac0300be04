"""Conversation states in SQL (opaque JSON text), so any replica can continue any chat."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import ChatStateRow


class SqlStateStore:
    """Implements ``bots.common.state.StateStore`` over the ``chat_states`` table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def load(self, key: str) -> str | None:
        """The stored JSON for a key, or None."""
        async with self._sessions() as session:
            row = await session.get(ChatStateRow, key)
            return row.data if row else None

    async def save(self, key: str, data: str, now: datetime) -> None:
        """Insert or replace the JSON for a key."""
        async with self._sessions() as session, session.begin():
            await session.merge(ChatStateRow(key=key, data=data, updated_at=now))
