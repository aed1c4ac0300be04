"""Ready-made meals keep what they are made of: "a frozen meal of chicken, served with noodles and vegetables".

A frozen or TV dinner is one product whose label weight and energy cover its whole tray; the foods a message
names as its contents describe which meal it is, they are not extra items. Without this, "a frozen meal of
chicken in cream sauce, served with noodles and vegetables" counted the meal and then a plate of noodles.

* The meal words are "frozen meal", "TV dinner", "microwave meal", "a frozen breakfast / entrée / option"…, also
  with one refining word between them ("a frozen diet meal", "a frozen lean dinner"). A food word right after
  them is the food named ("frozen dinner rolls", "a frozen breakfast burrito": ``parse._food_noun``).
* The item's other food words become its description (modifiers), so the matcher sees a frozen meal.
* Bare items after it (no article, amount or size of their own: "…, served with noodles and vegetables",
  "… with rice") join it as description. The first one must be joined by "with", or follow a meal already
  described ("a frozen meal of beef, carrots"); "a frozen meal and chips" stays two foods, and so does anything
  with an article or an amount ("a TV dinner with a coke").
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.text import fold
from core.food.vocabulary import MEAL_NOUNS, READY_MADE, split_words

# Words that may stand between "frozen" and "meal" and still name a ready-made meal.
_BETWEEN: frozenset[str] = frozenset(split_words("diet lean light lite low-calorie reduced-calorie healthy"))


def ready_meal_words(words: tuple[str, ...]) -> tuple[int, ...] | None:
    """Positions of the words naming a ready-made meal ("frozen", "diet", "meal"), or None."""
    folded = [fold(w) for w in words]
    for i, word in enumerate(folded):
        if word not in MEAL_NOUNS:
            continue
        if i >= 1 and folded[i - 1] in READY_MADE:
            return (i - 1, i)
        if i >= 2 and folded[i - 2] in READY_MADE and folded[i - 1] in _BETWEEN:
            return (i - 2, i - 1, i)
    return None


def _joins(item: ParsedItem) -> bool:
    """Whether an item can only describe what came before: no amount, unit, size, energy or problem of its own."""
    return item.bare and item.stated_kcal is None and item.problem is None and bool(item.words)


def fold_ready_meals(items: list[ParsedItem]) -> list[ParsedItem]:
    """Items with each ready-made meal made one item holding its described contents."""
    out: list[ParsedItem] = []
    meal: ParsedItem | None = None  # the ready-made meal still taking contents
    for item in items:
        if meal is not None and _joins(item) and (meal.modifiers or (item.joined and not item.listed)):
            meal = replace(
                meal,
                text=f"{meal.text} + {item.text}"[:200],
                modifiers=(*meal.modifiers, *item.words, *item.modifiers),
                alternatives=(*meal.alternatives, *item.alternatives),
            )
            out[-1] = meal
            continue
        meal = None
        named = ready_meal_words(item.words) if item.problem is None else None
        if named is not None:
            contents = tuple(w for k, w in enumerate(item.words) if k not in named)
            words = tuple(item.words[k] for k in named)  # "with noodles" after a weighed meal is in it, not a side
            item = replace(item, words=words, modifiers=(*contents, *item.modifiers, *item.sides), sides=())
            meal = item
        out.append(item)
    return out
