"""Turn a food picked from the catalogue and an amount (grams or one of its portions) into an estimate."""

from __future__ import annotations

import re

from core.errors import InvalidValue
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate
from core.model.food import Food
from core.ports import FoodCatalog
from core.text import N_

CATALOGUE_SPREAD = 0.10  # catalogue values are per 100 g; portions weighed by eye vary about ±10 %


def food_item(food: Food, grams: float) -> MealItem:
    """``grams`` of ``food`` as a meal item with its kcal range."""
    factor = grams / 100.0
    kcal = food.kcal_100g * factor
    return MealItem(
        name=food.name if not food.brand else f"{food.name} ({food.brand})",
        grams=grams,
        kcal=kcal,
        protein_g=food.protein_100g * factor,
        carbs_g=food.carbs_100g * factor,
        fat_g=food.fat_100g * factor,
        source=ItemSource.DATABASE,
        low_kcal=kcal * (1 - CATALOGUE_SPREAD),
        high_kcal=kcal * (1 + CATALOGUE_SPREAD),
        food_id=food.id,
    )


def amount_grams(food: Food, text: str) -> float:
    """Grams for ``"150"``, ``"150g"``, ``"p2"`` (the food's second portion) or a portion's name."""
    cleaned = text.strip().lower()
    grams = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*g?", cleaned)
    if grams:
        value = float(grams.group(1).replace(",", "."))
        if not 0 < value <= 5000:
            raise InvalidValue("grams", N_("Give an amount between 1 and 5000 g."))
        return value
    index = re.fullmatch(r"p(\d+)", cleaned)
    if index and 1 <= int(index.group(1)) <= len(food.portions):
        return food.portions[int(index.group(1)) - 1].grams
    portion = food.portion(cleaned)
    if portion is not None:
        return portion.grams
    raise InvalidValue("grams", N_("I could not read “{text}” as grams or a portion."), text=text[:40])


async def pick_food(catalog: FoodCatalog, food_id: str, amount: str) -> Estimate:
    """The estimate for ``amount`` of the catalogue food ``food_id``."""
    food = await catalog.get(food_id)
    if food is None:
        raise InvalidValue("food", N_("That food is no longer in the catalogue. Search again with /food."))
    return Estimate((food_item(food, amount_grams(food, amount)),))
