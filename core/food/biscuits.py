"""Which biscuit: an American quick bread, or a British or French sweet biscuit (a cookie).

In American English a "biscuit" is a Southern quick bread (SR28 18016, 353 kcal/100 g, 35-77 g a biscuit), in
British English and in French ("un biscuit") a sweet cookie (8-15 g).

The estimator is told the language, not the country, so the words decide: a bare "biscuit" is the American
bread, unless the language tag says British English or French, the meal has tea or coffee with it ("a cup of tea
and a biscuit"), it comes by the packet, three or more, weighed in metric units ("a 70 g biscuit"), or is
described as sweet ("a biscuit rich in cocoa"). A named biscuit ("digestive biscuits", "a chocolate biscuit",
"a sausage biscuit") is matched by its name as before.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.text import fold, stem
from core.food.vocabulary import split_words

US_WORDS = ("southern", "biscuit")  # an alias of the American biscuit in the built-in foods
_UK_TAGS = ("fr", "en-gb", "en-ie", "en-au", "en-nz", "en-za", "en-in")
_HOT_DRINKS = frozenset(
    stem(w) for w in split_words("tea teas cuppa coffee coffees latte cappuccino espresso the cafe")
)
_PACKS = frozenset({"packet", "pack", "box", "sleeve", "tin", "packets", "packs", "boxes", "paquet", "sachet"})
_SWEET = frozenset(
    stem(w)
    for w in split_words(
        "cocoa chocolate vanilla ginger oat oats digestive shortbread custard cream coconut almond sugar icing iced "
        "wafer caramel sweet chip chips"
    )
)
_METRIC = frozenset({"g", "kg", "mg"})


def _bare_biscuit(item: ParsedItem) -> bool:
    """A biscuit named by no other word, and not described as sweet ("a biscuit rich in cocoa")."""
    sweet = any(stem(fold(w.lower())) in _SWEET for w in item.modifiers)
    return len(item.words) == 1 and stem(fold(item.words[0].lower())) == "biscuit" and not sweet


def _with_tea(items: tuple[ParsedItem, ...]) -> bool:
    return any(stem(fold(w.lower())) in _HOT_DRINKS for item in items for w in item.words)


def biscuit_senses(items: tuple[ParsedItem, ...], language: str) -> tuple[ParsedItem, ...]:
    """The items with each bare American "biscuit" named so ("southern biscuit"); the others unchanged."""
    if language.lower().startswith(_UK_TAGS) or not any(map(_bare_biscuit, items)) or _with_tea(items):
        return items
    return tuple(replace(i, words=US_WORDS) if _american(i) else i for i in items)


def _american(item: ParsedItem) -> bool:
    if not _bare_biscuit(item) or item.unit in _PACKS or item.unit in _METRIC:
        return False
    return not (item.amount_stated and item.amount >= 3)
