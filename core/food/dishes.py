"""Ingredient lists that name one dish: "an egg, cheese, and bacon sandwich" is one sandwich, not three foods.

A run of single-word items ending in a bare multi-word item whose last word is a dish (sandwich,
burrito, omelette...) is folded into that dish, the ingredients becoming its modifiers.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.text import fold, stem
from core.food.vocabulary import split_words

DISH_HEADS = frozenset(
    stem(w)
    for w in split_words(
        """sandwich sandwiches burrito burritos pizza omelette omelet biscuit bagel wrap taco tacos quesadilla
        muffin croissant sub submarine hoagie burger cheeseburger melt panini crepe galette tartine soup stew
        casserole salad"""
    )
)


def _is_dish(item: ParsedItem) -> bool:
    return len(item.words) >= 2 and stem(fold(item.words[-1])) in DISH_HEADS and item.bare


def _is_ingredient(item: ParsedItem, first: bool) -> bool:
    if item.problem is not None:  # "-2 eggs" is refused, never folded into a dish
        return False
    if first:  # "a cup of ham, noodle, and vegetable soup": the first may carry the amount
        return len(item.words) == 1 and item.stated_kcal is None and item.unit not in {"g", "kg", "oz", "lb", "ml"}
    return len(item.words) == 1 and item.bare and item.stated_kcal is None


def fold_ingredient_lists(items: list[ParsedItem]) -> list[ParsedItem]:
    """Items with each "<ingredient>, <ingredient> and <ingredient> <dish>" run made one dish."""
    out: list[ParsedItem] = []
    for item in items:
        run = 0
        while run < len(out) and _is_ingredient(out[-1 - run], first=False):
            run += 1
        if run < len(out) and _is_ingredient(out[-1 - run], first=True):
            run += 1
        if _is_dish(item) and (run >= 2 or (run == 1 and item.joined and out[-1].bare)):
            parts = out[len(out) - run :]
            del out[len(out) - run :]
            first = parts[0]
            extra = tuple(w for p in parts for w in (*p.words, *p.modifiers))
            item = replace(
                item,
                alternatives=(*(a for p in parts for a in p.alternatives), *item.alternatives),
                text=f"{first.text} … {item.text}"[:200],
                modifiers=(*extra, *item.modifiers),
                amount=first.amount,
                amount_stated=first.amount_stated,
                unit=first.unit,
                size=first.size,
                joined=first.joined,
                bare=first.bare,
            )
        out.append(item)
    return out
