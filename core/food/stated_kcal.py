"""Energy stated outright by the user ("pizza 800 kcal"): taken as exact, never invented."""

from __future__ import annotations

import re

from core.model import ItemSource, MealItem

KCAL_WORDS = frozenset({"kcal", "cal", "cals", "calorie", "calories", "kcals", "kilocalories"})
MAX_ITEM_KCAL = 5000.0
_KCAL = re.compile(r"^(?P<name>.*?)[\s:=-]*(?P<kcal>\d+(?:[.,]\d+)?)\s*(?:kcal|cal|calories?)\s*$", re.IGNORECASE)


def stated_item(name: str, kcal: float) -> MealItem | None:
    """An exact item of ``kcal`` named ``name``; None for absurd values."""
    if not 0 <= kcal <= MAX_ITEM_KCAL:
        return None
    return MealItem(
        name=(name.strip(" :-=") or "food")[:200],
        grams=0.0,
        kcal=kcal,
        protein_g=0.0,
        carbs_g=0.0,
        fat_g=0.0,
        source=ItemSource.MANUAL,
        low_kcal=kcal,
        high_kcal=kcal,
    )


def parse_stated_kcal(segment: str) -> MealItem | None:
    """An item for ``"<name> <N> kcal"``, or None when the segment states no energy."""
    match = _KCAL.match(segment.strip())
    if not match:
        return None
    return stated_item(match.group("name"), float(match.group("kcal").replace(",", ".")))
