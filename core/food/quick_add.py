"""Quick add: ``/add 350 [label] [p=20 c=30 f=10]`` — energy (and macros) the user states outright.

The result is one exact :class:`MealItem` (source MANUAL, no weight), shown as an estimate before saving.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.errors import InvalidValue
from core.model import ItemSource, MealItem
from core.text import N_

MAX_KCAL = 5000.0
MAX_MACRO_G = 500.0
_NUMBER = r"\d+(?:[.,]\d+)?"
_KCAL = re.compile(rf"^(?P<kcal>{_NUMBER})\s*(?:kcal|cal|calories?)?$", re.IGNORECASE)
_MACRO = re.compile(rf"^(?P<key>[a-z]+)\s*[=:]\s*(?P<grams>{_NUMBER})\s*g?$", re.IGNORECASE)
MACRO_KEYS = {
    "p": "protein_g",
    "protein": "protein_g",
    "proteins": "protein_g",
    "c": "carbs_g",
    "carbs": "carbs_g",
    "carb": "carbs_g",
    "g": "carbs_g",  # French "glucides"
    "glucides": "carbs_g",
    "f": "fat_g",
    "fat": "fat_g",
    "l": "fat_g",  # French "lipides"
    "lipides": "fat_g",
}
USAGE = N_("Write /add and the kcal, e.g. “/add 350 protein bar p=20 c=30 f=10” (macros in grams, optional).")
# 4 kcal per g of protein and carbohydrate, 9 per g of fat; labels round, so allow a margin.
MACRO_MARGIN = 1.2


@dataclass(frozen=True, slots=True)
class QuickAdd:
    """The parsed item, its label (None when the user gave none) and whether the macros exceed the kcal."""

    item: MealItem
    label: str | None
    macros_exceed_kcal: bool


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_quick_add(args: str, default_label: str) -> QuickAdd:
    """Read ``"350 protein bar p=20 c=30 f=10"``; raises :class:`InvalidValue` with a usage line."""
    words = re.sub(r"\s*([=:])\s*", r"\1", args.strip()).split()
    if not words or not (kcal_match := _KCAL.match(words[0])):
        raise InvalidValue("kcal", USAGE)
    kcal = _number(kcal_match.group("kcal"))
    if not 0 < kcal <= MAX_KCAL:
        raise InvalidValue("kcal", N_("Give between 1 and {max} kcal."), max=f"{MAX_KCAL:.0f}")
    macros = {"protein_g": 0.0, "carbs_g": 0.0, "fat_g": 0.0}
    label_words: list[str] = []
    for word in words[1:]:
        if (macro := _MACRO.match(word)) is None:
            if word.lower() in ("kcal", "cal", "calories"):
                continue
            label_words.append(word)
            continue
        key = MACRO_KEYS.get(macro.group("key").lower())
        if key is None:
            raise InvalidValue("macro", N_("I don't know the macro “{key}”: use p, c or f."), key=macro.group("key"))
        grams = _number(macro.group("grams"))
        if grams > MAX_MACRO_G:
            raise InvalidValue("macro", N_("Give at most {max} g of each macro."), max=f"{MAX_MACRO_G:.0f}")
        macros[key] = grams
    label = " ".join(label_words).strip(" :-,")[:200] or None
    item = MealItem(
        name=label or default_label,
        grams=0.0,
        kcal=kcal,
        protein_g=macros["protein_g"],
        carbs_g=macros["carbs_g"],
        fat_g=macros["fat_g"],
        source=ItemSource.MANUAL,
        low_kcal=kcal,
        high_kcal=kcal,
    )
    macro_kcal = 4 * (macros["protein_g"] + macros["carbs_g"]) + 9 * macros["fat_g"]
    return QuickAdd(item, label, macro_kcal > kcal * MACRO_MARGIN + 10)
