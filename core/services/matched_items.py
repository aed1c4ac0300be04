"""A matched food as a meal item: its grams and range, a food named inside a dish, and what the words say of it.

Pure functions over a parsed item and its match, used by :mod:`core.services.estimate_meal`.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.matching import Scored
from core.food.portions import MAX_GRAMS, dish_of_parts, item_grams, plural_serving
from core.food.stated_kcal import MAX_ITEM_KCAL
from core.food.text import fold
from core.food.units import SIZE_WORDS
from core.food.vocabulary import COOKED_WORDS, DRY_WORDS, HEAT_WORDS, RAW_WORDS
from core.model import ItemSource, MealItem
from core.model.food import Food

PART_GRAMS = 100.0  # the most a food named inside a dish ("chicken caesar salad") adds


def meal_item(parsed: ParsedItem, hit: Scored, main: Food | None = None) -> MealItem | None:
    """The item for ``parsed`` matched to ``hit`` (``main``: the dish it is part of); None when too large."""
    food = hit.food
    amount = item_grams(parsed, food, main)
    if amount.grams > MAX_GRAMS or food.kcal_100g * amount.grams / 100.0 > MAX_ITEM_KCAL:
        return None
    factor = amount.grams / 100.0
    kcal = food.kcal_100g * factor
    spread = min(0.9, amount.spread + max(0.0, 0.9 - hit.score) * 0.5)
    counted = parsed.unit in (None, "piece") and not parsed.bare and parsed.stated_kcal is None
    if counted and parsed.amount < 1 and parsed.unit is None and dish_of_parts(parsed, food):
        counted = False  # "half an avocado on toast" is one avocado toast: no "0.5 ×" over a whole one's grams
    if counted and plural_serving(parsed):
        counted = False  # "a tacos", "une frites": a serving of several, not "1 ×" over three tacos' grams
    return MealItem(
        name=food.name[:200],
        grams=round(amount.grams, 1),
        kcal=round(kcal, 1),
        protein_g=round(food.protein_100g * factor, 1),
        carbs_g=round(food.carbs_100g * factor, 1),
        fat_g=round(food.fat_100g * factor, 1),
        source=ItemSource.DATABASE,
        low_kcal=round(kcal * (1 - spread), 1),
        high_kcal=round(kcal * (1 + spread), 1),
        food_id=food.id,
        count=parsed.amount if counted else None,
    )


def is_raw(food: Food) -> bool:
    """A food the catalogue names raw ("broccoli, raw")."""
    return any(fold(w) in RAW_WORDS for w in food.name.replace(",", " ").split())


def is_dry(food: Food) -> bool:
    """A food sold dry, to be cooked ("corn grain, yellow, dry")."""
    return any(fold(w) in DRY_WORDS for w in food.name.replace(",", " ").split())


def size_word(parsed: ParsedItem) -> str | None:
    """The size word just before the item's words ("big" of "a big mac"), which may be part of a food's name."""
    said = parsed.text.lower().split()
    if not parsed.size or not parsed.words or parsed.words[0].lower() not in said:
        return None
    i = said.index(parsed.words[0].lower())
    return said[i - 1] if i > 0 and SIZE_WORDS.get(fold(said[i - 1])) == parsed.size else None


def said_cooked(parsed: ParsedItem) -> bool:
    """Whether the item's words say it was cooked ("maize grain that was boiled", "boiled rice")."""
    return any(fold(w) in COOKED_WORDS for w in (*parsed.words, *parsed.modifiers))


def said_heat(parsed: ParsedItem) -> bool:
    """Whether the item's words say it was cooked in any way ("grilled chicken", "boiled courgettes")."""
    return any(fold(w) in HEAT_WORDS for w in (*parsed.words, *parsed.modifiers))


def part_item(parsed: ParsedItem, hit: Scored) -> MealItem | None:
    """A food named inside a dish ("chicken" of "chicken caesar salad"): its usual portion, at most PART_GRAMS."""
    whole = meal_item(parsed, hit)
    if whole is None or whole.grams <= PART_GRAMS:
        return whole
    return scaled(whole, PART_GRAMS)


def scaled(item: MealItem, grams: float) -> MealItem:
    """The item at ``grams`` instead of its own, its kcal, macros and range in proportion."""
    factor = grams / item.grams if item.grams else 0.0
    return replace(
        item,
        grams=round(grams, 1),
        kcal=round(item.kcal * factor, 1),
        protein_g=round(item.protein_g * factor, 1),
        carbs_g=round(item.carbs_g * factor, 1),
        fat_g=round(item.fat_g * factor, 1),
        low_kcal=round(item.low_kcal * factor, 1),
        high_kcal=round(item.high_kcal * factor, 1),
        count=None,
    )
