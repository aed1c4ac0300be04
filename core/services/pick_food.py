"""Turn a food picked from the catalogue and an amount (grams or one of its portions) into an estimate."""

from __future__ import annotations

import re

from core.errors import InvalidValue
from core.food.food_names import food_label
from core.food.parse import parse_meal
from core.food.portions import item_grams
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate
from core.model.food import Food
from core.ports import FoodCatalog
from core.text import N_

BARE_GRAMS_FROM = 20  # "150" after picking a food is grams; "2" is two of it
CATALOGUE_SPREAD = 0.10  # catalogue values are per 100 g; portions weighed by eye vary about ±10 %


def food_item(food: Food, grams: float, language: str = "en") -> MealItem:
    """``grams`` of ``food`` as a meal item with its kcal range, named in ``language``."""
    factor = grams / 100.0
    kcal = food.kcal_100g * factor
    return MealItem(
        name=food_label(food, language),
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
    """Grams for an amount of ``food`` as people write it after picking it.

    ``150``, ``150g`` and ``75,5 g`` are grams (a bare number from 20 up); a bare number under 20 counts the food
    (``2`` eggs); ``p2`` is the food's second portion; a portion's name (``1 slice``); and household amounts read
    like a meal would be — ``2 slices``, ``a cup``, ``half a cup``, ``a large``, ``2 tranches`` — through the food's
    own portions first, else typical sizes.
    """
    cleaned = " ".join(text.strip().lower().split())
    grams = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*(g|gr|grams?|grammes?)?", cleaned)
    if grams:
        value = float(grams.group(1).replace(",", "."))
        if grams.group(2) or value >= BARE_GRAMS_FROM:
            return _checked(value)
    index = re.fullmatch(r"p(\d+)", cleaned)
    if index and 1 <= int(index.group(1)) <= len(food.portions):
        return food.portions[int(index.group(1)) - 1].grams
    portion = food.portion(cleaned)
    if portion is not None:
        return portion.grams
    parsed = parse_meal(f"{cleaned} {food.name.lower()}").items if cleaned and not index else []
    if parsed and (parsed[0].amount_stated or parsed[0].unit or parsed[0].size) and not parsed[0].problem:
        return _checked(item_grams(parsed[0], food).grams)
    raise InvalidValue("grams", N_("I could not read “{text}” as grams or a portion."), text=text[:40])


def _checked(grams: float) -> float:
    if not 0 < grams <= 5000:
        raise InvalidValue("grams", N_("Give an amount between 1 and 5000 g."))
    return round(grams, 1)


async def pick_food(catalog: FoodCatalog, food_id: str, amount: str, language: str = "en") -> Estimate:
    """The estimate for ``amount`` of the catalogue food ``food_id``, named in ``language``."""
    food = await catalog.get(food_id)
    if food is None:
        raise InvalidValue("food", N_("That food is no longer in the catalogue. Search again with /food."))
    return Estimate((food_item(food, amount_grams(food, amount), language),))
