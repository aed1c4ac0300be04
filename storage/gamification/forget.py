"""Deleting a user's close-out journal, which has no foreign key to cascade from (see ``DayResultRow``)."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from storage.gamification.tables import DayResultRow


async def forget_user(session: AsyncSession, user_id: int) -> None:
    """Delete the user's rows that the database does not delete with the user; call before deleting them."""
    await session.execute(delete(DayResultRow).where(DayResultRow.user_id == user_id))
