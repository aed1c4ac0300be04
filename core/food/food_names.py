"""A meal item named in the user's language: the food's French name for a French user, else its English name.

An item keeps the name it was given; it is renamed only when that name is one of its food's own names (in either
language, with the brand when it has one), so a name the user typed ("pizza 800 kcal") is never replaced.
Foods without a French name (imported products, USDA foods) keep their English name in every language.
"""

from __future__ import annotations

from dataclasses import replace

from core.model.food import Food
from core.model.meal import MealItem

MAX_NAME = 200  # what a meal item's name holds (see core.services.estimate_meal)


def food_label(food: Food, language: str) -> str:
    """The food's name in ``language``, with its brand when it has one: ``Nutella (Ferrero)``."""
    name = food.name_in(language)
    return (f"{name} ({food.brand})" if food.brand else name)[:MAX_NAME]


def renamed(item: MealItem, food: Food, language: str) -> MealItem:
    """``item`` named in ``language`` when its name is one of ``food``'s names; else ``item`` itself."""
    if item.food_id != food.id:
        return item
    names = [n for n in (food.name, food.name_fr) if n]
    plain = {n[:MAX_NAME] for n in names}
    branded = {f"{n} ({food.brand})"[:MAX_NAME] for n in names} if food.brand else set()
    if item.name in plain:
        wanted = food.name_in(language)[:MAX_NAME]
    elif item.name in branded:
        wanted = food_label(food, language)
    else:
        return item
    return item if wanted == item.name else replace(item, name=wanted)
