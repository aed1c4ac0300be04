"""Delete the user's most recent meal of today (the /undo command)."""

from __future__ import annotations

from core.errors import NothingToUndo, UnknownUser
from core.events import MealUndone
from core.model import UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day


async def undo_last_meal(uow: UnitOfWork, clock: Clock, user_id: UserId) -> MealUndone:
    """Remove the last meal if it belongs to today; earlier days are closed to undo."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        meal = await uow.meals.last(user_id)
        today = local_day(clock.now(), user.profile.timezone)
        if meal is None or meal.id is None or meal.local_day != today:
            raise NothingToUndo("You have no meal logged today, so there is nothing to undo.")
        await uow.meals.delete(meal.id)
        await uow.commit()
        return MealUndone(meal)
