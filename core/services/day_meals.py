"""A day's meals (/meals), and deleting one of an open day: the close-out makes a day final."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.errors import InvalidValue, UnknownUser
from core.model import Meal, MealId, UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.open_days import is_open
from core.services.log_meal import GONE
from core.services.today_summary import DaySummary, summarise


@dataclass(frozen=True, slots=True)
class DayMeals:
    """A day's summary and whether its meals may still change."""

    summary: DaySummary
    is_open: bool


async def day_meals(uow: UnitOfWork, clock: Clock, rules: GameRules, user_id: UserId, day: date) -> DayMeals:
    """The meals of ``day`` (any day may be read; only open ones may change)."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        now = clock.now()
        meals = await uow.meals.on_day(user_id, day)
        target = daily_target(user.profile, now.year).kcal if user.profile.is_complete else None
        return DayMeals(summarise(day, target, meals), is_open(day, user.profile.timezone, now, rules))


def today_of(profile_tz: str, clock: Clock) -> date:
    """The user's local day now."""
    return local_day(clock.now(), profile_tz)


async def delete_meal(uow: UnitOfWork, clock: Clock, rules: GameRules, user_id: UserId, meal_id: MealId) -> Meal:
    """Delete the user's meal if its day is still open; returns it."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        now, tz = clock.now(), user.profile.timezone
        today = local_day(now, tz)
        for day in (today, date.fromordinal(today.toordinal() - 1)):
            if not is_open(day, tz, now, rules):
                continue
            for meal in await uow.meals.on_day(user_id, day):
                if meal.id == meal_id:
                    await uow.meals.delete(meal_id)
                    await uow.commit()
                    return meal
    raise InvalidValue("meal", GONE)
