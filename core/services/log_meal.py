"""Save a confirmed meal under the user's local day (today, or another day that is still open)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from core.errors import InvalidValue, UnknownUser
from core.events import MealLogged
from core.model import Meal, MealId, MealItem, MealType, UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day, zone
from core.rules.game_rules import GameRules
from core.rules.meal_types import meal_type_at
from core.rules.open_days import is_open
from core.text import N_

# When a meal logged for a past day is filed, by its type (the moment it was eaten is not known).
TYPICAL_TIME = {
    MealType.BREAKFAST: time(8, 0),
    MealType.LUNCH: time(12, 30),
    MealType.DINNER: time(19, 30),
    MealType.SNACK: time(16, 0),
}
MAX_ITEM_GRAMS = MAX_ITEM_KCAL = 5000.0  # one item eaten at once; the edit flow's ceiling too
NOTHING_TO_COUNT = N_("This meal counts 0 kcal, so I did not save it: edit an amount (e.g. “1 150g”) or cancel.")
TOO_LARGE = N_(
    "An item is too large to be eaten at once (at most {grams} g and {kcal} kcal), so I did not save it: "
    "edit it or cancel."
)
CLOSED = N_("{day} is closed: after its close-out a day is final, so its meals can no longer change. See /rules.")
GONE = N_("That meal is no longer there (deleted, or its day is closed). Send /meals to see the open days.")


@dataclass(frozen=True, slots=True)
class LogMeal:
    """The order to save a meal the user confirmed."""

    user_id: UserId
    items: tuple[MealItem, ...]
    description: str = ""
    input_kind: str = "text"
    meal_type: MealType | None = None
    """None: taken from the local time of eating."""
    day: date | None = None
    """The local day to file it under (None: today); it must still be open."""
    replaces: MealId | None = None
    """A meal of an open day this one replaces (an edit): it keeps that meal's day and time."""
    estimate_key: str | None = None
    """The estimate being saved: when a meal was saved from it already (the same Save handled again after a
    failure, e.g. the database away after the commit), that meal is the answer and nothing is saved twice."""


def _moment(day: date, tz_name: str, now: datetime, meal_type: MealType | None) -> datetime:
    local_now = now.astimezone(zone(tz_name))
    at = TYPICAL_TIME[meal_type] if meal_type else local_now.time().replace(tzinfo=None)
    return datetime.combine(day, at, tzinfo=zone(tz_name)).astimezone(now.tzinfo)


async def log_meal(uow: UnitOfWork, clock: Clock, command: LogMeal, rules: GameRules | None = None) -> MealLogged:
    """Store the meal; an empty meal, a closed day or a vanished meal to replace are refused."""
    if not command.items:
        raise InvalidValue("items", "There is nothing to save: the meal has no items.")
    _check_amounts(command.items)
    rules = rules or GameRules()
    async with uow:
        user = await uow.users.get(command.user_id)
        if user is None:
            raise UnknownUser()
        plain = command.replaces is None and command.day is None  # today's meal: the usual Save
        if command.estimate_key is not None and not plain:  # before checking the day or the meal it replaces
            done = await uow.meals.saved_from(command.user_id, command.estimate_key)
            if done is not None:
                return MealLogged(done)
        now, tz = clock.now(), user.profile.timezone
        day, eaten_at, meal_type = local_day(now, tz), now, command.meal_type
        if command.replaces is not None:
            old = await _open_meal(uow, command.user_id, command.replaces, tz, now, rules)
            if old is None:
                raise InvalidValue("meal", GONE)
            await uow.meals.delete(command.replaces)
            day, eaten_at, meal_type = old.local_day, old.eaten_at, meal_type or old.meal_type
        elif command.day is not None and command.day != day:
            if not is_open(command.day, tz, now, rules):
                raise InvalidValue("day", CLOSED, day=command.day.isoformat())
            day, eaten_at = command.day, _moment(command.day, tz, now, meal_type)
        meal = Meal(
            id=None,
            user_id=command.user_id,
            eaten_at=eaten_at,
            local_day=day,
            items=command.items,
            description=command.description[:500],
            input_kind=command.input_kind,
            meal_type=meal_type or meal_type_at(eaten_at.astimezone(zone(tz)).time()),
            estimate_key=command.estimate_key,
        )
        if plain:  # "saved from this estimate already?" asked by the add itself (one statement where it can)
            added = await uow.meals.add_unless_saved(meal)
            if added is None:  # it was: that meal is the answer (a second press, a redelivery)
                done = await uow.meals.saved_from(command.user_id, command.estimate_key or "")
                if done is None:  # and was deleted in between
                    raise InvalidValue("meal", GONE)
                return MealLogged(done)
            saved = added
        else:
            saved = await uow.meals.add(meal)
        await uow.commit()
        return MealLogged(saved)


def _check_amounts(items: tuple[MealItem, ...]) -> None:
    """Refuse a meal that counts nothing (0 kcal) or an item too large to be eaten at once."""
    if any(i.grams > MAX_ITEM_GRAMS or i.kcal > MAX_ITEM_KCAL for i in items):
        raise InvalidValue("items", TOO_LARGE, grams=f"{MAX_ITEM_GRAMS:.0f}", kcal=f"{MAX_ITEM_KCAL:.0f}")
    if round(sum(i.kcal for i in items)) <= 0:
        raise InvalidValue("items", NOTHING_TO_COUNT)


async def _open_meal(
    uow: UnitOfWork, user_id: UserId, meal_id: MealId, tz: str, now: datetime, rules: GameRules
) -> Meal | None:
    """The user's meal ``meal_id`` if it lies on an open day (today or yesterday before its close-out)."""
    today = local_day(now, tz)
    for day in (today, date.fromordinal(today.toordinal() - 1)):
        if is_open(day, tz, now, rules):
            for meal in await uow.meals.on_day(user_id, day):
                if meal.id == meal_id:
                    return meal
    return None
