"""Amounts stated in a photo caption ("330 ml", "1/2 pack of 250 g", "45g"), turned into grams.

Only explicit weights and volumes count (millilitres are taken as grams); anything vaguer is left to
the user to edit. The caption with the amount removed serves as the item's name.
"""

from __future__ import annotations

import re

_UNITS = {"g": 1.0, "gr": 1.0, "gram": 1.0, "grams": 1.0, "gramme": 1.0, "grammes": 1.0, "kg": 1000.0}
_UNITS |= {"ml": 1.0, "cl": 10.0, "dl": 100.0, "l": 1000.0, "oz": 28.35, "lb": 453.6}
_AMOUNT = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>grammes|gramme|grams|gram|gr|kg|g|ml|cl|dl|l|oz|lb)\b", re.IGNORECASE
)
MAX_GRAMS = 5000.0


def caption_grams(caption: str) -> float | None:
    """The first explicit amount in the caption in grams, or None (also for absurd amounts)."""
    match = _AMOUNT.search(caption)
    if not match:
        return None
    grams = float(match.group("num").replace(",", ".")) * _UNITS[match.group("unit").lower()]
    return grams if 0 < grams <= MAX_GRAMS else None


def caption_name(caption: str, fallback: str) -> str:
    """The caption without its amount, as a short item name; ``fallback`` when nothing is left."""
    name = " ".join(_AMOUNT.sub(" ", caption).split()).strip(" ,.;:-")
    return name[:80] if any(ch.isalpha() for ch in name) else fallback


_COUNT = re.compile(
    r"(?:\bx\s*|×\s*)?(?<![\d.,/])(?P<num>\d+(?:[.,]\d+)?|½)(?![\d.,/])(?!\s*(?:%|kcal|kj|cal)\b)\s*(?:x\b|×)?",
    re.IGNORECASE,
)
MAX_SERVINGS = 20.0


def caption_count(caption: str) -> tuple[float, str] | None:
    """A number of servings in a caption without weights ("2", "2 biscuits", "x2") and the caption without it."""
    if caption_grams(caption) is not None:
        return None
    match = _COUNT.search(caption)
    if match is None:
        return None
    number = match.group("num")
    count = 0.5 if number == "½" else float(number.replace(",", "."))
    rest = " ".join(f"{caption[: match.start()]} {caption[match.end() :]}".split())
    return (count, rest) if 0 < count <= MAX_SERVINGS else None
