"""What a meal message says besides the food: which day ("yesterday", "hier") and which meal ("for dinner").

``"yesterday for dinner I had pizza"`` → (1, DINNER, ``"pizza"``); ``"last night: soup"`` and ``"hier soir une
soupe"`` mean yesterday's dinner. The food words are left for the estimator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.model.meal import MealType
from core.rules.meal_types import meal_type_in
from core.rules.open_days import days_back_in

_LAST_NIGHT = re.compile(r"^\s*(?:last\s+night|hier\s+soir)(?![\w-])\s*[:,-]?\s*", re.IGNORECASE)
_I_HAD = re.compile(r"^\s*(?:i\s+(?:had|ate)|j[’']ai\s+(?:mang[ée]|pris))\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MealWords:
    """Days back (0 = today), the meal type if said, and the text left to estimate."""

    days_back: int
    meal_type: MealType | None
    food: str


def read_meal_words(text: str) -> MealWords:
    """Take the day and meal-type words off the start or end of ``text`` (in any order)."""
    days_back, meal_type, rest = 0, None, text
    night = _LAST_NIGHT.match(rest)
    if night is not None:
        days_back, meal_type, rest = 1, MealType.DINNER, rest[night.end() :]
    for _ in range(2):  # "yesterday for dinner …" and "for dinner yesterday …"
        if not days_back:
            days_back, rest = days_back_in(rest)
        if meal_type is None:
            meal_type, rest = meal_type_in(rest)
    return MealWords(days_back, meal_type, _I_HAD.sub("", rest).strip() or rest)
