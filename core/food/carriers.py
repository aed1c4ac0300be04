"""Breads that carry a filling: a "nutella sandwich" is bread and Nutella, not the catalogue's ham sandwich.

A sandwich, wrap or pita named by its filling is matched to a catalogue dish by its head word ("sandwich"
is an alias of the ham sandwich, "wrap" of the chicken wrap). When the dish's own name does not hold the
filling said, the dish shown would read as a wrong food; the item is then the bread (two slices of white
bread, a flour tortilla, a pita) and the filling named, each a food of its own with its own kcal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.food.coverage import free_word, uncovered
from core.food.items import ParsedItem
from core.food.text import content_stems, fold, stem
from core.food.vocabulary import FILLER, split_words
from core.model.food import Food


@dataclass(frozen=True, slots=True)
class Carrier:
    """The bread a filled dish is made of: what to search for, its unit and how many per dish."""

    words: tuple[str, ...]
    unit: str
    per_dish: float


# Said head word (stem) -> the bread it is made of. Subs, tacos and burritos hold more than bread and one filling.
CARRIERS: dict[str, Carrier] = {
    "sandwich": Carrier(("white", "bread"), "slice", 2.0),
    "sarnie": Carrier(("white", "bread"), "slice", 2.0),
    "wrap": Carrier(("flour", "tortilla"), "wrap", 1.0),
    "pita": Carrier(("pita", "bread"), "pita", 1.0),
}
FILLING_MIN_G = 30.0  # a filling is the food's usual portion, at least a spread's two tablespoons' worth
FILLING_MAX_G = 60.0  # and at most two ounces (USDA's meat in a sandwich): "a chicken wrap" is not 130 g of breast
_UNITS = frozenset({None, "piece"})
# Other breads and dishes said with the head: the item is that dish, not white bread and a filling.
_OTHER_DISHES = frozenset(
    stem(w)
    for w in split_words(
        """sub subs submarine hoagie hero footlong croissant bagel muffin biscuit roll bun cake griddle salad club melt
    panini baguette ciabatta focaccia toast burger taco burrito quesadilla"""
    )
)


def carrier_of(parsed: ParsedItem) -> Carrier | None:
    """The bread of a filled dish said with a count or none ("a nutella sandwich", "2 tuna wraps")."""
    if parsed.unit not in _UNITS or parsed.stated_kcal is not None:
        return None
    if set(parsed.modifiers) - set(parsed.fillings):  # "a sandwich filled with cheese, lettuce…": the dish says more
        return None
    if any(stem(fold(w.lower())) in _OTHER_DISHES for w in parsed.words):  # "a croissant sandwich", "a sub sandwich"
        return None
    heads = [stem(fold(w.lower())) for w in parsed.words if stem(fold(w.lower())) in CARRIERS]
    return CARRIERS[heads[0]] if len(heads) == 1 else None


def foreign_fillings(parsed: ParsedItem, dish: Food) -> list[list[str]]:
    """The fillings said, each a list of words, when the dish's own name (English or French) holds none of them.

    Aliases do not count: "turkey wrap" is an alias of the chicken wrap, but the name shown says chicken. A dish
    naming one of the fillings stays ("an egg salad sandwich" as the egg mayonnaise sandwich). Each food listed
    before the dish is a filling of its own ("ham" of "a ham and cheese wrap"); the dish's own words are one.
    """
    names = replace(dish, name=f"{dish.name} {dish.name_fr or ''}", aliases=())
    said = [w for w in parsed.words if stem(fold(w.lower())) not in CARRIERS and not free_word(w)]
    groups = [[w] for w in parsed.fillings if not free_word(w)] + ([said] if said else [])
    every = [w for group in groups for w in group]
    if not every or len(uncovered(every, names)) < len(every):
        return []
    return groups


def holds_carrier(food: Food) -> bool:
    """Whether a food is itself a filled dish ("peanut butter and jelly sandwich" for "a pbj wrap")."""
    return any(stem(w) in CARRIERS for w in content_stems(food.name, FILLER))


def filling_grams(usual: float) -> float:
    """A filling's grams from the food's usual portion, kept to what a sandwich holds."""
    return min(FILLING_MAX_G, max(FILLING_MIN_G, usual))
