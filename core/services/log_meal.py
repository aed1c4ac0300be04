"""Save a confirmed meal under the user's local day."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import InvalidValue, UnknownUser
from core.events import MealLogged
from core.model import Meal, MealItem, MealType, UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day, zone
from core.rules.meal_types import meal_type_at


@dataclass(frozen=True, slots=True)
class LogMeal:
    """The order to save a meal the user confirmed."""

    user_id: UserId
    items: tuple[MealItem, ...]
    description: str = ""
    input_kind: str = "text"
    meal_type: MealType | None = None
    """None: taken from the local time of eating."""


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
            meal_type=command.meal_type or meal_type_at(now.astimezone(zone(user.profile.timezone)).time()),
        )
        saved = await uow.meals.add(meal)
        await uow.commit()
        return MealLogged(saved)
