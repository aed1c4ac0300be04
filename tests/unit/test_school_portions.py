"""A school portion is a child's: the usual portion at the small factor, never the food's whole "small" item.

Also a size on a plural with no count ("small chicken nuggets") scales the usual serving, not one piece.
"""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal
from core.food.portions import item_grams
from core.food.units import SIZE_FACTOR
from core.model.food import Food, Portion

PIZZA = Food(
    "pizza", "cheese pizza", 266, 11, 33, 10,
    portions=(Portion("1 slice", 107), Portion("1 small", 450)), default_grams=107,
)  # fmt: skip
SANDWICH = Food("sandwich", "chicken fillet sandwich", 270, 14, 28, 11, portions=(Portion("1 sandwich", 170),))
JUICE = Food("juice", "apple juice", 46, 0, 11, 0, portions=(Portion("1 container", 200),))
NUGGETS = Food(
    "nuggets", "chicken nuggets", 296, 15, 16, 19,
    portions=(Portion("1 piece", 16), Portion("6 pieces", 96)), default_grams=96,
)  # fmt: skip


def _grams(text: str, food: Food) -> float:
    (item,) = parse_meal(text).items
    return item_grams(item, food).grams


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a chicken fillet sandwich from the school cafeteria", SANDWICH),
        ("an individual school container of apple juice", JUICE),
        ("a school pizza", PIZZA),
    ],
)
def test_a_school_portion_is_the_usual_one_made_smaller(text: str, food: Food) -> None:
    plain = _grams(text.replace("school ", ""), food)
    assert _grams(text, food) == pytest.approx(plain * SIZE_FACTOR["school"])
    assert SIZE_FACTOR["school"] < 1


def test_a_school_pizza_is_not_a_whole_small_pie() -> None:
    assert _grams("a school pizza", PIZZA) < _grams("a pizza", PIZZA) < _grams("a small pizza", PIZZA)


def test_school_is_a_size_not_a_food_word() -> None:
    (item,) = parse_meal("a chicken fillet sandwich from the school cafeteria").items
    assert item.size == "school" and "school" not in item.words


@pytest.mark.parametrize(("size", "factor"), [("small", 0.74), ("large", 1.37)])
def test_a_sized_plural_scales_the_usual_serving(size: str, factor: float) -> None:
    assert _grams("chicken nuggets", NUGGETS) == 96
    assert _grams(f"{size} chicken nuggets", NUGGETS) == pytest.approx(96 * factor)
