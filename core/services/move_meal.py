"""Move a meal to another open day (today ↔ yesterday before yesterday's close-out).

Moving counts like deleting the meal from its day and logging it on the other: both days must still be open,
because after its close-out a day is final (a meal can neither leave nor join it). The meal keeps its items,
words and type, and its local clock time (never later than now), so /today files it where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from core.errors import InvalidValue, UnknownUser
from core.model import Meal, MealId, UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import zone
from core.rules.game_rules import GameRules
from core.rules.open_days import is_open, open_days
from core.services.log_meal import CLOSED, GONE
from core.text import N_

SAME_DAY = N_("That meal is already on {day}.")


@dataclass(frozen=True, slots=True)
class MovedMeal:
    """The meal as it was, and as it is now on its new day (with a new id)."""

    before: Meal
    after: Meal


def _moment(meal: Meal, to_day: date, tz: str, now: datetime) -> datetime:
    """The meal's local clock time on ``to_day``, but never later than now."""
    local = meal.eaten_at.astimezone(zone(tz))
    moved = datetime.combine(to_day, local.timetz().replace(tzinfo=None), tzinfo=zone(tz))
    return min(moved, now.astimezone(zone(tz))).astimezone(meal.eaten_at.tzinfo)


async def move_meal(
    uow: UnitOfWork, clock: Clock, rules: GameRules, user_id: UserId, meal_id: MealId, to_day: date
) -> MovedMeal:
    """Move the user's meal of an open day to ``to_day``, which must be open too; refused with the reason."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        now, tz = clock.now(), user.profile.timezone
        if not is_open(to_day, tz, now, rules):
            raise InvalidValue("day", CLOSED, day=to_day.isoformat())
        for day in open_days(tz, now, rules):
            meal = next((m for m in await uow.meals.on_day(user_id, day) if m.id == meal_id), None)
            if meal is None:
                continue
            if day == to_day:
                raise InvalidValue("day", SAME_DAY, day=day.isoformat())
            await uow.meals.delete(meal_id)
            after = await uow.meals.add(
                replace(meal, id=None, local_day=to_day, eaten_at=_moment(meal, to_day, tz, now))
            )
            await uow.commit()
            return MovedMeal(meal, after)
    raise InvalidValue("meal", GONE)
