"""A sandwich, wrap or pita named by a filling its matched dish does not hold: the bread and that filling.

"a nutella sandwich" matched the ham sandwich (whose alias is "sandwich") and was shown as one; it is now
white bread and chocolate hazelnut spread. A filling that is itself a filled dish is that dish ("a pbj wrap"
is the peanut butter and jelly sandwich). See :mod:`core.food.carriers`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from core.food.carriers import carrier_of, filling_grams, foreign_fillings, holds_carrier
from core.food.coverage import names_exactly
from core.food.items import ParsedItem
from core.food.matching import Scored
from core.model import MealItem
from core.model.food import Food
from core.services.matched_items import meal_item, scaled

BestFood = Callable[[ParsedItem, str], Awaitable[Scored | None]]


async def _named(words: list[str], best_food: BestFood, language: str, floor: float) -> Scored | None:
    parsed = ParsedItem(text=" ".join(words)[:200], words=tuple(words), bare=True)
    hit = await best_food(parsed, language)
    return hit if hit is not None and hit.score >= floor and names_exactly(words, hit.food) else None


async def carried(
    parsed: ParsedItem, dish: Food, best_food: BestFood, language: str, floor: float
) -> tuple[list[MealItem], list[str], list[str]] | None:
    """The items replacing the dish, the filling words used, and those naming no food; None to keep the dish."""
    carrier = carrier_of(parsed)
    foreign = foreign_fillings(parsed, dish) if carrier else []
    if carrier is None or not foreign:
        return None
    found: list[tuple[list[str], Scored | None]] = []
    for group in foreign:  # "peanut butter" is one food; "bbbb tuna" is tuna and a word not understood
        whole = await _named(group, best_food, language, floor)
        found += [(group, whole)] if whole else [([w], await _named([w], best_food, language, floor)) for w in group]
    fillings = [(words, hit) for words, hit in found if hit is not None]
    rest = [" ".join(words) for words, hit in found if hit is None]
    used = [w for group in foreign for w in group]
    if not fillings:
        return None
    dish_hit = next((hit for _, hit in fillings if holds_carrier(hit.food)), None)
    if dish_hit is not None:  # "a pbj wrap": the sandwich of that name, counted as said
        item = meal_item(replace(parsed, words=tuple(used)), dish_hit)
        return ([item] if item else []), used, rest
    count = parsed.amount
    bread_words = carrier.words
    bread = ParsedItem(" ".join(bread_words), bread_words, amount=carrier.per_dish * count, amount_stated=True)
    bread = replace(bread, unit=carrier.unit)
    bread_hit = await best_food(bread, language)
    items = [meal_item(bread, bread_hit)] if bread_hit else []
    for words, hit in fillings:
        usual = meal_item(ParsedItem(" ".join(words), tuple(words), bare=True), hit)
        if usual is not None:
            items.append(scaled(usual, filling_grams(usual.grams) * count))
    return [i for i in items if i is not None], used, rest
