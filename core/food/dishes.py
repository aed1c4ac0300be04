"""Ingredient lists that name one dish: "an egg, cheese, and bacon sandwich" is one sandwich, not three foods.

A run of single-word items ending in a bare multi-word item whose last word is a dish (sandwich,
burrito, omelette...) is folded into that dish, the ingredients becoming its modifiers.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.text import fold, stem
from core.food.vocabulary import DRINK_WORDS, split_words

DISH_HEADS = frozenset(
    stem(w)
    for w in split_words(
        """sandwich sandwiches burrito burritos pizza omelette omelet biscuit bagel wrap taco tacos quesadilla
        muffin croissant sub submarine hoagie burger cheeseburger melt panini crepe galette tartine soup stew
        casserole salad bar bars"""
    )
)

# Dishes built on what they are served on: "a sandwich on rye" names that sandwich's bread, not a second food, and
# "a burger on a brioche bun" is a burger, not a bun.
ON_THEIR_BASE = frozenset(
    stem(w)
    for w in split_words(
        """sandwich sandwiches sub submarine hoagie hero burger burgers cheeseburger hamburger wrap taco tacos burrito
        quesadilla bagel muffin croissant panini melt toast toastie pizza roll bun biscuit tartine bruschetta crostini
        dog hotdog slider sliders"""
    )
)


def _is_dish(item: ParsedItem) -> bool:
    return len(item.words) >= 2 and stem(fold(item.words[-1])) in DISH_HEADS and _no_amount(item)


def _no_amount(item: ParsedItem) -> bool:
    """No amount of its own: bare, or only an article inside its description ("sandwich on an English muffin")."""
    if item.bare:
        return True
    plain = not item.amount_stated and item.unit is None and item.size is None and item.amount == 1
    return plain and bool(item.modifiers) and fold(item.text.split()[0]) not in _ARTICLES


def _article_only(item: ParsedItem) -> bool:
    """One word after an article and maybe a size ("a steak", "a footlong steak"): both may be the whole dish's."""
    plain = not item.amount_stated and item.unit is None and item.amount == 1
    return plain and len(item.words) == 1 and fold(item.words[0]) not in _DRINKS


_ARTICLES = frozenset({"a", "an"})
# Drinks are never a filling: "a coffee and cheese sandwich" is a coffee and a cheese sandwich.
_DRINKS = DRINK_WORDS
# Nor are breads and sides eaten beside a dish: "bread and tomato soup", "a roll and lentil soup", "fries and chicken
# sandwich" are two foods (a word here is never folded into the dish after it, so it is never lost in it).
_BESIDE = _DRINKS | frozenset(split_words("bread roll rolls fries sorbet"))


def _is_ingredient(item: ParsedItem, first: bool) -> bool:
    if item.problem is not None:  # "-2 eggs" is refused, never folded into a dish
        return False
    if len(item.words) == 1 and fold(item.words[0]) in _BESIDE:
        return False
    if first:  # "a cup of ham, noodle, and vegetable soup": the first may carry the amount
        return len(item.words) == 1 and item.stated_kcal is None and item.unit not in {"g", "kg", "oz", "lb", "ml"}
    return len(item.words) == 1 and item.bare and item.stated_kcal is None


# Units that are the food's own shape: "a bar of oats and nuts" is one bar made of both, not oats and nuts.
_SHAPED_UNITS = frozenset({"bar"})


def fold_shaped_contents(items: list[ParsedItem]) -> list[ParsedItem]:
    """Items with "a bar of X and Y" made one bar of X and Y (Y a single word with no article or amount of its own)."""
    out: list[ParsedItem] = []
    for item in items:
        before = out[-1] if out else None
        if (
            before is not None
            and before.unit in _SHAPED_UNITS
            and len(item.words) == 1
            and item.text.split()[:1] == [item.words[0].lower()]  # "and nuts", not "and a coffee", "some tea"
            and item.unit is None
            and item.size is None
            and not item.amount_stated
            and item.stated_kcal is None
            and item.problem is None
        ):
            out[-1] = replace(
                before,
                text=f"{before.text} … {item.text}"[:200],
                words=(*before.words, *item.words, "bar"),
                modifiers=(*before.modifiers, *item.modifiers),
                alternatives=(*before.alternatives, *item.alternatives),
            )
            continue
        out.append(item)
    return out


def fold_ingredient_lists(items: list[ParsedItem]) -> list[ParsedItem]:
    """Items with each "<ingredient>, <ingredient> and <ingredient> <dish>" run made one dish."""
    out: list[ParsedItem] = []
    for item in items:
        run = 0
        while run < len(out) and _is_ingredient(out[-1 - run], first=False):
            run += 1
        if run < len(out) and _is_ingredient(out[-1 - run], first=True):
            run += 1
        single = run == 1 and item.joined and item.listed and (out[-1].bare or _article_only(out[-1]))
        if _is_dish(item) and (run >= 2 or single):  # "a steak and cheese sub": the article is the sub's
            parts = out[len(out) - run :]
            del out[len(out) - run :]
            first = parts[0]
            extra = tuple(w for p in parts for w in (*p.words, *p.modifiers))
            item = replace(
                item,
                alternatives=(*(a for p in parts for a in p.alternatives), *item.alternatives),
                text=f"{first.text} … {item.text}"[:200],
                modifiers=(*extra, *item.modifiers),
                fillings=(*extra, *item.fillings),
                amount=first.amount,
                amount_stated=first.amount_stated,
                unit=first.unit,
                size=first.size,
                joined=first.joined,
                bare=first.bare,
            )
        out.append(item)
    return out
