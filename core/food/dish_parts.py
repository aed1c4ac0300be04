"""A crust said after its dish is part of that dish: "a slice of pizza with a medium crust" is one slice of pizza.

Parsed alone, "with a thin crust" became a food of its own (shortcrust pastry, 220 kcal on top of the pizza).
A bare part of a dish (crust, dough) after an item, with no amount or unit of its own, describes that item: its
words join the item's description, so they still refine which food it is ("a pizza with a thin crust" may be the
thin crust pizza) but add nothing. A crust with an amount ("50 g of pie crust") or first in a message stays a food.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.text import fold
from core.food.vocabulary import split_words

_PARTS: frozenset[str] = frozenset(split_words("crust crusts dough base croute pate"))


def _part_of_dish(item: ParsedItem) -> bool:
    """Whether the item is only a part of a dish ("a medium crust"), with no amount or energy of its own."""
    return (
        bool(item.words)
        and fold(item.words[-1]) in _PARTS
        and item.joined
        and not item.amount_stated
        and item.unit is None
        and item.stated_kcal is None
        and item.problem is None
    )


def fold_dish_parts(items: list[ParsedItem]) -> list[ParsedItem]:
    """Items with each crust said after a dish made part of that dish's description."""
    out: list[ParsedItem] = []
    for item in items:
        if out and out[-1].problem is None and _part_of_dish(item):
            before = out[-1]
            out[-1] = replace(
                before,
                text=f"{before.text} + {item.text}"[:200],
                modifiers=(*before.modifiers, *item.words, *item.modifiers),
                alternatives=(*before.alternatives, *item.alternatives),
            )
            continue
        out.append(item)
    return out
