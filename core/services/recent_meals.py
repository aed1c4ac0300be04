"""Recents: the user's most frequent and most recent meals, distinct by content, to log again with one tap.

Two meals are the same content when they have the same items (name, grams, kcal; in any order), whatever
their description or day. A repeated meal is offered as an estimate built from the stored items: no estimator.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from core.errors import InvalidValue
from core.model import Meal, MealId, MealItem, UserId
from core.ports.favourites import MealHistory
from core.text import N_

WINDOW = 200  # the last meals looked at
SHOWN = 5  # buttons offered
FREQUENT = 3  # of which, at most, the most frequent (eaten at least twice)
GONE = N_("That meal is no longer there. Send /again for your recent meals.")

ContentKey = tuple[tuple[str, int, int], ...]


def content_key(items: tuple[MealItem, ...]) -> ContentKey:
    """What makes two meals the same: their items' foods (else names), grams and kcal, in any order.

    A catalogue food is known by its id, so the same meal saved in English and in French is one content.
    """
    return tuple(
        sorted((i.food_id or " ".join(i.name.casefold().split()), round(i.grams), round(i.kcal)) for i in items)
    )


@dataclass(frozen=True, slots=True)
class Recent:
    """A meal to offer again (the newest of its content) and how often that content was logged."""

    meal: Meal
    times: int


def pick_recents(newest_first: list[Meal], shown: int = SHOWN, frequent: int = FREQUENT) -> list[Recent]:
    """Up to ``frequent`` meals logged at least twice (most often first), then the most recent others."""
    counts: Counter[ContentKey] = Counter()
    newest: dict[ContentKey, Meal] = {}
    for meal in newest_first:
        if not meal.items or meal.id is None:
            continue
        key = content_key(meal.items)
        counts[key] += 1
        newest.setdefault(key, meal)
    order = list(newest)  # newest first (dicts keep insertion order)
    often = sorted((k for k in order if counts[k] > 1), key=lambda k: (-counts[k], order.index(k)))[:frequent]
    rest = [k for k in order if k not in often]
    return [Recent(newest[k], counts[k]) for k in (often + rest)[:shown]]


async def recent_meals(history: MealHistory, user_id: UserId) -> list[Recent]:
    """The meals to offer again under /today and /again."""
    return pick_recents(await history.recent_meals(user_id, WINDOW))


async def meal_to_repeat(history: MealHistory, user_id: UserId, meal_id: MealId) -> Meal:
    """The user's own meal ``meal_id``; refused when it is gone, empty or someone else's."""
    meal = await history.meal(user_id, meal_id)
    if meal is None or not meal.items:
        raise InvalidValue("meal", GONE)
    return meal
