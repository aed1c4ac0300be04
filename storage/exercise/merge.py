"""When two accounts are joined (/link), the former account's exercises follow it like its meals do.

The "exercise counts" setting of the account joined into stays; the former one's goes with that account.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.exercise.tables import ExerciseRow


async def move_exercises(session: AsyncSession, former: int, into: int) -> None:
    """Give ``former``'s exercises to ``into``."""
    await session.execute(update(ExerciseRow).where(ExerciseRow.user_id == former).values(user_id=into))
