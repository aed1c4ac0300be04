"""Repeat requests ("again", "same as yesterday's breakfast"): which saved meals they mean.

"again" is the last saved meal. "same as yesterday's breakfast" is every breakfast of yesterday (a breakfast
logged in two goes comes back whole); "same as yesterday" means the meal of the type the local time gives now.
"same as this morning" / "pareil que ce midi" is today's meals of that type, "same as earlier today" today's
last meal. When the day has no meal of that type, the request finds none and lists that day's meals to choose from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from core.errors import UnknownUser
from core.model import Meal, MealType, UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day, zone
from core.rules.meal_types import meal_type_at
from core.rules.repeat_words import RepeatAsk


@dataclass(frozen=True, slots=True)
class SameAs:
    """The meals found (empty: none), the type asked for, and yesterday's meals when none matched."""

    meals: tuple[Meal, ...]
    meal_type: MealType | None
    others: tuple[Meal, ...] = field(default=())


async def same_as(uow: UnitOfWork, clock: Clock, user_id: UserId, ask: RepeatAsk) -> SameAs:
    """The saved meals ``ask`` points at, read in the user's time zone."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        if ask.days_back == 0 and not ask.today:
            last = await uow.meals.last(user_id)
            return SameAs((last,) if last is not None and last.items else (), None)
        now, tz = clock.now(), user.profile.timezone
        day = local_day(now, tz) - timedelta(days=ask.days_back)
        meals = [m for m in await uow.meals.on_day(user_id, day) if m.items]
    if ask.today and ask.meal_type is None:  # "same as earlier today": today's last meal
        last = max(meals, key=lambda m: (m.eaten_at, int(m.id or 0)), default=None)
        return SameAs((last,) if last is not None else (), None)
    kind = ask.meal_type or meal_type_at(_local_time_of(now, tz))
    matching = tuple(m for m in meals if (m.meal_type or meal_type_at(_local_time(m, tz))) == kind)
    return SameAs(matching, kind, () if matching else tuple(meals))


def _local_time_of(moment: datetime, tz: str) -> time:
    return moment.astimezone(zone(tz)).time().replace(tzinfo=None)


def _local_time(meal: Meal, tz: str) -> time:
    return _local_time_of(meal.eaten_at, tz)
