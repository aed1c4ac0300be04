"""How many grams a parsed item weighs, and how sure that figure is.

Stated mass or volume first, then the food's own household portions, then typical sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.food.parse import ParsedItem
from core.food.text import fold
from core.food.units import HOUSEHOLD_G, MASS_G, PORTION_NAMES, SIZE_FACTOR, VOLUME_ML
from core.model.food import Food, Portion

MAX_GRAMS = 3000.0
_HOUSEHOLD_VOLUMES = frozenset({"cup", "tbsp", "tsp", "pint", "quart", "glass"})
_LEADING = re.compile(r"^\s*[\d.,/]+\s*")
_PAREN = re.compile(r"\(.*?\)")
# Relative half-width of the kcal range for each way of knowing the amount.
SPREAD_WEIGHED = 0.08
SPREAD_VOLUME = 0.15
SPREAD_PORTION = 0.25
SPREAD_GUESS = 0.4


@dataclass(frozen=True, slots=True)
class Amount:
    """Grams eaten and the relative uncertainty of that figure."""

    grams: float
    spread: float
    how: str


def _portion_words(portion: Portion) -> str:
    name = _PAREN.sub(" ", fold(portion.name.lower()))
    return " ".join(_LEADING.sub("", name).replace(",", " ").split())


def find_portion(food: Food, wanted: tuple[str, ...]) -> Portion | None:
    """The food's portion named like one of ``wanted`` (exact name first, then as a word in the name)."""
    named = [(p, _portion_words(p)) for p in food.portions if p.grams > 0]
    for want in wanted:
        for portion, words in named:
            if words == want:
                return portion
    for want in wanted:
        for portion, words in named:
            if re.search(rf"\b{re.escape(want)}s?\b", words):
                return portion
    return None


def _density(food: Food) -> float:
    """Grams per millilitre, roughly: oils are light, dry energy-dense foods are airy, the rest ~ water."""
    if food.fat_100g > 85:
        return 0.92
    if food.kcal_100g > 330:
        return 0.55
    return 1.0


def _sized(food: Food, size: str | None) -> tuple[float, float]:
    """Grams of one unit of a food of that size, and the spread."""
    if size:
        portion = find_portion(food, PORTION_NAMES[size])
        if portion:
            return portion.grams, SPREAD_PORTION
        return food.default_grams * SIZE_FACTOR[size], SPREAD_GUESS
    return food.default_grams, SPREAD_GUESS - 0.05 if food.portions else SPREAD_GUESS


def item_grams(item: ParsedItem, food: Food) -> Amount:
    """Grams of ``food`` the item describes."""
    unit, count = item.unit, item.amount
    if unit in MASS_G:
        return Amount(count * MASS_G[unit], SPREAD_WEIGHED, "weighed")
    if unit in VOLUME_ML:
        portion = find_portion(food, PORTION_NAMES.get(unit, (unit,))) if unit in _HOUSEHOLD_VOLUMES else None
        if portion:
            return Amount(count * portion.grams, SPREAD_PORTION - 0.05, f"{unit} portion")
        return Amount(count * VOLUME_ML[unit] * _density(food), SPREAD_VOLUME, "volume")
    if unit and unit not in {"piece", "serving"}:
        portion = find_portion(food, PORTION_NAMES.get(unit, (unit,)))
        if portion:
            factor = SIZE_FACTOR[item.size] if item.size else 1.0
            return Amount(count * portion.grams * factor, SPREAD_PORTION, f"{unit} portion")
        guess = HOUSEHOLD_G.get(unit, food.default_grams)
        return Amount(count * guess * (SIZE_FACTOR[item.size] if item.size else 1.0), SPREAD_GUESS, f"typical {unit}")
    if unit == "serving":
        portion = find_portion(food, PORTION_NAMES["serving"])
        grams = portion.grams if portion else food.default_grams
        return Amount(count * grams, SPREAD_PORTION if portion else SPREAD_GUESS, "serving")
    grams, spread = _sized(food, item.size)
    if unit == "piece" and not item.size:
        portion = find_portion(food, PORTION_NAMES["piece"])
        grams, spread = (portion.grams, SPREAD_PORTION) if portion else (grams, spread)
    return Amount(count * grams, spread, "portion" if spread < SPREAD_GUESS else "typical portion")
