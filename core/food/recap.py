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


def _restates(item: ParsedItem, earlier: ParsedItem) -> bool:
    mine = _stems(item)
    said = item.text.lower().split()
    more = any(fold(t) in _MORE for t in said)
    return bool(mine) and item.stated_kcal is None and not more and mine <= _stems(earlier)


def _mapping(items: list[ParsedItem], start: int) -> list[int] | None:
    """For each item from ``start``, the earlier item it restates, in order; None when one restates none."""
    out: list[int] = []
    for item in items[start:]:
        k = next((k for k in range(out[-1] + 1 if out else 0, start) if _restates(item, items[k])), None)
        if k is None:
            return None
        out.append(k)
    return out


def drop_recap(items: list[ParsedItem]) -> list[ParsedItem]:
    """The items without a closing recap of them."""
    for start in range(1, len(items) - MIN_RUN + 1):
        mapping = _mapping(items, start) if len(items) - start <= start else None
        if mapping is None:
            continue
        out = list(items[:start])
        for k, item in zip(mapping, items[start:], strict=True):
            if item.amount_stated and item.unit is not None and out[k].unit is None:  # "one steak, 200 g"
                out[k] = replace(out[k], amount=item.amount, amount_stated=True, unit=item.unit)
        return out
    return items
