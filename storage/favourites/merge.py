"""When two accounts are joined (/link), the former account's favourites follow it like its meals do."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.favourites.tables import FavouriteRow


async def move_favourites(session: AsyncSession, former: int, into: int) -> None:
    """Give ``former``'s favourites to ``into``; one whose name ``into`` already uses stays (and goes with it)."""
    taken = select(FavouriteRow.name_key).where(FavouriteRow.user_id == into)
    free = (FavouriteRow.user_id == former, FavouriteRow.name_key.not_in(taken))
    await session.execute(update(FavouriteRow).where(*free).values(user_id=into))
