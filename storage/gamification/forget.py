"""Deleting a user's day results and trophies, which have no foreign key to cascade from (see their tables)."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from storage.gamification.tables import DayResultRow, TrophyRow


async def forget_user(session: AsyncSession, user_id: int) -> None:
    """Delete the user's rows that the database does not delete with the user; call before deleting them."""
    await session.execute(delete(DayResultRow).where(DayResultRow.user_id == user_id))
    await session.execute(delete(TrophyRow).where(TrophyRow.user_id == user_id))
