"""A closing list that names the foods already counted again restates the meal: it is not counted twice.

"… I enjoyed one biscuit, one small cookie, one thigh, and one drumstick" after those four foods.

A run of three or more items at the end of a message, each named only by words of a different earlier item, in
the same order, with no word saying more ("another", "again", "more"), is a recap. Each restated item keeps
the earlier item's amount unless the recap weighs it ("one steak, 200 g") and the earlier one was not weighed.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.text import fold, stem

MIN_RUN = 3
_MORE = frozenset({"another", "again", "more", "extra", "second", "seconds", "autre", "encore", "refill"})


def _stems(item: ParsedItem) -> frozenset[str]:
    return frozenset(stem(fold(w.lower())) for w in item.words)


def _can_restate(item: ParsedItem) -> bool:
    """Whether an item may restate an earlier one: it names food, states no energy and says no "more"."""
    return bool(item.words) and item.stated_kcal is None and not any(fold(t) in _MORE for t in item.text.split())


def _mapping(stems: list[frozenset[str]], start: int) -> list[int] | None:
    """For each item from ``start``, the earlier item it restates, in order; None when one restates none."""
    out: list[int] = []
    for mine in stems[start:]:
        k = next((k for k in range(out[-1] + 1 if out else 0, start) if mine <= stems[k]), None)
        if k is None:
            return None
        out.append(k)
    return out


def drop_recap(items: list[ParsedItem]) -> list[ParsedItem]:
    """The items without a closing recap of them."""
    n = len(items)
    if n < 2 * MIN_RUN or not all(_can_restate(i) for i in items[n - MIN_RUN :]):
        return items  # cheap way out for nearly every meal: no recap can end it
    stems = [_stems(i) for i in items]
    able = [_can_restate(i) for i in items]
    for start in range((n + 1) // 2, n - MIN_RUN + 1):  # a recap is no longer than what it restates
        mapping = _mapping(stems, start) if all(able[start:]) else None
        if mapping is None:
            continue
        out = list(items[:start])
        for k, item in zip(mapping, items[start:], strict=True):
            if item.amount_stated and item.unit is not None and out[k].unit is None:  # "one steak, 200 g"
                out[k] = replace(out[k], amount=item.amount, amount_stated=True, unit=item.unit)
        return out
    return items
