"""When two accounts are joined (/link), the former account's favourites follow it like its meals do.

A favourite whose name the joined account already uses is kept under a numbered name ("soup 2"), as saving a
second favourite of the same name does; one with the very same foods as a favourite already there is the same
favourite and is not doubled. Nothing the user kept is lost.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.services.favourites import free_name, name_key
from storage.favourites.tables import FavouriteRow


async def move_favourites(session: AsyncSession, former: int, into: int) -> None:
    """Give ``former``'s favourites to ``into``: renamed when the name is taken, dropped when already there."""
    held = (await session.execute(select(FavouriteRow).where(FavouriteRow.user_id == into))).scalars().all()
    taken = {row.name_key for row in held}
    contents = {row.items for row in held}
    moving = (await session.execute(select(FavouriteRow).where(FavouriteRow.user_id == former))).scalars().all()
    for row in moving:
        if row.items in contents:  # the same foods are a favourite there already
            await session.execute(delete(FavouriteRow).where(FavouriteRow.id == row.id))
            continue
        name = free_name(row.name, taken) if row.name_key in taken else row.name
        taken.add(name_key(name))
        contents.add(row.items)
        await session.execute(
            update(FavouriteRow)
            .where(FavouriteRow.id == row.id)
            .values(user_id=into, name=name, name_key=name_key(name))
        )
