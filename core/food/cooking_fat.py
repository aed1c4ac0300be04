"""Fat a food was cooked in: "tilapia baked in oil", "chicken fried in olive oil", "poulet cuit à l'huile d'olive".

What a food is made with stays part of it, but a cooking fat said after a cooking verb is eaten too, and the
catalogue's plain cooked food ("tilapia, cooked") holds none: the fat becomes an item of its own, at a
household figure of 5 g a 100 g of food (about a teaspoon; pan-fried foods keep a few grams of their fat),
at least a teaspoon and at most a tablespoon. A food named as cooked that way ("egg, fried", "roast potatoes",
"french fries") already holds its fat and gets none.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.text import content_stems, fold, stem
from core.food.vocabulary import COOKED_WORDS, FILLER, HEAT_WORDS, RAW_WORDS, USUALLY_COOKED, split_words
from core.model.food import Food

FATS = frozenset(split_words("oil oils butter lard ghee margarine shortening huile beurre saindoux graisse"))
COOKING_VERBS = HEAT_WORDS | frozenset(split_words("cooked pan-fried deep-fried stir-fried poele poelee poeles"))
GRAMS_PER_100G = 5.0
MIN_GRAMS = 4.5  # a teaspoon of oil
MAX_GRAMS = 14.0  # a tablespoon
_PLAIN = COOKED_WORDS | RAW_WORDS  # "tilapia, cooked", "mushrooms, raw": the values of the food alone
# A food's name holding one of these holds its cooking fat already.
_FAT_IN_NAME = frozenset(
    stem(w)
    for w in split_words("fried fries frit frite frites roast roasted roti rotie saute sauteed poele oil butter")
)


def _heat_before(words: list[str], end: int) -> int | None:
    """Where the last cooking verb before ``end`` is, if any."""
    return next((k for k in range(end - 1, -1, -1) if words[k] in COOKING_VERBS), None)


def split_cooking_fat(item: ParsedItem) -> ParsedItem:
    """The item with the fat it was cooked in taken out of its words into :attr:`ParsedItem.cooking_fat`.

    English: the fat is in the description ("baked in oil"); for a food with a usual form the cooking verb there
    is moved to the words ("2 eggs fried in butter": fried eggs, not boiled). French: the words hold the fat
    ("poulet cuit à l'huile d'olive").
    """
    if not any(w in FATS for w in (*item.modifiers, *item.words)):  # words are lower case; no fat has an accent
        return item
    mods = [fold(w.lower()) for w in item.modifiers]
    fat = next((k for k, w in enumerate(mods) if w in FATS), None)
    if fat is not None and fat + 1 == len(mods):
        heat = _heat_before(mods, fat)
        said = _heat_before([fold(w.lower()) for w in item.words], len(item.words))
        if heat is not None:  # "2 eggs fried in butter" are fried eggs; "chicken fried in oil" is no fried chicken
            head = stem(fold(item.words[-1].lower())) if item.words else ""
            form = said is None and USUALLY_COOKED.get(head, "cooked") != "cooked"
            words = (item.modifiers[heat], *item.words) if form else item.words
            fat_words = item.modifiers[heat + 1 :]
            return replace(item, words=words, modifiers=item.modifiers[: heat + 1], cooking_fat=fat_words)
        if said is not None and said + 1 == len(item.words):  # "potatoes roasted in olive oil"
            return replace(item, modifiers=(), cooking_fat=item.modifiers)
    named = [fold(w.lower()) for w in item.words]
    heat = _heat_before(named, len(named))
    if heat is not None and heat > 0 and any(w in FATS for w in named[heat + 1 :]):  # French: "cuit à l'huile"
        return replace(item, words=item.words[: heat + 1], cooking_fat=item.words[heat + 1 :])
    return item


def takes_fat(food: Food) -> bool:
    """Whether the food is a plain one named raw or cooked ("tilapia, cooked"), whose values hold no cooking fat.

    A food named as fried or roasted, or a fat, holds it already; a dish ("chow mein") has its own.
    """
    said = [fold(w) for w in content_stems(food.name, FILLER)]
    return any(w in _PLAIN for w in said) and not any(stem(w) in _FAT_IN_NAME for w in said)


def fat_grams(food_grams: float) -> float:
    """Grams of cooking fat for ``food_grams`` of food."""
    return min(MAX_GRAMS, max(MIN_GRAMS, food_grams * GRAMS_PER_100G / 100.0))
