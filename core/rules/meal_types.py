"""Meal types: breakfast, lunch, dinner or snack, from the user's words or else from the local time.

"for breakfast 2 eggs", "lunch: soup", "2 eggs au petit-déjeuner", "goûter : une pomme" name the type, and
the words are taken out of the text before it is estimated; "a dinner roll" or "snack bar" stay food.
Without such words, the local hour decides (``BY_HOUR``).
"""

from __future__ import annotations

import re
from datetime import time

from core.model.meal import MealType

WORDS: dict[MealType, tuple[str, ...]] = {
    MealType.BREAKFAST: ("breakfast", "brekkie", "petit-déjeuner", "petit déjeuner", "petit-dejeuner",
                         "petit dejeuner", "petit-déj", "petit déj", "petit dej", "p'tit déj"),
    MealType.LUNCH: ("lunch", "luncheon", "déjeuner", "dejeuner", "déj", "midi"),
    MealType.DINNER: ("dinner", "supper", "dîner", "diner", "souper"),
    MealType.SNACK: ("snack", "snacks", "goûter", "gouter", "collation", "en-cas", "encas", "en cas"),
}  # fmt: skip
_LEAD = r"(?:for|at|as|my|pour|au|à|en|ce|mon|comme)(?:\s+(?:a|an|the|my|le|la|mon|ce))?"
_NAMES = sorted(((w, kind) for kind, words in WORDS.items() for w in words), key=lambda p: -len(p[0]))
_WORD = rf"({'|'.join(re.escape(w) for w, _ in _NAMES)})"
# "for breakfast …", "breakfast: …" (a bare "breakfast burrito" or "snack bar" stays food), "… for dinner"
_PREFIX = re.compile(rf"^\s*(?:{_LEAD}\s+{_WORD}(?![\w-])\s*[:,-]?|{_WORD}\s*[:,-])\s*", re.IGNORECASE)
_SUFFIX = re.compile(rf"[\s,]+{_LEAD}\s+{_WORD}\s*[.!]?\s*$", re.IGNORECASE)
_BY_WORD = {w.lower(): kind for w, kind in _NAMES}
BY_HOUR = (
    (time(4, 0), MealType.BREAKFAST),
    (time(11, 0), MealType.LUNCH),
    (time(15, 0), MealType.SNACK),
    (time(17, 30), MealType.DINNER),
    (time(22, 0), MealType.SNACK),
)
"""From each time on, that type (until the next line); before 04:00 it is a snack."""


def meal_type_at(local: time) -> MealType:
    """The type a meal gets at this local time when the user did not say."""
    found = MealType.SNACK
    for start, kind in BY_HOUR:
        if local >= start:
            found = kind
    return found


def meal_type_in(text: str) -> tuple[MealType | None, str]:
    """The type named at the start or the end of ``text``, and the text without those words."""
    for pattern in (_PREFIX, _SUFFIX):
        match = pattern.search(text)
        if match is not None:
            word = next(w for w in match.groups() if w)
            rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,:-")
            return _BY_WORD[word.lower()], re.sub(r"\s{2,}", " ", rest)
    return None, text
