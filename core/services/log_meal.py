"""Save a confirmed meal under the user's local day."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import InvalidValue, UnknownUser
from core.events import MealLogged
from core.model import Meal, MealItem, UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day


@dataclass(frozen=True, slots=True)
class LogMeal:
    """The order to save a meal the user confirmed."""

    user_id: UserId
    items: tuple[MealItem, ...]
    description: str = ""
    input_kind: str = "text"


async def log_meal(uow: UnitOfWork, clock: Clock, command: LogMeal) -> MealLogged:
    """Store the meal; an empty meal is refused."""
    if not command.items:
        raise InvalidValue("items", "There is nothing to save: the meal has no items.")
    async with uow:
        user = await uow.users.get(command.user_id)
        if user is None:
            raise UnknownUser()
        now = clock.now()
        meal = Meal(
            id=None,
            user_id=command.user_id,
            eaten_at=now,
            local_day=local_day(now, user.profile.timezone),
            items=command.items,
            description=command.description[:500],
            input_kind=command.input_kind,
        )
        saved = await uow.meals.add(meal)
        await uow.commit()
        return MealLogged(saved)
