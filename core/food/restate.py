"""Amounts restated after a food: "a steak, which weighed 1.9 oz", "a can of cola, measuring 12 fl oz".

A clause that holds only a weighed or measured amount (and filler: "which was", "about", "a hearty …
portion") says how much of the previous item there was. It is counted once: it gives the previous item its
weight when that item had none (a count, a container or no amount), and it is taken as a repetition when the
item was already weighed. A repetition far from the first amount is not silently dropped: it is shown as not
understood.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.measure import OF, best_measure
from core.food.quantities import NUMBER_WORDS, amount_problem
from core.food.segment import Segment
from core.food.stated_kcal import KCAL_WORDS
from core.food.text import fold
from core.food.units import MASS_G, SIZE_WORDS, UNIT_WORDS, VOLUME_ML
from core.food.vocabulary import DESCRIPTORS, FILLER

MEASURED = frozenset(MASS_G) | frozenset(VOLUME_ML)
_AMOUNT_WORDS = FILLER | DESCRIPTORS | frozenset(UNIT_WORDS) | frozenset(SIZE_WORDS) | frozenset(NUMBER_WORDS)
_REMARK_WORDS = frozenset({"which", "that", "it", "was", "were", "is", "making", "came", "for", "in", "total"})
_AGREE = 0.25  # two statements of the same amount within 25 % of each other are one amount


def restated_amount(segment: Segment) -> tuple[float, str] | None:
    """The weighed or measured amount a segment only restates (value, unit), or None when it names anything else."""
    tokens = [t.lower() for t in segment.tokens]
    if amount_problem(tokens, UNIT_WORDS, KCAL_WORDS) is not None or any(fold(t) in KCAL_WORDS for t in tokens):
        return None
    used: set[int] = set()
    amount, _size, unit = best_measure(tokens, used)
    if amount is None or not amount.stated or unit not in MEASURED:
        return None
    if any(fold(t) in OF for t in tokens):
        return None  # "250 g of rich, creamy …": the food comes next
    for i, tok in enumerate(tokens):
        word = fold(tok)
        if i in used or not word[:1].isalpha():
            continue
        if word not in _AMOUNT_WORDS and word not in _REMARK_WORDS:
            return None
    return amount.value, unit


def restated_count(segment: Segment) -> tuple[float, str | None] | None:
    """The count a segment only restates ("sushi, 8 pieces", "pizza, 2 slices", "chicken wings, 6"), or None.

    Only a number and maybe its unit or "about": any other word is something else ("2 eggs", "6 of them").
    """
    tokens = [t.lower() for t in segment.tokens if t[:1].isalnum()]
    if not tokens or amount_problem(tokens, UNIT_WORDS, KCAL_WORDS) is not None:
        return None
    used: set[int] = set()
    amount, size, unit = best_measure(tokens, used)
    if amount is None or not amount.stated or size is not None or unit in MEASURED:
        return None
    if any(i not in used and fold(tok) not in _ABOUT for i, tok in enumerate(tokens)):
        return None
    return amount.value, unit


_ABOUT = frozenset({"about", "around", "approximately", "roughly", "environ"})


def recount(item: ParsedItem, value: float, unit: str | None) -> ParsedItem | None:
    """The item with the count restated after it, or None when it already had an amount of its own."""
    if item.problem is not None or item.stated_kcal is not None or item.amount_stated or item.unit is not None:
        return None
    return replace(item, amount=value, unit=unit, amount_stated=True, bare=False)


def restate(item: ParsedItem, value: float, unit: str) -> tuple[ParsedItem, bool]:
    """The item with the restated amount, and whether the restatement agreed with what was already said.

    An item without a weight takes it; a weighed item keeps its own amount, and a restatement in the same
    kind of unit that differs by more than a quarter disagrees (the caller shows it as not understood).
    """
    if item.problem is not None or item.stated_kcal is not None:
        return item, False
    if not (item.amount_stated and item.unit in MEASURED):
        return replace(item, amount=value, unit=unit, amount_stated=True, bare=False, size=None), True
    first, second = _in_base(item.amount, item.unit), _in_base(value, unit)
    if first is None or second is None or first[1] != second[1]:
        return item, True  # grams against millilitres: no density here, taken as the same amount
    return item, abs(first[0] - second[0]) <= _AGREE * max(first[0], second[0])


def _in_base(value: float, unit: str | None) -> tuple[float, str] | None:
    if unit in MASS_G:
        return value * MASS_G[unit], "g"
    if unit in VOLUME_ML:
        return value * VOLUME_ML[unit], "ml"
    return None
